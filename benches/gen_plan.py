#!/usr/bin/env python3
"""Writes a generated plan to standard output, for measuring time and memory.

    python3 benches/gen_plan.py METRICS [YEARS] [SCENARIOS] > big.toml

METRICS metrics cycle through every model and goal form (as the `projection`
benchmark's plan does), projected over YEARS years (default 10) from 2015;
SCENARIOS scenarios (default 0) each shift every compound metric's growth.
"""

import sys


def main() -> None:
    metrics = int(sys.argv[1])
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    scenarios = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    out = sys.stdout
    out.write(f"[plan]\nbase_year = 2015\ntarget_year = {2015 + years}\n")
    increments = ", ".join(str(10 + i % 9) for i in range(years))
    for i in range(metrics):
        kind = i % 4
        if kind == 0 or i < 3:
            out.write(
                f'[metrics.m{i}]\nbaseline = {50 + i % 50}\ngrowth = "{5 + i % 20}%"\n'
                f'target = 150\nrate_target = "10%"\n'
            )
        elif kind == 1:
            out.write(
                f"[metrics.m{i}]\nbaseline = 120\nincrement = [{increments}]\n"
                f"target = {{ at_least = 200 }}\n"
            )
        elif kind == 2:
            out.write(
                f'[metrics.m{i}]\nbaseline = 420\ngrowth = "-3%"\n'
                f"target = {{ at_most = 400 }}\n"
            )
        else:
            out.write(
                f'[metrics.m{i}]\nratio = {{ numerator = "m{i - 3}", denominator = "m{i - 2}" }}\n'
                f"target = {{ about = 40, tolerance = 5 }}\n"
            )
    for s in range(scenarios):
        out.write(f'[scenarios.s{s}]\ngrowth_shift = "{s + 1}%"\n')


if __name__ == "__main__":
    main()
