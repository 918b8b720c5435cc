"""The case of benches/odds.rs, simulated with vectorised numpy.

Same model and outputs as the engine: ten compound metrics over five years,
log shocks sigma * (sqrt(rho) F + sqrt(1 - rho) eps), yearly 10/25/75/90 %
bands, each level goal's odds and the first year from which it holds
(followed up to 30 years past the target year), every other metric's rate
goal. Arrays hold all paths at once, as numpy code naturally does.

Usage: python3 odds_numpy.py [PATHS] [SEED]
"""

import sys
import time

import numpy as np

METRICS, YEARS, LATER, RHO = 10, 5, 30, 0.3
SLACK = 1e-9  # dabiao's noise::RELATIVE_SLACK


def case():
    i = np.arange(METRICS)
    baseline, growth, sigma = 100.0 + 10.0 * i, 0.04 + 0.01 * i, 0.05 + 0.01 * i
    path = baseline[:, None] * (1.0 + growth[:, None]) ** np.arange(YEARS + LATER + 1)
    level = path[:, YEARS] * np.exp((-1.0 + 0.25 * i) * sigma * np.sqrt(YEARS))
    rated = i[i % 2 == 0]
    return baseline, sigma, path, level, rated, growth[rated] - 0.01


def at_least(value, target):
    return value >= target - SLACK * np.maximum(np.abs(value), np.abs(target))


def rate_at_least(rate, target):
    return rate >= target - SLACK * (1.0 + np.maximum(np.abs(rate), np.abs(target)))


def first_year(counts, q):
    reached = np.cumsum(counts[:-1]) >= q * counts.sum()
    return int(np.argmax(reached)) if reached.any() else None


def simulate(paths, seed):
    baseline, sigma, path, level, rated, rate_target = case()
    rng = np.random.default_rng(seed)
    common, own = np.sqrt(RHO), np.sqrt(1.0 - RHO)
    noise = np.zeros((METRICS, paths))
    since = np.where(at_least(path[:, 0], level), 0, -1)[:, None].repeat(paths, axis=1)
    bands = np.empty((METRICS, YEARS + 1, 4))
    bands[:, 0, :] = path[:, :1]
    for k in range(1, YEARS + 1):
        shock = common * rng.standard_normal(paths) + own * rng.standard_normal((METRICS, paths))
        noise += sigma[:, None] * shock
        value = path[:, k, None] * np.exp(noise)
        holds = at_least(value, level[:, None])
        since = np.where(holds, np.where(since < 0, k, since), -1)
        bands[:, k, :] = np.quantile(value, [0.1, 0.25, 0.75, 0.9], axis=1).T
    level_odds = (since >= 0).mean(axis=1)
    rate = (value[rated] / baseline[rated, None]) ** (1.0 / YEARS) - 1.0
    rate_odds = rate_at_least(rate, rate_target[:, None]).mean(axis=1)
    value_percentiles = np.quantile(value, [0.1, 0.5, 0.9], axis=1)
    counts = np.zeros((METRICS, YEARS + LATER + 2), dtype=np.int64)
    for m in range(METRICS):
        counts[m, : YEARS + 1] = np.bincount(since[m][since[m] >= 0], minlength=YEARS + 1)
    short = since < 0
    alive = short.any(axis=0)
    noise, short = noise[:, alive], short[:, alive]
    for k in range(YEARS + 1, YEARS + LATER + 1):
        if noise.shape[1] == 0:
            break
        shock = common * rng.standard_normal(noise.shape[1]) + own * rng.standard_normal(noise.shape)
        noise += sigma[:, None] * shock
        hit = short & at_least(path[:, k, None] * np.exp(noise), level[:, None])
        counts[:, k] += hit.sum(axis=1)
        short &= ~hit
        alive = short.any(axis=0)
        noise, short = noise[:, alive], short[:, alive]
    counts[:, -1] = short.sum(axis=1)
    years = [[first_year(counts[m], q) for q in (0.1, 0.5, 0.9)] for m in range(METRICS)]
    return level_odds, rate_odds, rated, years, bands, value_percentiles


def main():
    paths = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20160204
    start = time.perf_counter()
    level_odds, rate_odds, rated, years, _, _ = simulate(paths, seed)
    seconds = time.perf_counter() - start
    # Goals in the engine's order: each metric's level goal, then its rate goal.
    odds = []
    for m in range(METRICS):
        odds.append(level_odds[m])
        if m in rated:
            odds.append(rate_odds[list(rated).index(m)])
    median = [2015 + y[1] if y[1] is not None else "later" for y in years]
    print(f"seconds {seconds:.3f}")
    print("probabilities " + " ".join(f"{p:.4f}" for p in odds))
    print("median years " + " ".join(str(y) for y in median))


if __name__ == "__main__":
    main()
