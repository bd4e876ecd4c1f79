package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.graph.CanonicalCode;
import org.prism.graph.MultigraphCanonicalForm;

/**
 * The explicit diagram expansion of $c_s = E[D^sL]$: every Wick pairing of every word of $D^sL$
 * is contracted ({@link Contraction}) and grouped into isomorphism classes by a canonical form of
 * its multigraph ({@link MultigraphCanonicalForm}); per class we keep the multiplicity, the
 * monomial and the exact coefficient, so that $c_s = \sum_{\text{classes}} \text{coefficient}
 * \cdot \text{monomial}$, identical to {@link LossCoefficients}.
 *
 * <p>Cost: $\sum_w \prod_i (2k_i(w)-1)!!$ pairings, each $O(L)$ plus one canonical form: fine to
 * order 3 (about $10^5$-$10^6$ pairings), exponential beyond; use {@link #pairingCount} to
 * decide before starting. Classes whose contributions cancel are kept, with coefficient 0.
 * Classes are sorted by monomial, then canonical code, and numbered:
 * the id {@code loss.s.k} names class $k$ of order $s$.
 */
public final class DiagramExpansion {
    private final List<DiagramClass> classes;

    private DiagramExpansion(List<DiagramClass> classes) {
        this.classes = List.copyOf(classes);
    }

    public List<DiagramClass> classes() {
        return classes;
    }

    /** The classes whose monomial is in {@code monomials} (ids kept). */
    public DiagramExpansion restrictedTo(java.util.Set<Monomial> monomials) {
        return new DiagramExpansion(classes.stream().filter(c -> monomials.contains(c.monomial())).toList());
    }

    /** $\sum$ coefficient $\cdot$ monomial over the classes: $c_s$. */
    public Polynomial total() {
        Map<Monomial, Rational> t = new HashMap<>();
        for (DiagramClass c : classes) t.merge(c.monomial(), c.coefficient(), Rational::add);
        return Polynomial.of(t);
    }

    /** Number of pairings the enumeration will visit at order s ({@code Long.MAX_VALUE} if more). */
    public static long pairingCount(LossExpansion expansion, int s) {
        long total = 0;
        try {
            for (CyclicWord w : expansion.derivative(s).terms().keySet()) {
                total = Math.addExact(total, WickPairingEnumerator.count(w, expansion.alphabet()));
            }
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
        return total;
    }

    private static final class Acc {
        BigInteger scaledCoefficient = BigInteger.ZERO;
        long multiplicity;
        Diagram representative;
    }

    private record Key(CanonicalCode code, Monomial coefficientMonomial) {}

    /** The labelled contracted graph of one word: row and column class of every letter. */
    private static final class RawGraph {
        final byte[] classes;
        final int hash;

        RawGraph(byte[] classes) {
            this.classes = classes;
            this.hash = java.util.Arrays.hashCode(classes);
        }

        static RawGraph of(Contraction c) {
            int n = c.rowClass().length;
            int[][] inserted = c.insertions();
            byte[] b = new byte[2 * n + 2 * inserted.length];
            for (int p = 0; p < n; p++) {
                b[2 * p] = (byte) c.rowClass()[p];
                b[2 * p + 1] = (byte) c.colClass()[p];
            }
            for (int j = 0; j < inserted.length; j++) {
                b[2 * n + 2 * j] = (byte) inserted[j][0];
                b[2 * n + 2 * j + 1] = (byte) inserted[j][1];
            }
            return new RawGraph(b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawGraph r && hash == r.hash && java.util.Arrays.equals(classes, r.classes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Enumerates order {@code s} of {@code loss}. {@code progress} receives the number of
     * pairings done after each word (for a progress bar); the thread's interrupt flag is honoured
     * between words.
     */
    public static DiagramExpansion of(LossExpansion expansion, String loss, int s, LongConsumer progress) {
        Alphabet alphabet = expansion.alphabet();
        TraceSum terms = expansion.derivative(s);
        BigInteger lcm = terms.commonDenominator();
        Map<Key, Acc> acc = new HashMap<>();
        for (Map.Entry<CyclicWord, Polynomial> e : terms.terms().entrySet()) {
            if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
            CyclicWord w = e.getKey();
            byte[] letters = w.letters();
            Map<CanonicalCode, long[]> counts = new HashMap<>();
            Map<CanonicalCode, int[]> firstPairing = new HashMap<>();
            Map<CanonicalCode, Monomial> graphMonomial = new HashMap<>();
            // many pairings of a word contract to the same labelled graph: canonicalise each once
            Map<RawGraph, CanonicalCode> raw = new HashMap<>();
            long[] visited = new long[1];
            WickPairingEnumerator.forEach(w, alphabet, partner -> {
                Contraction c = Contraction.of(letters, partner, alphabet);
                CanonicalCode code = raw.computeIfAbsent(RawGraph.of(c), k -> Diagram.canonicalCode(letters, c));
                long[] n = counts.get(code);
                if (n == null) {
                    counts.put(code, new long[] {1});
                    firstPairing.put(code, partner.clone());
                    graphMonomial.put(code, Diagram.graphMonomial(alphabet, w, c));
                } else {
                    n[0]++;
                }
                visited[0]++;
            });
            for (Map.Entry<CanonicalCode, long[]> ce : counts.entrySet()) {
                CanonicalCode code = ce.getKey();
                long n = ce.getValue()[0];
                for (Map.Entry<Monomial, Rational> t : e.getValue().terms().entrySet()) {
                    Acc a = acc.computeIfAbsent(new Key(code, t.getKey()), k -> new Acc());
                    a.multiplicity += n;
                    BigInteger scaled = t.getValue().numerator().multiply(lcm.divide(t.getValue().denominator()));
                    a.scaledCoefficient = a.scaledCoefficient.add(scaled.multiply(BigInteger.valueOf(n)));
                    if (a.representative == null) a.representative = new Diagram(alphabet, w, e.getValue(), firstPairing.get(code));
                }
            }
            if (progress != null) progress.accept(visited[0]);
        }
        record Entry(Key key, Acc acc, Monomial monomial) {}
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Key, Acc> e : acc.entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue(),
                    e.getValue().representative.graphMonomial().multiply(e.getKey().coefficientMonomial())));
        }
        entries.sort(Comparator.comparing(Entry::monomial).thenComparing(en -> en.key().code()));
        List<DiagramClass> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry en = entries.get(k);
            out.add(new DiagramClass(loss + "." + s + "." + k, en.monomial(), Rational.of(en.acc().scaledCoefficient, lcm),
                    en.acc().multiplicity, en.key().code(), en.acc().representative));
        }
        return new DiagramExpansion(out);
    }
}
