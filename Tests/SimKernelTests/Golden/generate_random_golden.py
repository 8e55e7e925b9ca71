#!/usr/bin/env python3
"""Regenerates the golden files of the SimKernel random/statistics tests.

    python3 Tests/SimKernelTests/Golden/generate_random_golden.py

splitmix64.json: the portable SplitMix64 of the SimPy reference benchmarks (docs/kernel.md,
"Portable random numbers"; Steele, Lea & Flood 2014), written out here in pure Python from
those formulas (CPython floats use the platform libm, as
Swift's Foundation does on Linux). Doubles are stored as 16-hex-digit IEEE bit patterns
(compared bit for bit) next to their repr for readers.

distribution-reference.json: quantiles, CDFs and a t-interval from SciPy (compared with a
tolerance; SciPy and GSL are different implementations).
"""
import json
import math
import os
import sys

M64 = 0xFFFFFFFFFFFFFFFF
GOLDEN = 0x9E3779B97F4A7C15
HERE = os.path.dirname(os.path.abspath(__file__))


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, seed, stream):
        self.state = mix64((seed + (stream + 1) * GOLDEN) & M64)

    def next(self):
        self.state = (self.state + GOLDEN) & M64
        return mix64(self.state)

    def u(self):
        return (self.next() >> 11) * 2.0 ** -53

    def exp_rate(self, rate):
        return -math.log(1.0 - self.u()) / rate

    def exp_mean(self, mean):
        return -math.log(1.0 - self.u()) * mean

    def weibull(self, shape, scale):
        return scale * (-math.log(1.0 - self.u())) ** (1.0 / shape)

    def lognormal(self, mu, sigma):
        u1 = self.u()
        u2 = self.u()
        z = math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(6.283185307179586 * u2)
        return math.exp(mu + sigma * z)


def bits(x):
    import struct
    return struct.pack(">d", x).hex()


def dbl(x):
    return {"bits": bits(x), "repr": repr(x)}


def lognormal_parameters(mean, sd):
    # Operation order of bench_c_factory.py's Model.__init__.
    cv2 = (sd / mean) ** 2
    sigma = math.sqrt(math.log(1.0 + cv2))
    mu = math.log(mean) - 0.5 * sigma ** 2
    return mu, sigma


def splitmix_golden():
    cases = []
    mu, sigma = lognormal_parameters(4.0, 2.0)
    for seed, stream in [(42, 0), (42, 1), (42, 999), (1, 0), (0, 0), (M64, 7), (123456789, 49)]:
        raw_rng = SplitMix64(seed, stream)
        g = SplitMix64(seed, stream)
        cases.append({
            "seed": str(seed), "stream": str(stream),
            "state0": str(raw_rng.state),
            "next": [str(raw_rng.next()) for _ in range(5)],
            # One generator, drawn in this order: 5 uniforms, 3 Exp(rate 1), 3 Exp(mean 2.5),
            # 3 Weibull(2, 100), 3 lognormal(mu, sigma) (two uniforms each).
            "uniform": [dbl(g.u()) for _ in range(5)],
            "exponentialRate1": [dbl(g.exp_rate(1.0)) for _ in range(3)],
            "exponentialMean2_5": [dbl(g.exp_mean(2.5)) for _ in range(3)],
            "weibull2_100": [dbl(g.weibull(2.0, 100.0)) for _ in range(3)],
            "lognormalMean4Sd2": [dbl(g.lognormal(mu, sigma)) for _ in range(3)],
        })
    return {
        "spec": "docs/kernel.md, portable SplitMix64 of the SimPy reference benchmarks",
        "lognormalMean4Sd2": {"mu": dbl(mu), "sigma": dbl(sigma)},
        "cases": cases,
    }


def distribution_golden():
    import numpy as np
    import scipy
    from scipy import stats
    ps = [1e-10, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999]
    mean, sd = 4.0, 2.0
    s2 = math.log1p((sd / mean) ** 2)
    ln = stats.lognorm(s=math.sqrt(s2), scale=math.exp(math.log(mean) - s2 / 2))
    specs = [
        ({"kind": "normal", "mean": 10.0, "sd": 2.0}, stats.norm(10.0, 2.0)),
        ({"kind": "lognormal", "mean": mean, "sd": sd}, ln),
        ({"kind": "exponential", "mean": 2.5}, stats.expon(scale=2.5)),
        ({"kind": "weibull", "shape": 2.0, "scale": 100.0}, stats.weibull_min(2.0, scale=100.0)),
        ({"kind": "gamma", "shape": 0.5, "scale": 2.0}, stats.gamma(0.5, scale=2.0)),
        ({"kind": "gamma", "shape": 7.5, "scale": 0.4}, stats.gamma(7.5, scale=0.4)),
        ({"kind": "beta", "a": 2.0, "b": 5.0}, stats.beta(2.0, 5.0)),
        ({"kind": "beta", "a": 0.5, "b": 0.5}, stats.beta(0.5, 0.5)),
        ({"kind": "triangular", "min": 1.0, "mode": 2.0, "max": 4.0},
         stats.triang(1.0 / 3.0, loc=1.0, scale=3.0)),
        ({"kind": "uniform", "min": -1.0, "max": 3.0}, stats.uniform(-1.0, 4.0)),
        ({"kind": "poisson", "mean": 3.5}, stats.poisson(3.5)),
        ({"kind": "poisson", "mean": 250.0}, stats.poisson(250.0)),
    ]
    dists = []
    for spec, rv in specs:
        q = [float(rv.ppf(p)) for p in ps]
        xs = [float(rv.ppf(p)) for p in (0.1, 0.5, 0.8)]
        dists.append({"distribution": spec, "p": ps, "quantile": q,
                      "x": xs, "cdf": [float(rv.cdf(x)) for x in xs],
                      "mean": float(rv.mean()), "variance": float(rv.var())})
    sample = [12.1, 9.7, 11.4, 10.9, 13.2, 8.8, 10.1]
    intervals = []
    for level in (0.90, 0.95, 0.99):
        m = float(np.mean(sample))
        se = float(stats.sem(sample))
        lo, hi = stats.t.interval(level, len(sample) - 1, loc=m, scale=se)
        intervals.append({"level": level, "mean": m, "lower": float(lo), "upper": float(hi),
                          "halfWidth": float((hi - lo) / 2)})
    return {
        "source": "scipy %s, numpy %s" % (scipy.__version__, np.__version__),
        "distributions": dists,
        "tInterval": {"sample": sample, "intervals": intervals},
        "tQuantiles": [{"p": p, "df": df, "t": float(stats.t.ppf(p, df))}
                       for p, df in [(0.975, 1), (0.975, 6), (0.995, 19), (0.95, 200)]],
    }


def main():
    with open(os.path.join(HERE, "splitmix64.json"), "w") as f:
        json.dump(splitmix_golden(), f, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "distribution-reference.json"), "w") as f:
        json.dump(distribution_golden(), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
