#!/usr/bin/env bash
# Many plans in one run against one run per plan: PLANS generated plans of
# METRICS metrics each (benches/gen_plan.py --plans), reported as FORMAT
# by one `dabiao report FOLDER` (each plan read, checked and projected on
# its own thread) and by one `dabiao report FILE` per plan, one after the
# other as a script would run them; prints both times and their ratio.
#
# Usage: benches/many_plans.sh [PLANS] [METRICS] [FORMAT]   (default 500 200 csv)
set -euo pipefail
cd "$(dirname "$0")/.."
plans=${1:-500}
metrics=${2:-200}
format=${3:-csv}

cargo build --release --locked --quiet
bin=$PWD/target/release/dabiao
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
python3 benches/gen_plan.py "$metrics" --plans "$plans" "$folder/plans"

# Seconds taken by a command, its output thrown away.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk "BEGIN { printf \"%.2f\", $end - $start }"
}

each() {
    for plan in "$folder"/plans/*.toml; do
        "$bin" report "$plan" -f "$format"
    done
}

# A missed goal is no failure here: every run must only succeed in writing.
one=$(seconds "$bin" report "$folder/plans" -f "$format")
separate=$(seconds each)
printf '%d plans of %d metrics, --format %s, %s cores\n' "$plans" "$metrics" "$format" "$(nproc)"
printf 'one run over the folder   %8s s\n' "$one"
printf '%d separate runs         %8s s\n' "$plans" "$separate"
awk "BEGIN { printf \"separate / one            %8.1f x\n\", $separate / $one }"
