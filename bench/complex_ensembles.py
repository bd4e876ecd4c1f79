"""Finite-size corrections of the free reduced flow: real vs complex Gaussian ensembles.

What it measures
----------------
Gradient flow of a weight-tied linear autoencoder in its "free" reduced form:
    W (m x d), X (d x n), A = W^H W, Sigma = X X^H / n,
    dW/dt = -W S,  S = Sigma A + A Sigma,
i.e. exact gradient flow (in real coordinates) of L_train = tr(A Sigma A)/2.
Observables per run: r_pop(t) = L_pop(t)/L_pop(0) with L_pop = ||A||_F^2/2 and
r_train(t) = L_train(t)/L_train(0), at t = 0.25, 0.5, 1.0.
Sizes d = m = N, n = 2N, s2 = Var(W_ij) = 1/N, N in {8,...,64}.
Real ensemble: iid real N(0, s2) / N(0, 1) entries.  Complex ensemble: iid
circular complex Gaussian entries with E|W_ij|^2 = s2, E|X_ij|^2 = 1.
Integration: classical RK4, dt = 0.01 (a dt = 0.005 check is printed).
Means use control variates with exactly known expectations (tr A/N, tr Sigma/N,
tr A^2/N, tr Sigma^2/N, tr(A Sigma)/N at t = 0; Wishart moments) to cut the
variance 2-15x; the estimator is unbiased up to O(1/R).

For each ensemble/observable/t the mean r(N) is fitted (weighted LS, with the
standard errors of the mean) to r_inf + a/N + b/N^2; also a joint fit with a
common r_inf, and the log-log slope of |r(N) - r_inf|.  The question is whether
the complex ensemble has a = 0 (corrections O(1/N^2)) while the real one has
a != 0 (O(1/N)), with the same planar limit r_inf.

How to run
----------
    python3 bench/complex_ensembles.py
Run time on this 2-core machine: 250 s (~4.2 min); also printed at the end.
"""
import sys
import time

import numpy as np

RUNTIME = "250 s (~4.2 min) measured on the 2-core dev machine (numpy + OpenBLAS)"

SIZES = [8, 12, 16, 24, 32, 48, 64]
# number of runs per size (same for both ensembles), batch size per matmul stack
RUNS = {8: 32000, 12: 16000, 16: 10000, 24: 4000, 32: 2000, 48: 600, 64: 300}
BATCH = {8: 2000, 12: 2000, 16: 1000, 24: 500, 32: 250, 48: 100, 64: 50}
TIMES = (0.25, 0.5, 1.0)
DT = 0.01
ENSEMBLES = ("real", "complex")


def sample(rng, ens, B, N):
    m = d = N
    n = 2 * N
    s2 = 1.0 / N
    if ens == "real":
        W = rng.standard_normal((B, m, d)) * np.sqrt(s2)
        X = rng.standard_normal((B, d, n))
    else:
        W = (rng.standard_normal((B, m, d)) + 1j * rng.standard_normal((B, m, d))) * np.sqrt(s2 / 2)
        X = (rng.standard_normal((B, d, n)) + 1j * rng.standard_normal((B, d, n))) * np.sqrt(0.5)
    return W, X


def H(M):
    return np.conj(np.swapaxes(M, -1, -2))


def observables(W, Sig):
    A = H(W) @ W
    lpop = 0.5 * np.sum(np.abs(A) ** 2, axis=(1, 2))
    M = A @ Sig
    # tr(A Sig A) = sum_ij (A Sig)_ij A_ji = sum_ij M_ij conj(A_ij)   (A Hermitian)
    ltr = 0.5 * np.real(np.sum(M * np.conj(A), axis=(1, 2)))
    return lpop, ltr


def rhs(W, Sig):
    A = H(W) @ W
    M = A @ Sig          # A Sigma ; Sigma A = M^H
    return -(W @ (M + H(M)))


def run_batch(W, X, dt, times=TIMES):
    n = X.shape[2]
    Sig = (X @ H(X)) / n
    stops = {int(round(t / dt)): t for t in times}
    nsteps = max(stops)
    lp0, lt0 = observables(W, Sig)
    out = {}
    for k in range(1, nsteps + 1):
        k1 = rhs(W, Sig)
        k2 = rhs(W + 0.5 * dt * k1, Sig)
        k3 = rhs(W + 0.5 * dt * k2, Sig)
        k4 = rhs(W + dt * k3, Sig)
        W = W + (dt / 6.0) * (k1 + 2 * k2 + 2 * k3 + k4)
        if k in stops:
            lp, lt = observables(W, Sig)
            out[stops[k]] = (lp / lp0, lt / lt0)
    # arrays shape (B, len(times)) for pop and train
    rpop = np.stack([out[t][0] for t in times], axis=1)
    rtr = np.stack([out[t][1] for t in times], axis=1)
    return rpop, rtr


def controls(ens, W, X):
    """Per-run control variates minus their exact expectations."""
    N = W.shape[1]
    m, d, n = W.shape[1], W.shape[2], X.shape[2]
    s2 = 1.0 / N
    A = H(W) @ W
    Sig = (X @ H(X)) / n
    tr = lambda M: np.real(np.trace(M, axis1=1, axis2=2))
    C = np.stack([tr(A), tr(Sig), tr(A @ A), tr(Sig @ Sig), tr(A @ Sig)], axis=1) / N
    extra = 1 if ens == "real" else 0   # real Wishart: E tr(A^2) = s^4 m d (m+d+1); complex: m+d
    E = np.array([m * d * s2, d, s2 * s2 * m * d * (m + d + extra), d * n * (d + n + extra) / n ** 2, m * s2 * d]) / N
    return C - E


def cv_mean(Y, C):
    """Control-variate mean of columns of Y and its standard error."""
    R = Y.shape[0]
    G = np.concatenate([np.ones((R, 1)), C], axis=1)
    coef, *_ = np.linalg.lstsq(G, Y, rcond=None)
    resid = Y - G @ coef
    s2 = np.sum(resid ** 2, axis=0) / (R - G.shape[1])
    v00 = np.linalg.inv(G.T @ G)[0, 0]
    return coef[0], np.sqrt(s2 * v00)


def measure(ens, N, runs, batch):
    eid = ENSEMBLES.index(ens)
    rp, rt, cc = [], [], []
    for b in range(runs // batch):
        rng = np.random.default_rng([20240611, eid, N, b])
        W, X = sample(rng, ens, batch, N)
        p, t = run_batch(W, X, DT)
        rp.append(p)
        rt.append(t)
        cc.append(controls(ens, W, X))
    rp = np.concatenate(rp)
    rt = np.concatenate(rt)
    cc = np.concatenate(cc)
    return {"pop": cv_mean(rp, cc), "train": cv_mean(rt, cc)}


def wls(F, y, se):
    """Weighted LS y ~ F c; returns coef, coef errors (absolute sigma), chi2, dof."""
    w = 1.0 / se
    Fw = F * w[:, None]
    yw = y * w
    cov = np.linalg.inv(Fw.T @ Fw)
    c = cov @ Fw.T @ yw
    chi2 = float(np.sum((Fw @ c - yw) ** 2))
    return c, np.sqrt(np.diag(cov)), chi2, len(y) - F.shape[1]


def main():
    t_start = time.time()
    Ns = np.array(SIZES, dtype=float)

    # dt check at N = 16 (both ensembles), same seeds, dt vs dt/2
    maxdiff = 0.0
    for ens in ENSEMBLES:
        rng = np.random.default_rng([777, ENSEMBLES.index(ens)])
        W, X = sample(rng, ens, 200, 16)
        a = run_batch(W, X, DT)
        b = run_batch(W, X, DT / 2)
        maxdiff = max(maxdiff, max(np.max(np.abs(a[i] - b[i])) for i in range(2)))
    print(f"dt check (N=16, 200 runs/ensemble): max |r(dt={DT}) - r(dt={DT/2})| = {maxdiff:.1e}")

    res = {}
    for ens in ENSEMBLES:
        for N in SIZES:
            t0 = time.time()
            res[(ens, N)] = measure(ens, N, RUNS[N], BATCH[N])
            print(f"  [{ens:7s} N={N:3d} runs={RUNS[N]:6d}  {time.time() - t0:6.1f}s]", file=sys.stderr)

    print(f"runs per N (each ensemble): " + ", ".join(f"{N}:{RUNS[N]}" for N in SIZES))
    print()
    print("Mean r(N) +- s.e.m.")
    hdr = "obs    t    ens  " + "".join(f"{'N=' + str(N):>19s}" for N in SIZES)
    print(hdr)
    for obs in ("pop", "train"):
        for it, t in enumerate(TIMES):
            for ens in ENSEMBLES:
                cells = "".join(f"{res[(ens, N)][obs][0][it]:>11.6f}({res[(ens, N)][obs][1][it] * 1e6:5.0f})"
                                for N in SIZES)
                print(f"{obs:5s} {t:4.2f} {ens[0].upper():>3s}  " + cells)
    print("  (parenthesised: s.e.m. in units of 1e-6)")
    print()

    F3 = np.stack([np.ones_like(Ns), 1 / Ns, 1 / Ns ** 2], axis=1)
    print("Fit r(N) = r_inf + a/N + b/N^2 per ensemble (errors 1 sigma); slope = d log|r-r_inf| / d log N")
    print("obs    t   ens       r_inf             a               b          chi2/dof  slope")
    summary = []
    for obs in ("pop", "train"):
        for it, t in enumerate(TIMES):
            fits = {}
            for ens in ENSEMBLES:
                y = np.array([res[(ens, N)][obs][0][it] for N in SIZES])
                se = np.array([res[(ens, N)][obs][1][it] for N in SIZES])
                c, e, chi2, dof = wls(F3, y, se)
                fits[ens] = (y, se, c, e, chi2, dof)
            # joint fit: common r_inf, separate a, b
            yR, seR = fits["real"][0], fits["real"][1]
            yC, seC = fits["complex"][0], fits["complex"][1]
            Z = np.zeros_like(Ns)
            FJ = np.block([[np.ones_like(Ns)[:, None], (1 / Ns)[:, None], (1 / Ns ** 2)[:, None], Z[:, None], Z[:, None]],
                           [np.ones_like(Ns)[:, None], Z[:, None], Z[:, None], (1 / Ns)[:, None], (1 / Ns ** 2)[:, None]]])
            cj, ej, chij, dofj = wls(FJ, np.concatenate([yR, yC]), np.concatenate([seR, seC]))
            rinf_ref = cj[0]
            for ens in ENSEMBLES:
                y, se, c, e, chi2, dof = fits[ens]
                dev = np.abs(y - rinf_ref)
                # log-log slope using points whose deviation exceeds 3x its s.e.
                ok = dev > 3 * np.sqrt(se ** 2 + ej[0] ** 2)
                if ok.sum() >= 2:
                    G = np.stack([np.ones(ok.sum()), np.log(Ns[ok])], axis=1)
                    sl, sle, _, _ = wls(G, np.log(dev[ok]), np.sqrt(se[ok] ** 2 + ej[0] ** 2) / dev[ok])
                    slope = f"{sl[1]:5.2f}({sle[1]:.2f})[{ok.sum()}]"
                else:
                    slope = "n/a"
                print(f"{obs:5s} {t:4.2f} {ens[0].upper():>3s}  {c[0]:.6f}({e[0] * 1e6:3.0f})  "
                      f"{c[1]:+.5f}({e[1] * 1e5:4.0f})  {c[2]:+8.4f}({e[2] * 1e4:4.0f})  "
                      f"{chi2:5.1f}/{dof}  {slope}")
            print(f"{obs:5s} {t:4.2f} joint r_inf={cj[0]:.6f}({ej[0] * 1e6:.0f})  a_R={cj[1]:+.5f}({ej[1] * 1e5:.0f}) "
                  f"a_C={cj[3]:+.5f}({ej[3] * 1e5:.0f})  b_C={cj[4]:+.4f}({ej[4] * 1e4:.0f})  chi2/dof={chij:.1f}/{dofj}")
            dr = fits["real"][2][0] - fits["complex"][2][0]
            der = np.hypot(fits["real"][3][0], fits["complex"][3][0])
            summary.append((obs, t, dr / der, cj, ej, fits))
    print("  (errors in parentheses in units of the last quoted digit: r_inf 1e-6, a 1e-5, b 1e-4;"
          " slope: fitted slope(err)[points used])")
    print()

    print("Deviation |r(N) - r_inf(joint)| and ratio real/complex; r_inf(R)-r_inf(C) in sigma")
    print("obs    t    |dR(16)|  |dC(16)|  ratio   |dR(64)|  |dC(64)|  ratio   dr_inf/sigma  a_C/err(a_C,joint)")
    i16, i64 = SIZES.index(16), SIZES.index(64)
    for obs, t, zs, cj, ej, fits in summary:
        row = f"{obs:5s} {t:4.2f}  "
        for i in (i16, i64):
            dR = abs(fits["real"][0][i] - cj[0])
            dC = abs(fits["complex"][0][i] - cj[0])
            row += f"{dR:.2e}  {dC:.2e}  {dR / dC:6.1f}  "
        row += f"{zs:+6.2f}        {cj[3] / ej[3]:+6.2f}"
        print(row)
    print()
    el = time.time() - t_start
    print(f"total run time: {el:.0f} s")


if __name__ == "__main__":
    main()
