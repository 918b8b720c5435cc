#!/usr/bin/env python3
"""The work of `dabiao report -f csv --table years` in plain Python, as a
yardstick for its speed: read the plan with tomllib, project every metric
year by year, judge each level goal, and write the years table as CSV,
byte for byte as dabiao writes it for the plans benches/gen_plan.py makes.

    python3 benches/report_python.py PLAN.toml > years.csv

It reads what those plans use (compound, linear and ratio metrics, level
goals) and no more: no actual figures, scenarios or deflators. Prints the
goals reached, the seconds taken and the peak memory on standard error.
"""

import csv
import decimal
import math
import resource
import sys
import time
import tomllib


def rate(value):
    """A rate as the plan writes it: "5%" or 0.05."""
    if isinstance(value, str):
        return float(value.strip().removesuffix("%") + "e-2")
    return float(value)


def significant(x):
    """x rounded to 15 significant digits, as dabiao reports values."""
    if x == 0 or not math.isfinite(x):
        return x
    rounded = float(f"{x:.14e}")
    return rounded if math.isfinite(rounded) else x


def number(x):
    """x as a CSV cell: the shortest text that reads back as x, in fixed
    notation but from 10^15 up and below 10^-15 (1.5E+300)."""
    if not math.isfinite(x):
        return ""
    magnitude = abs(x)
    if magnitude >= 1e15 or 0 < magnitude < 1e-15:
        sign, digits, exponent = decimal.Decimal(repr(x)).normalize().as_tuple()
        digits = "".join(map(str, digits))
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{'-' if sign else ''}{mantissa}E{exponent + len(digits) - 1:+03d}"
    text = repr(x)
    if "e" in text:
        text = format(decimal.Decimal(text), "f")
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def defused(text):
    """Text a spreadsheet would run as a formula, after an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def project(metric, paths, horizon):
    """The metric's path, base year to target year (its parts' first)."""
    if "ratio" in metric:
        ratio = metric["ratio"]
        scale = float(ratio.get("scale", 100))
        numerator, denominator = paths[ratio["numerator"]], paths[ratio["denominator"]]
        return [n / d * scale for n, d in zip(numerator, denominator)]
    value = float(metric["baseline"])
    path = [value]
    if "growth" in metric:
        growth = metric["growth"]
        growth = [rate(g) for g in growth] if isinstance(growth, list) else [rate(growth)] * horizon
        for g in growth:
            value = value * (1.0 + g)
            path.append(value)
    else:
        increment = metric["increment"]
        if not isinstance(increment, list):
            increment = [increment] * horizon
        for step in increment:
            value = value + float(step)
            path.append(value)
    return path


def reached(goal, value):
    """Whether a level goal is reached, with dabiao's slack for noise."""
    if not isinstance(goal, dict):
        goal = {"at_least": goal}
    for op, target in goal.items():
        target = float(target)
        slack = 1e-9 * max(abs(value), abs(target))
        if op == "at_least":
            return value >= target - slack
        if op == "at_most":
            return value <= target + slack
        if op == "about":
            return abs(value - target) <= float(goal.get("tolerance", 0)) + slack
    return False


def main():
    start = time.perf_counter()
    with open(sys.argv[1], "rb") as file:
        plan = tomllib.load(file)
    base_year, target_year = plan["plan"]["base_year"], plan["plan"]["target_year"]
    horizon = target_year - base_year
    metrics = plan["metrics"]
    paths = {}
    goals = met = 0
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["scenario", "metric", "name", "unit", "year", "value", "source"])
    for id, metric in metrics.items():
        path = project(metric, paths, horizon)
        paths[id] = path
        if "target" in metric:
            goals += 1
            met += reached(metric["target"], path[-1])
        name = defused(metric.get("name", id))
        unit = defused(metric.get("unit", "%" if "ratio" in metric else ""))
        id = defused(id)
        for k, value in enumerate(path):
            source = "baseline" if k == 0 else "projected"
            out.writerow(["base", id, name, unit, base_year + k, number(significant(value)), source])
    sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"level goals reached {met} of {goals}", file=sys.stderr)
    print(f"seconds {time.perf_counter() - start:.3f}", file=sys.stderr)
    print(f"peak {peak}", file=sys.stderr)


if __name__ == "__main__":
    main()
