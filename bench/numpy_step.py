#!/usr/bin/env python3
"""Time one gradient-descent step of the prism simulator's algorithm with numpy (BLAS-backed).

Model: W (m x d) ~ N(0, 1/d), X (d x n) ~ N(0, 1), Sigma = X X^T / n, A = W^T W.
One step = the flow field F = -W S, S = (A-I) Sigma + Sigma (A-I), both losses
L_tr = tr((A-I) Sigma (A-I))/2 and L_pop = ||A-I||_F^2/2, and the update W += dt F,
by the same four evaluation orders ("routes") as org.prism.simulation.Route, choosing
the one with the fewest multiply-adds, into preallocated arrays (out=), so a step allocates
nothing. numpy's matmul of a matrix with its own transpose (W W^T, W^T W) is a BLAS syrk,
as in prism's native path.

Prints numpy's BLAS configuration, then d,m,n,route,ms_per_step,gflops: warm-up steps,
then the median of several timed steps. Compare with `prism bench step` (same sizes, same
columns). Threads: numpy's BLAS uses all cores unless OPENBLAS_NUM_THREADS=1 (or
OMP_NUM_THREADS=1) is set in the environment; `prism bench step` uses one BLAS thread unless
given --threads K, so compare OPENBLAS_NUM_THREADS=K with --threads K.

Usage: OPENBLAS_NUM_THREADS=1 python3 bench/numpy_step.py [d,m,n ...]
"""
import os
import statistics
import sys
import time

import numpy as np

SIZES = [(128, 128, 512), (256, 256, 1024), (512, 512, 2048), (1024, 64, 4096),
         (1024, 1024, 4096), (4096, 64, 4096)]


def multiply_adds(route, d, m, n):
    return {
        "latent_sigma": m * d * d + 4 * m * m * d,
        "latent_x": 2 * m * d * n + 4 * m * m * d,
        "feature_sigma": 2 * m * d * d + d ** 3,
        "feature_x": 2 * m * d * d + 2 * d * d * n,
    }[route]


def cheapest(d, m, n):
    routes = ["latent_sigma", "latent_x", "feature_sigma", "feature_x"]
    return min(routes, key=lambda r: (multiply_adds(r, d, m, n), routes.index(r)))


class Stepper:
    def __init__(self, d, m, n, rng):
        self.route = cheapest(d, m, n)
        self.d, self.m, self.n = d, m, n
        xt = rng.standard_normal((n, d))           # data points as rows, as in Java
        if self.route.endswith("sigma"):
            self.sigma = (xt.T @ xt) / n
            self.tr_sigma = float(np.trace(self.sigma))
        else:
            self.x = np.ascontiguousarray(xt.T)
            self.xt = xt
            self.tr_sigma = float(np.sum(xt * xt)) / n
        self.w = rng.standard_normal((m, d)) / np.sqrt(d)
        self.f = np.empty((m, d))
        self.scratch = np.empty((m, d))
        if self.route.startswith("latent"):
            self.p = np.empty((m, d))
            self.g = np.empty((m, m))
            self.q = np.empty((m, m))
            if self.route == "latent_x":
                self.wx = np.empty((m, n))
        else:
            self.b = np.empty((d, d))
            self.mm = np.empty((d, d))
            if self.route == "feature_x":
                self.bx = np.empty((d, n))

    def evaluate(self):
        w, f = self.w, self.f
        if self.route.startswith("latent"):
            if self.route == "latent_sigma":
                np.matmul(w, self.sigma, out=self.p)                 # P = W Sigma
            else:
                np.matmul(w, self.x, out=self.wx)
                np.matmul(self.wx, self.xt, out=self.p)
                self.p /= self.n                                      # P = (W X) X^T / n
            np.matmul(w, w.T, out=self.g)                             # G = W W^T
            np.matmul(self.p, w.T, out=self.q)                        # Q = W Sigma W^T
            tr_as = np.vdot(w, self.p)
            tr_asa = np.vdot(self.q, self.g)
            train = 0.5 * (tr_asa - 2 * tr_as + self.tr_sigma)
            pop = 0.5 * (np.vdot(self.g, self.g) - 2 * np.trace(self.g) + self.d)
            np.matmul(self.g, self.p, out=f)                          # F = 2P - G P - Q W
            np.matmul(self.q, w, out=self.scratch)
            f += self.scratch
            np.multiply(self.p, 2.0, out=self.scratch)
            np.subtract(self.scratch, f, out=f)
        else:
            b = self.b
            np.matmul(w.T, w, out=b)                                  # A = W^T W
            b[np.diag_indices(self.d)] -= 1.0                         # B = A - I
            if self.route == "feature_sigma":
                np.matmul(b, self.sigma, out=self.mm)                 # M = B Sigma
            else:
                np.matmul(b, self.x, out=self.bx)
                np.matmul(self.bx, self.xt, out=self.mm)
                self.mm /= self.n
            train = 0.5 * np.vdot(self.mm, b)
            pop = 0.5 * np.vdot(b, b)
            np.add(self.mm, self.mm.T, out=b)                         # S = M + M^T (over B, no longer needed)
            np.matmul(w, b, out=f)
            np.negative(f, out=f)                                     # F = -W S
        return train, pop

    def step(self, dt):
        train, pop = self.evaluate()
        np.multiply(self.f, dt, out=self.scratch)
        self.w += self.scratch
        return train, pop


def blas_line():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return "numpy %s, BLAS: %s %s (%s)" % (np.__version__, blas.get("name"), blas.get("version"),
                                            blas.get("openblas configuration", "").strip())
    except Exception:  # older numpy
        return "numpy %s, BLAS: see numpy.show_config()" % np.__version__


def threads_line():
    try:
        from threadpoolctl import threadpool_info
        return "; ".join("%s %s threads" % (i.get("internal_api"), i.get("num_threads")) for i in threadpool_info())
    except ImportError:
        env = {k: os.environ[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ}
        return "BLAS threads: %s (cpus: %d)" % (env or "default (all cores)", os.cpu_count())


def main(argv):
    sizes = [tuple(int(v) for v in a.split(",")) for a in argv] or SIZES
    print("# " + blas_line())
    print("# " + threads_line())
    print("d,m,n,route,ms_per_step,gflops")
    rng = np.random.default_rng(1)
    for d, m, n in sizes:
        st = Stepper(d, m, n, rng)
        madds = multiply_adds(st.route, d, m, n)
        runs = 5 if madds > 2e9 else 9 if madds > 2e8 else 21
        warm = 2 if madds > 2e9 else 5
        for _ in range(warm):
            st.step(1e-3)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            st.step(1e-3)
            times.append((time.perf_counter() - t0) * 1e3)
        ms = statistics.median(times)
        print("%d,%d,%d,%s,%.2f,%.2f" % (d, m, n, st.route, ms, 2 * madds / ms / 1e6), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
