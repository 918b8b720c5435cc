#!/usr/bin/env bash
# `dabiao report` on a generated plan (benches/gen_plan.py) beside
# `dabiao validate` on the same plan and a plain Python script doing the
# work of the years CSV (benches/report_python.py), in the same run: the
# best of a few timings of each (wall and processor seconds: on a busy
# machine the processor time is the steadier), the peak resident memory of
# each, their ratios, and whether the Python script's CSV is dabiao's byte
# for byte.
#
# Usage: benches/report_compare.sh [METRICS] [RUNS]
#   METRICS  metrics of the generated plan, 10 projected years (default 100000)
#   RUNS     timings of each command, the best kept (default 3)
#   DABIAO   the binary to time (default: target/release/dabiao, built here)
#   PYTHON=0 leaves the Python script out (for plans too large for it)
set -euo pipefail
cd "$(dirname "$0")/.."
metrics=${1:-100000}
runs=${2:-3}
if [ -z "${DABIAO:-}" ]; then
    cargo build --release --quiet
    DABIAO=target/release/dabiao
fi
python3 -c 'import tomllib' 2>/dev/null || {
    echo "Python 3.11 or later is needed (tomllib)" >&2
    exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan=$work/plan.toml
python3 benches/gen_plan.py "$metrics" 10 >"$plan"

# Runs a command with its output to a file: prints its wall seconds,
# processor seconds and peak resident memory in KB, those of the command
# alone.
measure() {
    local out=$1
    shift
    python3 - "$out" "$@" <<'PY'
import os, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
with open(out, "wb") as file:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=file, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
if status != 0:
    sys.exit(f"{' '.join(command)} failed")
print(f"{seconds:.3f} {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss}")
PY
}

# The best times of `runs` runs of a command, and its lowest peak.
best() {
    local label=$1
    shift
    local seconds="" processor="" kb="" s p k
    for _ in $(seq "$runs"); do
        read -r s p k < <(measure "$work/$label.out" "$@")
        if [ -z "$seconds" ] || awk "BEGIN{exit !($s < $seconds)}"; then seconds=$s; fi
        if [ -z "$processor" ] || awk "BEGIN{exit !($p < $processor)}"; then processor=$p; fi
        if [ -z "$kb" ] || [ "$k" -lt "$kb" ]; then kb=$k; fi
    done
    echo "$seconds $processor $kb"
}

declare -A time cpu peak
cases=(validate summary years json table)
declare -A command=(
    [validate]="validate"
    [summary]="report -f csv"
    [years]="report -f csv --table years"
    [json]="report -f json"
    [table]="report -f table"
)
for case in "${cases[@]}"; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    read -r time[$case] cpu[$case] peak[$case] < <(best "$case" "$DABIAO" ${command[$case]} "$plan")
done
if [ "${PYTHON:-1}" != 0 ]; then
    read -r time[python] cpu[python] peak[python] < <(best python python3 benches/report_python.py "$plan")
fi

echo "plan: $metrics metrics × 10 years ($(du -h "$plan" | cut -f1)), best of $runs runs, $(nproc) cores"
echo "ratios are to validate's"
printf '%-36s %7s %7s %8s %7s %7s %7s\n' command "wall s" "cpu s" "peak MB" "× wall" "× cpu" "× peak"
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
row() {
    local label=$1 case=$2
    printf '%-36s %7s %7s %8d %7s %7s %7s\n' "$label" "${time[$case]}" "${cpu[$case]}" \
        $((peak[$case] / 1024)) "$(ratio "${time[$case]}" "${time[validate]}")" \
        "$(ratio "${cpu[$case]}" "${cpu[validate]}")" "$(ratio "${peak[$case]}" "${peak[validate]}")"
}
for case in "${cases[@]}"; do
    row "dabiao ${command[$case]}" "$case"
done
if [ -n "${time[python]:-}" ]; then
    row "python report_python.py" python
    echo "the years CSV is $(ratio "${time[python]}" "${time[years]}") times as fast as the" \
        "Python script in wall time, $(ratio "${cpu[python]}" "${cpu[years]}") in processor time"
    if cmp -s "$work/years.out" "$work/python.out"; then
        echo "the Python script's CSV is dabiao's, byte for byte"
    else
        echo "the Python script's CSV differs from dabiao's:" >&2
        cmp "$work/years.out" "$work/python.out" >&2 || true
        exit 1
    fi
fi
