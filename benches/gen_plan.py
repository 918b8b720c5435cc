#!/usr/bin/env python3
"""Writes a generated plan to standard output, or a folder of them, for
measuring time and memory.

    python3 benches/gen_plan.py METRICS [YEARS] [SCENARIOS] > big.toml
    python3 benches/gen_plan.py METRICS [YEARS] [SCENARIOS] --plans N FOLDER

METRICS metrics cycle through every model and goal form (as the `projection`
benchmark's plan does), projected over YEARS years (default 10) from 2015;
SCENARIOS scenarios (default 0) each shift every compound metric's growth.
With --plans, N plans are written to FOLDER as plan000.toml, plan001.toml, …,
each plan's baselines a little larger than the one before, so that the
plans, like a province's zones, share their goals but not their outcomes.
"""

import os
import sys
from typing import TextIO


def write_plan(out: TextIO, metrics: int, years: int, scenarios: int, plan: int = 0) -> None:
    """One plan; `plan` numbers it among several and raises its baselines."""
    lift = plan % 40
    out.write(f"[plan]\nbase_year = 2015\ntarget_year = {2015 + years}\n")
    increments = ", ".join(str(10 + i % 9) for i in range(years))
    for i in range(metrics):
        kind = i % 4
        if kind == 0 or i < 3:
            out.write(
                f'[metrics.m{i}]\nbaseline = {50 + (i + lift) % 50}\ngrowth = "{5 + i % 20}%"\n'
                f'target = 150\nrate_target = "10%"\n'
            )
        elif kind == 1:
            out.write(
                f"[metrics.m{i}]\nbaseline = {120 + lift}\nincrement = [{increments}]\n"
                f"target = {{ at_least = 200 }}\n"
            )
        elif kind == 2:
            out.write(
                f'[metrics.m{i}]\nbaseline = {420 + lift}\ngrowth = "-3%"\n'
                f"target = {{ at_most = 400 }}\n"
            )
        else:
            out.write(
                f'[metrics.m{i}]\nratio = {{ numerator = "m{i - 3}", denominator = "m{i - 2}" }}\n'
                f"target = {{ about = 40, tolerance = 5 }}\n"
            )
    for s in range(scenarios):
        out.write(f'[scenarios.s{s}]\ngrowth_shift = "{s + 1}%"\n')


def main() -> None:
    args = sys.argv[1:]
    folder, plans = None, 0
    if "--plans" in args:
        at = args.index("--plans")
        plans, folder = int(args[at + 1]), args[at + 2]
        del args[at : at + 3]
    metrics = int(args[0])
    years = int(args[1]) if len(args) > 1 else 10
    scenarios = int(args[2]) if len(args) > 2 else 0
    if folder is None:
        write_plan(sys.stdout, metrics, years, scenarios)
        return
    os.makedirs(folder, exist_ok=True)
    for plan in range(plans):
        with open(os.path.join(folder, f"plan{plan:03}.toml"), "w", encoding="utf-8") as out:
            write_plan(out, metrics, years, scenarios, plan)


if __name__ == "__main__":
    main()
