#!/usr/bin/env bash
# The odds engine beside a vectorised numpy version of the same simulation
# (benches/odds_numpy.py), in the same run: the best of a few timings of
# each, its odds (they must agree within Monte Carlo error), and the peak
# resident memory, for the engine at a tenth of the paths too (it must not
# grow with them).
#
# Usage: benches/odds_compare.sh [PATHS] [RUNS]    (numpy: pip install numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-1000000}
runs=${2:-3}

python3 -c 'import numpy' 2>/dev/null || {
    echo "numpy is missing: pip install numpy" >&2
    exit 1
}
bench=$(cargo bench --bench odds --no-run 2>&1 |
    sed -n 's/^ *Executable benches\/odds.rs (\(.*\))$/\1/p')
[ -x "$bench" ] || {
    echo "could not build the odds benchmark" >&2
    exit 1
}

# Runs a command, printing its output's last lines and then its peak
# resident memory in MB on the last line.
peak() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f 'peak %M' "$@" 2>&1
    else
        python3 - "$@" <<'EOF'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print("peak", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
    fi
}

# The best of `runs` runs of a command: its fastest output, and the peak
# memory of that run.
best() {
    local fastest="" best_seconds=""
    for _ in $(seq "$runs"); do
        local out seconds
        out=$(peak "$@")
        seconds=$(sed -n 's/^seconds //p' <<<"$out")
        if [ -z "$best_seconds" ] || awk "BEGIN{exit !($seconds < $best_seconds)}"; then
            best_seconds=$seconds
            fastest=$out
        fi
    done
    echo "$fastest"
}

report() {
    local label=$1 out=$2
    local seconds kb
    seconds=$(sed -n 's/^seconds //p' <<<"$out")
    kb=$(sed -n 's/^peak //p' <<<"$out")
    printf '%-28s %8s s %8d MB peak\n' "$label" "$seconds" $((kb / 1024))
}

echo "case: $paths paths × 10 compound metrics × 5 years, ρ = 0.3, best of $runs runs, $(nproc) cores"
ours=$(best "$bench" --once "$paths")
tenth=$(best "$bench" --once $((paths / 10)))
theirs=$(best python3 benches/odds_numpy.py "$paths")
report "dabiao ($paths paths)" "$ours"
report "dabiao ($((paths / 10)) paths)" "$tenth"
report "numpy ($paths paths)" "$theirs"
awk -v a="$(sed -n 's/^seconds //p' <<<"$theirs")" -v b="$(sed -n 's/^seconds //p' <<<"$ours")" \
    'BEGIN { printf "dabiao is %.1f times as fast\n", a / b }'
echo "dabiao odds: $(sed -n 's/^probabilities //p' <<<"$ours")"
echo "numpy odds:  $(sed -n 's/^probabilities //p' <<<"$theirs")"
echo "dabiao median years: $(sed -n 's/^median years //p' <<<"$ours")"
echo "numpy median years:  $(sed -n 's/^median years //p' <<<"$theirs")"
