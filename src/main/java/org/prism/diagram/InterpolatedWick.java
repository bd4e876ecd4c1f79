package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prism.algebra.Modular;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.model.MatrixModel;

/**
 * The exact coefficients $c_s$ of a matrix model's losses by evaluation and interpolation: the
 * same Wick recursion as {@link WickRecursion}, compiled into a {@link WickGraph} and evaluated
 * modulo primes at integer points of every size but one, instead of memoising a polynomial per
 * state. Exact: the result is the unique polynomial through the values, lifted from enough primes
 * that no integer coefficient can wrap.
 *
 * <p>For one loss and order, $D^s L = \sum_w \sum_\mu r_{w\mu}\,\mu\,\operatorname{tr}(w)$, and
 * $E[\operatorname{tr} w] = \prod_M v_M^{k_M/2}\,Q_w(\text{sizes})$. Terms are grouped by their
 * non-size factor (the part of $\mu$ outside the sizes times the variances): each group is a
 * Laurent polynomial in the sizes with integer coefficients (after scaling by the common
 * denominator $D$ of the $r_{w\mu}$), whose degree range in every size is bounded through the graph,
 * and whose coefficients are bounded by $\sum |D r_{w\mu}| \cdot \#\text{pairings}(w)$ (every
 * pairing adds one monomial with coefficient 1). A pass evaluates the graph mod one prime at
 * several points $x_k \in \{1, 2, \dots\}$ of the other sizes at once (lanes: as many as two levels
 * of blocks fit in a quarter of the free heap); tensor-product Newton interpolation recovers the
 * coefficients mod each prime; Garner's algorithm lifts them.
 *
 * <p>Cost per order: (primes) x (grid points) x $O(\text{edges} \times \text{block})$
 * multiply-adds, in (primes) x (grid points / lanes) passes, each parallel over the states of a
 * level; memory: the graph (about 10 bytes per edge, 150 per state) and the value blocks of two
 * levels, times the lanes.
 * The pairing counts (all weights 1) come from the same passes.
 */
public final class InterpolatedWick {
    private static final int BUILD_BATCHES = 32;
    private static final double BUILD_SHARE = 0.1;
    private final MatrixModel model;
    private final int maxLanes;
    private final Alphabet alphabet;
    private final WickGraph graph;
    private final Map<String, LossExpansion> expansions = new HashMap<>();
    private final Map<String, Map<Integer, Result>> done = new HashMap<>();
    private final List<String> views = new ArrayList<>();

    /** $c_s$ and its pairing counts ({@link ExpectedLoss#pairingCounts}). */
    public record Result(Polynomial coefficient, Polynomial pairingCounts) {}

    public InterpolatedWick(MatrixModel model) {
        this(model, Integer.MAX_VALUE);
    }

    /** The same with at most {@code maxLanes} grid points per pass (tests: passes of one point, a last pass part full). */
    InterpolatedWick(MatrixModel model, int maxLanes) {
        if (maxLanes < 1) throw new IllegalArgumentException("maxLanes must be >= 1, got " + maxLanes);
        this.maxLanes = maxLanes;
        this.model = model;
        this.alphabet = new Alphabet(model);
        this.graph = new WickGraph(alphabet);
    }

    /** The engine for one loss; every loss of this instance shares the graph. */
    public synchronized ExpectedLoss loss(String loss) {
        if (!model.losses().containsKey(loss)) throw new IllegalArgumentException("model " + model.name() + " has no loss '" + loss + "'");
        if (!views.contains(loss)) views.add(loss);
        return new ExpectedLoss() {
            @Override
            public int terms(int s) {
                return expansion(loss).derivative(s).size();
            }

            @Override
            public Polynomial coefficient(int s, Runnable termDone) {
                return result(loss, s, termDone).coefficient();
            }

            @Override
            public Polynomial pairingCounts(int s) {
                return result(loss, s, null).pairingCounts();
            }

            @Override
            public int states() {
                return InterpolatedWick.this.states();
            }
        };
    }

    public synchronized int states() {
        return graph.states();
    }

    public synchronized int edges() {
        return graph.edges();
    }

    private synchronized LossExpansion expansion(String loss) {
        return expansions.computeIfAbsent(loss, l -> new LossExpansion(model, l));
    }

    /**
     * $c_s$ of {@code loss} with its pairing counts; {@code termDone} is called once per word of
     * $D^s L$, spread over the passes. Order $s$ of every loss with a view ({@link #loss}) is computed
     * in the same passes: they share the graph, and a pass costs the same for one loss or several.
     */
    public synchronized Result result(String loss, int s, Runnable termDone) {
        Result r = done.computeIfAbsent(loss, l -> new HashMap<>()).get(s);
        if (r == null) {
            List<String> losses = new ArrayList<>(List.of(loss));
            for (String l : views) if (!l.equals(loss) && !done.computeIfAbsent(l, x -> new HashMap<>()).containsKey(s)) losses.add(l);
            List<TraceSum> sums = new ArrayList<>();
            for (String l : losses) sums.add(expansion(l).derivative(s));
            List<Result> rs = compute(sums, termDone);
            for (int i = 0; i < losses.size(); i++) done.get(losses.get(i)).put(s, rs.get(i));
            r = rs.get(0);
        }
        return r;
    }

    /** One contribution $r \mu \operatorname{tr}(w)$ to a group. */
    private record Part(int group, int state, BigInteger weight, int[] sizeExponents, BigInteger pairings, long[] weights) {
        /** The weight modulo each of the first {@code primes} primes. */
        Part withPrimes(int primes) {
            long[] r = new long[primes];
            for (int q = 0; q < primes; q++) r[q] = Modular.mod(weight, Modular.prime(q));
            return new Part(group, state, weight, sizeExponents, pairings, r);
        }
    }

    /**
     * The terms of the losses' $D^s L$ as parts of groups keyed by (loss, kind, non-size monomial):
     * kind 0 carries the coefficient (times the loss's common denominator {@code lcm}), kind 1 weight 1
     * (pairing counts).
     */
    private record Groups(List<Part> parts, BigInteger[] lcm, Map<List<Object>, Integer> index, List<Monomial> monomials) {}

    private Groups groups(List<TraceSum> losses, int[] state) {
        List<String> sizes = model.sizes();
        BigInteger[] lcm = new BigInteger[losses.size()];
        Map<List<Object>, Integer> index = new LinkedHashMap<>();
        List<Monomial> monomials = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        int i = 0;
        for (int li = 0; li < losses.size(); li++) {
            TraceSum terms = losses.get(li);
            lcm[li] = terms.commonDenominator();
            for (Map.Entry<CyclicWord, Polynomial> wt : terms.terms().entrySet()) {
                int st = state[i++];
                if (st < 0) continue;
                Monomial variances = variances(wt.getKey());
                BigInteger pairings = pairings(wt.getKey());
                for (Map.Entry<Monomial, Rational> t : wt.getValue().terms().entrySet()) {
                    TreeMap<String, Integer> outer = new TreeMap<>();
                    int[] e = new int[sizes.size()];
                    t.getKey().exponents().forEach((sym, x) -> {
                        int k = sizes.indexOf(sym);
                        if (k >= 0) e[k] = x;
                        else outer.put(sym, x);
                    });
                    Monomial g = Monomial.of(outer).multiply(variances);
                    Rational r = t.getValue();
                    BigInteger w = r.numerator().multiply(lcm[li].divide(r.denominator()));
                    for (int kind = 0; kind < 2; kind++) {
                        int gi = index.computeIfAbsent(List.of(li, kind, g), k -> {
                            monomials.add(g);
                            return monomials.size() - 1;
                        });
                        parts.add(new Part(gi, st, kind == 0 ? w : BigInteger.ONE, e, pairings, null));
                    }
                }
            }
        }
        return new Groups(parts, lcm, index, monomials);
    }

    private List<Result> compute(List<TraceSum> losses, Runnable termDone) {
        List<String> sizes = model.sizes();
        int nSizes = sizes.size();
        List<CyclicWord> words = new ArrayList<>();
        for (TraceSum t : losses) words.addAll(t.terms().keySet());
        Ticker ticker = new Ticker(termDone, losses.get(0).size());
        int[] state = build(words, ticker);
        Groups gs = groups(losses, state);
        List<Part> parts = gs.parts();
        BigInteger[] lcm = gs.lcm();
        Map<List<Object>, Integer> groupIndex = gs.index();
        List<Monomial> groupMonomial = gs.monomials();
        int groups = groupMonomial.size();
        // degree ranges and coefficient bounds per group
        int[][] lo = new int[groups][nSizes];
        int[][] hi = new int[groups][nSizes];
        for (int[] a : lo) Arrays.fill(a, Integer.MAX_VALUE);
        for (int[] a : hi) Arrays.fill(a, Integer.MIN_VALUE);
        BigInteger[] bound = new BigInteger[groups];
        Arrays.fill(bound, BigInteger.ZERO);
        for (Part p : parts) {
            for (int k = 0; k < nSizes; k++) {
                lo[p.group][k] = Math.min(lo[p.group][k], graph.low(p.state, k) + p.sizeExponents[k]);
                hi[p.group][k] = Math.max(hi[p.group][k], graph.high(p.state, k) + p.sizeExponents[k]);
            }
            bound[p.group] = bound[p.group].add(p.weight.abs().multiply(p.pairings));
        }
        BigInteger maxBound = BigInteger.ZERO;
        for (BigInteger b : bound) maxBound = maxBound.max(b);
        int primes = groups == 0 ? 0 : Modular.primesFor(maxBound);
        parts.replaceAll(p -> p.withPrimes(primes));
        int[] width = new int[nSizes];
        for (int g = 0; g < groups; g++) for (int k = 0; k < nSizes; k++) width[k] = Math.max(width[k], hi[g][k] - lo[g][k] + 1);
        Symbolic sym = Symbolic.widest(width);
        int grid = 1;
        int[] stride = new int[nSizes];
        for (int k = 0; k < nSizes; k++) {
            if (sym.contains(k)) continue;
            stride[k] = grid;
            grid *= Math.max(1, width[k]);
        }
        int maxLetters = 0;
        for (Part p : parts) maxLetters = Math.max(maxLetters, graph.letters(p.state));

        // values[g][prime][gridPoint][block of the symbolic exponents]
        long[][][][] values = new long[groups][primes][grid][];
        if (primes > 0) runPasses(primes, grid, sym, stride, width, maxLetters, parts, lo, hi, values, ticker);
        ticker.finish();

        // every group's terms go into one map per (loss, kind), made a polynomial once: adding group by group copied the
        // growing polynomial each time (quadratic: 300 weight symbols, 45 150 groups, took a minute at order 1)
        List<List<Map<Monomial, Rational>>> terms = new ArrayList<>();
        for (int li = 0; li < losses.size(); li++) terms.add(List.of(new HashMap<>(), new HashMap<>()));
        long[] primeList = new long[primes];
        for (int q = 0; q < primes; q++) primeList[q] = Modular.prime(q);
        for (Map.Entry<List<Object>, Integer> ge : groupIndex.entrySet()) {
            int g = ge.getValue();
            int li = (Integer) ge.getKey().get(0);
            int kind = (Integer) ge.getKey().get(1);
            Rational scale = kind == 0 ? Rational.of(BigInteger.ONE, lcm[li]) : Rational.ONE;
            Map<Monomial, Rational> t = terms.get(li).get(kind);
            interpolateGroup(g, primes, primeList, sym, stride, lo[g], hi[g], values[g], (exponents, c) -> {
                TreeMap<String, Integer> m = new TreeMap<>();
                for (int k = 0; k < nSizes; k++) if (exponents[k] != 0) m.put(sizes.get(k), exponents[k]);
                Monomial mono = Monomial.of(m).multiply(groupMonomial.get(g));
                t.merge(mono, Rational.of(c).multiply(scale), Rational::add);
            });
        }
        List<Result> out = new ArrayList<>();
        for (List<Map<Monomial, Rational>> x : terms) out.add(new Result(Polynomial.of(x.get(0)), Polynomial.of(x.get(1))));
        return out;
    }

    /**
     * The words' states, the graph grown in {@link #BUILD_BATCHES} batches so that progress moves
     * while it is built (minutes at order 12): states shared with earlier batches are found, not redone.
     */
    private int[] build(List<CyclicWord> words, Ticker ticker) {
        int[] state = new int[words.size()];
        int batch = Math.max(1, (words.size() + BUILD_BATCHES - 1) / BUILD_BATCHES);
        for (int from = 0; from < words.size(); from += batch) {
            int to = Math.min(words.size(), from + batch);
            System.arraycopy(graph.add(words.subList(from, to)), 0, state, from, to - from);
            ticker.built((double) to / words.size());
        }
        return state;
    }

    /** The sizes kept symbolic in the passes ({@code b} may be -1) and a group's block layout over them. */
    private record Symbolic(int a, int b) {
        /** The two widest sizes (fewest passes); {@code b} is -1 for a model with one size. */
        static Symbolic widest(int[] width) {
            int a = -1;
            int b = -1;
            for (int k = 0; k < width.length; k++) {
                if (a < 0 || width[k] > width[a]) {
                    b = a;
                    a = k;
                } else if (b < 0 || width[k] > width[b]) {
                    b = k;
                }
            }
            return new Symbolic(a, b);
        }

        boolean contains(int k) {
            return k == a || k == b;
        }

        int rows(int[] lo, int[] hi) {
            return hi[a] - lo[a] + 1;
        }

        int cols(int[] lo, int[] hi) {
            return b < 0 ? 1 : hi[b] - lo[b] + 1;
        }
    }

    /**
     * The passes one after the other, each a group of grid points (lanes) for one prime: each pass is
     * parallel inside, over the states of a level (memory for two levels, not per thread), and its
     * parts are added into their groups in parallel over the groups.
     */
    private void runPasses(int primes, int grid, Symbolic sym, int[] stride, int[] width, int maxLetters, List<Part> parts,
            int[][] lo, int[][] hi, long[][][][] values, Ticker ticker) {
        int nSizes = stride.length;
        // parts by level, then by group: a group's accumulator is touched by one thread only
        Map<Integer, Map<Integer, List<Part>>> byLevel = new HashMap<>();
        int[] minExp = new int[nSizes];
        int[] maxExp = new int[nSizes];
        for (Part part : parts) {
            byLevel.computeIfAbsent(graph.letters(part.state), l -> new TreeMap<>()).computeIfAbsent(part.group, g -> new ArrayList<>()).add(part);
            for (int k = 0; k < nSizes; k++) {
                minExp[k] = Math.min(minExp[k], part.sizeExponents[k]);
                maxExp[k] = Math.max(maxExp[k], part.sizeExponents[k]);
            }
        }
        int lanes = lanes(sym, maxLetters, grid);
        int groupsPerPrime = (grid + lanes - 1) / lanes;
        ticker.passes(primes * groupsPerPrime);
        for (int q = 0; q < primes; q++) {
            long p = Modular.prime(q);
            for (int first = 0; first < grid; first += lanes) {
                if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
                int count = Math.min(lanes, grid - first);
                long[][] sizeValues = new long[count][nSizes];
                for (int lane = 0; lane < count; lane++) {
                    int point = first + lane;
                    for (int k = 0; k < nSizes; k++) sizeValues[lane][k] = sym.contains(k) ? 0 : (point / stride[k]) % Math.max(1, width[k]) + 1;
                }
                Accumulator acc = new Accumulator(p, q, sym, sizeValues, minExp, maxExp, lo, hi, values.length);
                graph.evaluate(p, sym.a(), sym.b(), sizeValues, maxLetters, (letters, states, offsets, vals) -> {
                    Map<Integer, List<Part>> level = byLevel.get(letters);
                    if (level != null) level.values().parallelStream().forEach(group -> {
                        for (Part part : group) acc.add(part, offsets, vals);
                    });
                });
                acc.store(values, first);
                ticker.passDone();
            }
        }
    }

    /**
     * How many grid points a pass evaluates together: all of them when two levels of values for all
     * fit in a quarter of the heap that is free, else as many as do (at least one).
     */
    private int lanes(Symbolic sym, int maxLetters, int grid) {
        long[] cells = graph.levelCells(sym.a(), sym.b(), maxLetters);
        long most = 1;
        for (int lv = 0; lv < cells.length; lv++) most = Math.max(most, cells[lv] + (lv >= 2 ? cells[lv - 2] : 0));
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long fit = free / 4 / (most * Integer.BYTES);
        long byArray = (Integer.MAX_VALUE - 8) / Math.max(1, Arrays.stream(cells).max().orElse(1));
        return (int) Math.max(1, Math.min(Math.min(grid, maxLanes), Math.min(fit, byArray)));
    }

    /**
     * The groups' blocks of one pass: every part's state block, times its weight and its evaluated
     * size powers, added into its group's block, for every lane (grid point) of the pass. Each product
     * of residues is reduced (they reach $2^{62}$). Parts of different groups may be added from
     * different threads; one group's parts from one thread.
     */
    private final class Accumulator {
        private final long p;
        private final int q;
        private final double inverse;
        private final Symbolic sym;
        private final int lanes;
        private final int[] minExp;
        private final long[][][] power; // lane, evaluated size, exponent - minExp: the size's power mod p
        private final int[][] lo;
        private final int[][] hi;
        private final long[][][] acc; // lane, group, block

        Accumulator(long p, int q, Symbolic sym, long[][] sizeValues, int[] minExp, int[] maxExp, int[][] lo, int[][] hi, int groups) {
            this.p = p;
            this.q = q;
            this.inverse = 1.0 / p;
            this.sym = sym;
            this.lanes = sizeValues.length;
            this.minExp = minExp;
            this.lo = lo;
            this.hi = hi;
            this.acc = new long[lanes][groups][];
            this.power = new long[lanes][minExp.length][];
            for (int lane = 0; lane < lanes; lane++) {
                for (int k = 0; k < minExp.length; k++) {
                    if (sym.contains(k)) continue; // a symbolic size's power is a shift of the block
                    long[] pw = new long[maxExp[k] - minExp[k] + 1];
                    for (int e = minExp[k]; e <= maxExp[k]; e++) pw[e - minExp[k]] = Modular.power(sizeValues[lane][k], e, p);
                    power[lane][k] = pw;
                }
            }
        }

        void add(Part part, int[] offsets, int[] vals) {
            int a = sym.a();
            int b = sym.b();
            int g = part.group;
            int cols = sym.cols(lo[g], hi[g]);
            int s = part.state;
            int sRows = graph.high(s, a) - graph.low(s, a) + 1;
            int sCols = b < 0 ? 1 : graph.high(s, b) - graph.low(s, b) + 1;
            int rowShift = graph.low(s, a) + part.sizeExponents[a] - lo[g][a];
            int colShift = b < 0 ? 0 : graph.low(s, b) + part.sizeExponents[b] - lo[g][b];
            int at0 = offsets[graph.position(s)];
            for (int lane = 0; lane < lanes; lane++) {
                if (acc[lane][g] == null) acc[lane][g] = new long[sym.rows(lo[g], hi[g]) * cols];
                long[] v = acc[lane][g];
                long w = part.weights[q];
                for (int k = 0; k < minExp.length; k++) {
                    int e = part.sizeExponents[k];
                    if (e != 0 && !sym.contains(k)) w = Modular.reduce(w * power[lane][k][e - minExp[k]], p, inverse);
                }
                for (int r = 0; r < sRows; r++) {
                    int at = (rowShift + r) * cols + colShift;
                    int from = at0 + r * sCols * lanes + lane;
                    for (int j = 0; j < sCols; j++) v[at + j] += Modular.reduce(w * vals[from + j * lanes], p, inverse);
                }
            }
        }

        /** The lanes' blocks as the values of grid points {@code first}, {@code first + 1}, ... */
        void store(long[][][][] values, int first) {
            for (int lane = 0; lane < lanes; lane++) {
                for (int g = 0; g < acc[lane].length; g++) {
                    long[] v = acc[lane][g];
                    if (v == null) continue;
                    for (int j = 0; j < v.length; j++) v[j] = Modular.reduce(v[j], p, inverse);
                    values[g][q][first + lane] = v;
                }
            }
        }
    }

    private interface TermSink {
        void accept(int[] exponents, BigInteger coefficient);
    }

    /**
     * Coefficients of one group from its values: per prime, scale each grid value by
     * $\prod_k x_k^{-\text{lo}_k}$ (a Laurent polynomial made a polynomial), interpolate along each
     * evaluated size, then lift across primes.
     */
    private void interpolateGroup(int g, int primes, long[] primeList, Symbolic sym, int[] stride, int[] lo, int[] hi, long[][][] values,
            TermSink sink) {
        int nSizes = lo.length;
        int[] w = new int[nSizes];
        int cells = 1;
        int[] cstride = new int[nSizes];
        for (int k = 0; k < nSizes; k++) {
            w[k] = hi[k] - lo[k] + 1;
            cstride[k] = cells;
            cells *= w[k];
        }
        long[][] coeff = new long[primes][cells];
        int[] idx = new int[nSizes];
        for (int q = 0; q < primes; q++) {
            long p = primeList[q];
            long[] c = coeff[q];
            for (int cell = 0; cell < cells; cell++) {
                int point = 0;
                long scale = 1;
                for (int k = 0; k < nSizes; k++) {
                    idx[k] = (cell / cstride[k]) % w[k];
                    if (!sym.contains(k)) {
                        point += idx[k] * stride[k];
                        scale = scale * Modular.power(idx[k] + 1, -lo[k], p) % p;
                    }
                }
                long[] v = values[q][point];
                int at = idx[sym.a()] * sym.cols(lo, hi) + (sym.b() < 0 ? 0 : idx[sym.b()]);
                c[cell] = v == null ? 0 : v[at] * scale % p;
            }
            for (int k = 0; k < nSizes; k++) {
                if (sym.contains(k) || w[k] <= 1) continue;
                long[] line = new long[w[k]];
                for (int cell = 0; cell < cells; cell++) {
                    if ((cell / cstride[k]) % w[k] != 0) continue; // one line per start cell
                    for (int j = 0; j < w[k]; j++) line[j] = c[cell + j * cstride[k]];
                    Modular.interpolate(line, 0, w[k], p);
                    for (int j = 0; j < w[k]; j++) c[cell + j * cstride[k]] = line[j];
                }
            }
        }
        long[] residues = new long[primes];
        int[] exponents = new int[nSizes];
        for (int cell = 0; cell < cells; cell++) {
            boolean zero = true;
            for (int q = 0; q < primes; q++) {
                residues[q] = coeff[q][cell];
                zero &= residues[q] == 0;
            }
            if (zero) continue;
            for (int k = 0; k < nSizes; k++) exponents[k] = lo[k] + (cell / cstride[k]) % w[k];
            sink.accept(exponents, Modular.lift(residues, primeList));
        }
    }

    /** $\prod_M v_M^{k_M/2}$ for a word with $k_M$ letters of matrix $M$. */
    private Monomial variances(CyclicWord w) {
        Monomial v = Monomial.ONE;
        for (int m = 0; m < alphabet.matrixCount(); m++) v = v.multiply(model.matrices().get(m).variance().pow(w.count(m) / 2));
        return v;
    }

    /** Number of Wick pairings of a word: $\prod_M (k_M - 1)!!$ (the sum of the coefficients of $Q_w$). */
    private BigInteger pairings(CyclicWord w) {
        BigInteger n = BigInteger.ONE;
        for (int m = 0; m < alphabet.matrixCount(); m++) {
            for (int j = w.count(m) - 1; j > 1; j -= 2) n = n.multiply(BigInteger.valueOf(j));
        }
        return n;
    }

    /**
     * Spreads the words' progress ticks over the work: a share {@link #BUILD_SHARE} over the graph's
     * batches, the rest over the passes (measured at order 10: build 4 s, 4 passes of 11 points 24 s).
     */
    private static final class Ticker {
        private final Runnable tick;
        private final int words;
        private int passes;
        private int passesDone;
        private int ticked;

        Ticker(Runnable tick, int words) {
            this.tick = tick;
            this.words = words;
        }

        synchronized void built(double fraction) {
            advance((int) (words * BUILD_SHARE * fraction));
        }

        synchronized void passes(int passes) {
            this.passes = passes;
        }

        synchronized void passDone() {
            passesDone++;
            int start = (int) (words * BUILD_SHARE);
            advance(start + (int) ((long) (words - start) * passesDone / Math.max(1, passes)));
        }

        synchronized void finish() {
            advance(words);
        }

        private void advance(int to) {
            if (tick == null) return;
            while (ticked < to) {
                tick.run();
                ticked++;
            }
        }
    }
}
