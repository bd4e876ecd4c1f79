package org.prism.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;

/**
 * The states of the exact Wick recursion and its one step, shared by the polynomial memo
 * ({@link WickRecursion}) and the compiled state graph ({@link WickGraph}).
 *
 * <p>A state is a multiset of cyclic words, encoded canonically as one byte string: each cycle
 * canonical ({@link CyclicWord#canonical}), cycles sorted by length then bytes, each followed by a
 * separator. One step contracts the first letter $a$ of the lowest-numbered matrix present with
 * every other letter $b$ of that matrix ($E[M_{ij}M_{kl}] = v\,\delta_{ik}\delta_{jl}$). Writing the
 * cycles as $aU$ and $bV$:
 * <ul>
 * <li>$a$, $b$ in the same cycle $aUbV$: opposite orientations ($M$ with $M^T$) cut it into the
 * cycles $U$ and $V$; equal orientations give the one cycle $U V^{T}$ (reversed, transposed);
 * <li>$a$, $b$ in two cycles $aU$, $bV$: they join into $UV$ (opposite) or $UV^{T}$ (equal).
 * </ul>
 * A cycle left empty is a free index loop and contributes its size. Children equal as states are
 * grouped with a multiplicity, so each distinct child is visited once.
 *
 * <p>With a covariance ($E[X_{ia}X_{jb}] = C_{ij}\delta_{ab}$) the contraction joins the two indices
 * on $C$'s side through a letter $C$ instead of identifying them: $C$ goes where that index was, at
 * the start of $V$ (or the end of $U$) for a cut, between the two parts (or after both) for a join,
 * as $C$ acts on the pivot's row (or column) index. $C$ is never a pivot; a cycle of $k$ letters $C$
 * alone is closed at once as a loop $\operatorname{tr} C^k$, written {@code size | k << 8}.
 */
final class WickStates {
    static final byte SEPARATOR = (byte) 0xFF;

    private WickStates() {}

    /**
     * A child of a step: its state, the (at most two) loops it closed (-1: none; else the loop's size
     * index, plus {@code k << 8} for a loop $\operatorname{tr} C^k$) and its multiplicity.
     */
    record Child(Key state, int loop1, int loop2, int multiplicity) {}

    /** The result of one step: the contracted matrix (its variance is the step's factor) and the distinct children. */
    record Step(int matrix, List<Child> children) {}

    /** One Wick step on a state with at least one letter. */
    static Step step(Alphabet alphabet, List<byte[]> cycles) {
        int pivotMatrix = Integer.MAX_VALUE;
        int pc = -1;
        int pp = -1;
        for (int c = 0; c < cycles.size(); c++) {
            byte[] w = cycles.get(c);
            for (int p = 0; p < w.length; p++) {
                if ((w[p] >> 1) < pivotMatrix && !alphabet.isConstant(w[p])) {
                    pivotMatrix = w[p] >> 1;
                    pc = c;
                    pp = p;
                }
            }
        }
        byte[] wa = rotate(cycles.get(pc), pp);
        byte a = wa[0];
        int cov = alphabet.covariance(a);
        boolean atJoin = cov >= 0 && alphabet.rowCovariance(a); // C between the parts, else after both
        byte[] inserted = cov < 0 ? new byte[0] : new byte[] {(byte) cov};
        byte[] none = new byte[0];
        Map<ChildKey, int[]> children = new HashMap<>();
        List<byte[]> rest = new ArrayList<>(cycles.size());
        for (int c = 0; c < cycles.size(); c++) if (c != pc) rest.add(cycles.get(c));

        // partners in the same cycle: wa = a U b V
        for (int q = 1; q < wa.length; q++) {
            byte b = wa[q];
            if ((b >> 1) != pivotMatrix) continue;
            byte[] u = Arrays.copyOfRange(wa, 1, q);
            byte[] vv = Arrays.copyOfRange(wa, q + 1, wa.length);
            List<byte[]> next = new ArrayList<>(rest);
            int l1;
            int l2 = -1;
            if (a != b) {
                l1 = addCycle(alphabet, next, concat(u, atJoin ? none : inserted), alphabet.colSize(a));
                l2 = addCycle(alphabet, next, concat(vv, atJoin ? inserted : none), alphabet.rowSize(a));
            } else {
                l1 = addCycle(alphabet, next, join(u, transpose(alphabet, vv), inserted, atJoin), alphabet.colSize(a));
            }
            record(children, next, l1, l2);
        }
        // partners in the other cycles: wa = a U, wb = b V
        for (int c = 0; c < rest.size(); c++) {
            byte[] other = rest.get(c);
            for (int q = 0; q < other.length; q++) {
                byte b = other[q];
                if ((b >> 1) != pivotMatrix) continue;
                byte[] u = Arrays.copyOfRange(wa, 1, wa.length);
                byte[] wb = rotate(other, q);
                byte[] vv = Arrays.copyOfRange(wb, 1, wb.length);
                List<byte[]> next = new ArrayList<>(rest.size());
                for (int k = 0; k < rest.size(); k++) if (k != c) next.add(rest.get(k));
                int l1 = addCycle(alphabet, next, join(u, a != b ? vv : transpose(alphabet, vv), inserted, atJoin), alphabet.colSize(a));
                record(children, next, l1, -1);
            }
        }
        List<Child> out = new ArrayList<>(children.size());
        children.forEach((k, n) -> out.add(new Child(k.state, k.loop1, k.loop2, n[0])));
        return new Step(pivotMatrix, out);
    }

    private record ChildKey(Key state, int loop1, int loop2) {}

    private static void record(Map<ChildKey, int[]> children, List<byte[]> cycles, int l1, int l2) {
        // loops are unordered: keep the smaller size first so equal children group
        int lo = Math.min(l1, l2);
        int hi = Math.max(l1, l2);
        children.computeIfAbsent(new ChildKey(new Key(encode(cycles)), lo, hi), k -> new int[1])[0]++;
    }

    /**
     * Adds {@code w} as a cycle and returns -1, or returns the loop it closes: its size if it is
     * empty, {@code size | k << 8} if it is $C^k$ (then the size is $C$'s).
     */
    private static int addCycle(Alphabet alphabet, List<byte[]> cycles, byte[] w, int sizeIfEmpty) {
        if (w.length == 0) return sizeIfEmpty;
        if (alphabet.hasConstants() && onlyConstants(alphabet, w)) return alphabet.rowSize(w[0]) | w.length << 8;
        cycles.add(w);
        return -1;
    }

    static boolean onlyConstants(Alphabet alphabet, byte[] w) {
        for (byte x : w) if (!alphabet.isConstant(x)) return false;
        return true;
    }

    /** {@code u c v} (atJoin) or {@code u v c}; {@code c} is empty without a covariance. */
    private static byte[] join(byte[] u, byte[] v, byte[] c, boolean atJoin) {
        return atJoin ? concat(concat(u, c), v) : concat(concat(u, v), c);
    }

    private static byte[] rotate(byte[] w, int start) {
        if (start == 0) return w;
        byte[] r = new byte[w.length];
        for (int i = 0; i < w.length; i++) r[i] = w[(start + i) % w.length];
        return r;
    }

    private static byte[] transpose(Alphabet alphabet, byte[] w) {
        byte[] r = new byte[w.length];
        for (int i = 0; i < w.length; i++) r[i] = alphabet.transpose(w[w.length - 1 - i]);
        return r;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (b.length == 0) return a; // the parts are fresh copies, never written after
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Canonical encoding: each cycle canonical, cycles sorted, joined by a separator. */
    static byte[] encode(List<byte[]> cycles) {
        byte[][] canon = new byte[cycles.size()][];
        int total = 0;
        for (int i = 0; i < canon.length; i++) {
            canon[i] = CyclicWord.canonical(cycles.get(i));
            total += canon[i].length + 1;
        }
        Arrays.sort(canon, (x, y) -> x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y));
        byte[] out = new byte[total];
        int o = 0;
        for (byte[] c : canon) {
            System.arraycopy(c, 0, out, o, c.length);
            o += c.length;
            out[o++] = SEPARATOR;
        }
        return out;
    }

    static List<byte[]> decode(byte[] key) {
        List<byte[]> cycles = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < key.length; i++) {
            if (key[i] == SEPARATOR) {
                cycles.add(Arrays.copyOfRange(key, start, i));
                start = i + 1;
            }
        }
        return cycles;
    }

    /** Whether some matrix has an odd number of letters in {@code w}: then no pairing exists and $E[\operatorname{tr} w] = 0$. */
    static boolean vanishes(Alphabet alphabet, CyclicWord w) {
        for (int m = 0; m < alphabet.matrixCount(); m++) if (!alphabet.isConstant(2 * m) && (w.count(m) & 1) == 1) return true;
        return false;
    }

    /** The state of one trace. */
    static Key of(CyclicWord w) {
        return new Key(encode(List.of(w.letters())));
    }

    /** A canonical state with its hash cached. */
    static final class Key {
        final byte[] bytes;
        final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
