#!/usr/bin/env python3
"""Reference (baseline) implementation: plain memoised Wick recursion over
canonical multi-trace states.  Standard library only.

Model (weight-tied linear autoencoder)
    W : m x d, iid N(0, sigma^2);  X : d x n, iid N(0, 1);  A = W^T W.
    L_tr  = 1/(2n) [tr(W^T W W^T W X X^T) - 2 tr(W^T W X X^T) + tr(X X^T)]
    L_pop = 1/2    [tr(W^T W W^T W) - 2 tr(W^T W) + d]
    gradient flow on L_tr (X constant):
    dW/dt   = (1/n) [2 W X X^T - W W^T W X X^T - W X X^T W^T W]
    dW^T/dt = (1/n) [2 X X^T W^T - X X^T W^T W W^T - W^T W X X^T W^T]
    c_s = E[ d^s L / dt^s ] at t = 0.

Encoding
    A word is a string over the letters  W (W), w (W^T), X (X), x (X^T)
    and stands for the trace of the product of its letters (a cyclic word).
    Canonical form: lexicographic minimum over all rotations of the word and
    of its transpose (reverse the word, transpose every letter), since
    tr(M) = tr(M^T).
    The empty word "" is used only for the constant term d of L_pop.

    Polynomials: dict  (k_sigma, a_d, b_m, c_n) -> coefficient.
    Expectations of words have integer coefficients; c_s has Fraction
    coefficients and c_n may be negative (Laurent polynomial in n).

Usage
    python3 bench/reference_wick.py --max-order S [--loss train|pop|both]
                                    [--json FILE] [--selftest]
"""

import argparse
import json
import random
import sys
import time
from fractions import Fraction

# ---------------------------------------------------------------------------
# letters, dimensions
# ---------------------------------------------------------------------------

SIG, DIM_D, DIM_M, DIM_N = 0, 1, 2, 3       # positions in an exponent tuple
ONE = (0, 0, 0, 0)
MONO_D = (0, 1, 0, 0)
MONO_M = (0, 0, 1, 0)
MONO_N = (0, 0, 0, 1)

_TRANSPOSE = str.maketrans("WwXx", "wWxX")

# Letter M sits between index i_{p-1} (its left index) and i_p (its right
# index).  Dimension of those indices:
LEFT_DIM = {"W": MONO_M, "w": MONO_D, "X": MONO_D, "x": MONO_N}
RIGHT_DIM = {"W": MONO_D, "w": MONO_M, "X": MONO_N, "x": MONO_D}

W_LETTERS = "Ww"
X_LETTERS = "Xx"


def transpose(word):
    """Word of the transposed product: reverse and transpose each letter."""
    return word[::-1].translate(_TRANSPOSE)


def canonical(word):
    """Canonical representative under rotation and reversal-with-transposition."""
    if not word:
        return word
    best = word
    t = transpose(word)
    for k in range(len(word)):
        r = word[k:] + word[:k]
        if r < best:
            best = r
        r = t[k:] + t[:k]
        if r < best:
            best = r
    return best


def madd(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


# ---------------------------------------------------------------------------
# polynomials
# ---------------------------------------------------------------------------

def poly_add_scaled(target, poly, shift, scale=1):
    """target += scale * monomial(shift) * poly   (in place)."""
    for e, c in poly.items():
        k = (e[0] + shift[0], e[1] + shift[1], e[2] + shift[2], e[3] + shift[3])
        v = target.get(k, 0) + scale * c
        if v:
            target[k] = v
        else:
            target.pop(k, None)


# ---------------------------------------------------------------------------
# Wick expectation: memoised recursion over canonical multi-trace states
# ---------------------------------------------------------------------------

class WickEngine:
    def __init__(self):
        self.memo = {}

    @staticmethod
    def make_state(words, factor):
        """Canonicalise a list of words; empty words are free index loops whose
        dimension monomial must already be included in `factor` by the caller.
        Returns (factor, state) where state is a sorted tuple of canonical
        non-empty words."""
        return factor, tuple(sorted(canonical(w) for w in words if w))

    def expect(self, state):
        """E[ prod_{w in state} tr(w) ] as a polynomial in (sigma, d, m, n)."""
        memo = self.memo
        res = memo.get(state)
        if res is not None:
            return res
        if not state:
            res = {ONE: 1}
            memo[state] = res
            return res

        # pick the first W-family letter; if none, the first X-family letter
        fam = None
        for letters, sig in ((W_LETTERS, 2), (X_LETTERS, 0)):
            for wi, wd in enumerate(state):
                for p, ch in enumerate(wd):
                    if ch in letters:
                        fam = letters
                        break
                if fam:
                    break
            if fam:
                break
        # (state non-empty and words non-empty => some letter exists)
        pair_mono = (sig, 0, 0, 0)

        # parity check: an odd number of letters of this family gives 0
        cnt = sum(wd.count(fam[0]) + wd.count(fam[1]) for wd in state)
        if cnt % 2:
            res = {}
            memo[state] = res
            return res

        u = state[wi][p:] + state[wi][:p]    # rotate: chosen letter first
        mp = u[0]
        others = state[:wi] + state[wi + 1:]
        res = {}

        # partner in the same cycle
        for q in range(1, len(u)):
            mq = u[q]
            if mq not in fam:
                continue
            a = u[1:q]
            b = u[q + 1:]
            factor = pair_mono
            if mq == mp:
                # same type: one cycle A B^T (segment B reversed+transposed)
                new = [a + transpose(b)]
                if not new[0]:
                    factor = madd(factor, RIGHT_DIM[mp])
            else:
                # opposite type: cycle cut into tr(A) tr(B)
                new = [a, b]
                if not a:
                    factor = madd(factor, RIGHT_DIM[mp])
                if not b:
                    factor = madd(factor, LEFT_DIM[mp])
            factor, st = self.make_state(list(others) + new, factor)
            poly_add_scaled(res, self.expect(st), factor)

        # partner in another cycle
        a = u[1:]
        for wj, wd in enumerate(others):
            rest = others[:wj] + others[wj + 1:]
            for q, mq in enumerate(wd):
                if mq not in fam:
                    continue
                v = wd[q:] + wd[:q]
                b = v[1:]
                if mq == mp:
                    joined = a + transpose(b)     # join, B reversed+transposed
                else:
                    joined = a + b                # join
                factor = pair_mono
                if not joined:
                    factor = madd(factor, RIGHT_DIM[mp])
                factor, st = self.make_state(list(rest) + [joined], factor)
                poly_add_scaled(res, self.expect(st), factor)

        memo[state] = res
        return res

    def expect_word(self, word):
        if word == "":                       # constant term d of L_pop
            return {MONO_D: 1}
        factor, st = self.make_state([word], ONE)
        poly = self.expect(st)
        if factor == ONE:
            return poly
        out = {}
        poly_add_scaled(out, poly, factor)
        return out


# ---------------------------------------------------------------------------
# Lie derivative along the gradient flow
# ---------------------------------------------------------------------------

# each flow term: (coefficient, replacement word); all carry one power of 1/n
FLOW = {
    "W": ((2, "WXx"), (-1, "WwWXx"), (-1, "WXxwW")),
    "w": ((2, "Xxw"), (-1, "XxwWw"), (-1, "wWXxw")),
}


def initial_expansion(loss):
    """Expansion: dict (npow, canonical word) -> Fraction coefficient."""
    h = Fraction(1, 2)
    if loss == "train":
        terms = [(h, 1, "wWwWXx"), (-1, 1, "wWXx"), (h, 1, "Xx")]
    elif loss == "pop":
        terms = [(h, 0, "wWwW"), (-1, 0, "wW"), (h, 0, "")]
    else:
        raise ValueError(loss)
    exp = {}
    for c, npow, wd in terms:
        key = (npow, canonical(wd))
        exp[key] = exp.get(key, 0) + Fraction(c)
    return exp


def lie_derivative(expansion):
    out = {}
    for (npow, wd), c in expansion.items():
        for p, ch in enumerate(wd):
            fl = FLOW.get(ch)
            if fl is None:
                continue
            pre, post = wd[:p], wd[p + 1:]
            for fc, sub in fl:
                key = (npow + 1, canonical(pre + sub + post))
                out[key] = out.get(key, 0) + c * fc
    return {k: v for k, v in out.items() if v}


def coefficient(engine, expansion):
    """c_s = sum coef * n^(-npow) * E[word] ; dict exponent -> Fraction."""
    out = {}
    for (npow, wd), c in expansion.items():
        poly = engine.expect_word(wd)
        poly_add_scaled(out, poly, (0, 0, 0, -npow), c)
    return out


def evaluate(poly, d, m, n, sigma2):
    d, m, n, sigma2 = (Fraction(x) for x in (d, m, n, sigma2))
    total = Fraction(0)
    for (k, a, b, c), coef in poly.items():
        assert k % 2 == 0, "odd power of sigma"
        total += Fraction(coef) * sigma2 ** (k // 2) * d ** a * m ** b * n ** c
    return total


def poly_to_json(poly):
    terms = []
    for (k, a, b, c) in sorted(poly):
        f = Fraction(poly[(k, a, b, c)])
        terms.append({"coef": "%d/%d" % (f.numerator, f.denominator),
                      "sigma": k, "d": a, "m": b, "n": c})
    return terms


# ---------------------------------------------------------------------------
# brute-force check (all pairings, explicit index bookkeeping)
# ---------------------------------------------------------------------------

def _matchings(items):
    if not items:
        yield []
        return
    first = items[0]
    for i in range(1, len(items)):
        rest = items[1:i] + items[i + 1:]
        for m in _matchings(rest):
            yield [(first, items[i])] + m


def brute_expect(words):
    """E[prod tr(word)] by summing over all Wick pairings directly."""
    # index slot (wi, p) = right index of letter p of word wi
    slots = []
    slot_dim = {}
    letters = []                       # (letter, row slot, col slot)
    for wi, wd in enumerate(words):
        L = len(wd)
        for p, ch in enumerate(wd):
            left = (wi, (p - 1) % L)
            right = (wi, p)
            slots.append(right)
            slot_dim[right] = RIGHT_DIM[ch]
            if ch in "WX":
                letters.append((ch, left, right))
            else:
                letters.append((ch, right, left))
    wl = [i for i, l in enumerate(letters) if l[0] in W_LETTERS]
    xl = [i for i, l in enumerate(letters) if l[0] in X_LETTERS]
    if len(wl) % 2 or len(xl) % 2:
        return {}
    res = {}
    for mw in _matchings(wl):
        for mx in _matchings(xl):
            parent = {s: s for s in slots}

            def find(s):
                while parent[s] != s:
                    parent[s] = parent[parent[s]]
                    s = parent[s]
                return s

            for i, j in mw + mx:
                for k in (1, 2):
                    a, b = find(letters[i][k]), find(letters[j][k])
                    if a != b:
                        parent[a] = b
            mono = (len(wl), 0, 0, 0)
            for s in slots:
                if find(s) == s:
                    mono = madd(mono, slot_dim[s])
            res[mono] = res.get(mono, 0) + 1
    return res


def random_word(rng, length):
    """Random dimensionally consistent cyclic word (closed walk m-d-n)."""
    moves = {"d": (("w", "m"), ("X", "n")), "m": (("W", "d"),),
             "n": (("x", "d"),)}
    while True:
        cur, wd = "d", ""
        for _ in range(length):
            ch, cur = rng.choice(moves[cur])
            wd += ch
        if cur == "d" and wd:
            return wd


def selftest(trials=300, seed=1):
    rng = random.Random(seed)
    eng = WickEngine()
    for t in range(trials):
        nwords = rng.choice((1, 1, 2, 3))
        words = [random_word(rng, rng.choice((2, 4, 6, 8)))
                 for _ in range(nwords)]
        if sum(len(w) for w in words) > 16:
            continue
        factor, st = eng.make_state(words, ONE)
        got = eng.expect(st)
        want = brute_expect(words)
        if got != want:
            print("MISMATCH", words, got, want)
            return False
        # canonical form must not change the value
        tw = [canonical(transpose(w[1:] + w[:1])) for w in words]
        if brute_expect(tw) != want:
            print("CANONICAL MISMATCH", words)
            return False
    print("selftest: recursion == brute force on %d random multi-trace states"
          % trials)
    return True


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------

POINTS = ((2, 1, 1, Fraction(1, 2)), (2, 2, 1, Fraction(1, 3)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-order", type=int, required=True)
    ap.add_argument("--loss", choices=("train", "pop", "both"), default="both")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--selftest", action="store_true",
                    help="check the recursion against brute force first")
    args = ap.parse_args(argv)

    if args.selftest and not selftest():
        return 1

    losses = ["train", "pop"] if args.loss == "both" else [args.loss]
    engine = WickEngine()
    expansions = {l: initial_expansion(l) for l in losses}
    results = {l: [] for l in losses}

    t_start = time.perf_counter()
    for s in range(args.max_order + 1):
        t_order = time.perf_counter()
        lines = []
        for l in losses:
            if s > 0:
                expansions[l] = lie_derivative(expansions[l])
            poly = coefficient(engine, expansions[l])
            results[l].append(poly)
            vals = ["(d,m,n,s2)=(%s,%s,%s,%s): %s" % (d, m, n, s2,
                                                     evaluate(poly, d, m, n, s2))
                    for d, m, n, s2 in POINTS]
            lines.append("  %-5s words=%d terms=%d  %s"
                         % (l, len(expansions[l]), len(poly), "  ".join(vals)))
        now = time.perf_counter()
        print("order %d: time %.3fs (cumulative %.3fs) states=%d"
              % (s, now - t_order, now - t_start, len(engine.memo)))
        for line in lines:
            print(line)
        sys.stdout.flush()

    if args.json:
        out = {l: [{"order": s, "terms": poly_to_json(p)}
                   for s, p in enumerate(results[l])] for l in losses}
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
