package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.NetworkExpansion;
import org.prism.expansion.NetworkSum;
import org.prism.expansion.TensorNetwork;
import org.prism.model.TensorModel;

/**
 * The exact Taylor coefficients $c_s = E[D^s L]$ of one loss of a model in index notation
 * ({@link TensorModel}): the expansion $D^s L = \sum_N c_N N$ into canonical closed networks
 * ({@link NetworkExpansion}, Lie derivative by substitution of velocities) contracted network by
 * network by the {@link NetworkWick} recursion, in parallel over networks (the memo is shared).
 * Same meaning as {@link LossCoefficients#coefficient} for matrix models, for any model whose
 * losses are sums of closed tensor networks of Gaussian tensors; {@link #terms} counts networks.
 *
 * <p>As in {@link LossCoefficients}, rationals stay out of the inner sums: with $D$ the lcm of the
 * coefficient denominators, $c_s = \sum_\mu \frac{\mu}{D} \sum_N (D r_{N\mu})\, E'[N]$, grouped by
 * the monomial $\mu$ = (coefficient monomial) $\times \prod_T v_T^{n_T/2}$, where $E'[N]$ is the
 * integer size polynomial of {@link NetworkWick#sizeExpectation}.
 *
 * <p>Cancellation: both stages poll the calling thread's interrupt flag (also from the worker
 * threads of the parallel loops) and throw {@link WickRecursion.CancellationException}.
 */
public final class TensorCoefficients implements ExpectedLoss {
    private final NetworkExpansion expansion;
    private final NetworkWick wick;

    public TensorCoefficients(TensorModel model, String loss) {
        this(new NetworkAlphabet(model), loss);
    }

    private TensorCoefficients(NetworkAlphabet alphabet, String loss) {
        this(new NetworkExpansion(alphabet, loss), new NetworkWick(alphabet));
    }

    /** Shares a Wick memo (e.g. between the losses of one model). */
    public TensorCoefficients(NetworkExpansion expansion, NetworkWick wick) {
        if (expansion.alphabet() != wick.alphabet()) throw new IllegalArgumentException("expansion and Wick recursion of different alphabets");
        this.expansion = expansion;
        this.wick = wick;
    }

    public NetworkExpansion expansion() {
        return expansion;
    }

    public NetworkWick wick() {
        return wick;
    }

    /** $D^s L$ (computed once and kept). */
    public NetworkSum derivative(int s) {
        Thread caller = Thread.currentThread();
        return expansion.derivative(s, () -> checkCancelled(caller::isInterrupted));
    }

    /** Number of distinct canonical networks in $D^s L$ (after merging and cancellation). */
    @Override
    public int terms(int s) {
        return derivative(s).size();
    }

    /** Number of networks memoised by the Wick recursion so far. */
    @Override
    public int states() {
        return wick.states();
    }

    /**
     * $c_s$, reporting each network contracted to {@code networkDone} (may be null); honours the
     * calling thread's interrupt flag ({@link WickRecursion.CancellationException}).
     */
    @Override
    public Polynomial coefficient(int s, Runnable networkDone) {
        NetworkSum terms = derivative(s);
        BigInteger lcm = terms.commonDenominator();
        return contract(terms, r -> r.numerator().multiply(lcm.divide(r.denominator())), lcm, networkDone);
    }

    /**
     * The number of Wick pairings behind each monomial of order {@code s}: $\sum_N \mu_N E[N]$ over
     * networks $N$ and monomials $\mu_N$ of their coefficients, rational coefficients dropped. Its
     * support is the support of $c_s$ before any cancellation between networks.
     */
    @Override
    public Polynomial pairingCounts(int s) {
        return contract(derivative(s), r -> BigInteger.ONE, BigInteger.ONE, null);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new WickRecursion.CancellationException();
    }

    private Polynomial contract(NetworkSum terms, Function<Rational, BigInteger> weight, BigInteger denominator, Runnable networkDone) {
        List<Map.Entry<TensorNetwork, Polynomial>> networks = new ArrayList<>(terms.terms().entrySet());
        Thread caller = Thread.currentThread();
        BooleanSupplier cancelled = caller::isInterrupted;
        IntegerPolynomial[] values = wick.sizeExpectations(new ArrayList<>(terms.terms().keySet()), cancelled, networkDone);
        // group by coefficient monomial times variance monomial
        Map<Monomial, List<long[]>> byMonomial = new HashMap<>();
        List<BigInteger> weights = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            if (values[i].isZero()) continue;
            Monomial v = wick.variance(networks.get(i).getKey());
            for (Map.Entry<Monomial, Rational> t : networks.get(i).getValue().terms().entrySet()) {
                byMonomial.computeIfAbsent(t.getKey().multiply(v), k -> new ArrayList<>()).add(new long[] {i, weights.size()});
                weights.add(weight.apply(t.getValue()));
            }
        }
        Rational scale = Rational.of(BigInteger.ONE, denominator);
        Polynomial sum = Polynomial.ZERO;
        for (Map.Entry<Monomial, List<long[]>> e : byMonomial.entrySet()) {
            List<long[]> idx = e.getValue();
            IntegerPolynomial[] ps = new IntegerPolynomial[idx.size()];
            BigInteger[] factors = new BigInteger[idx.size()];
            for (int j = 0; j < ps.length; j++) {
                ps[j] = values[(int) idx.get(j)[0]];
                factors[j] = weights.get((int) idx.get(j)[1]);
            }
            sum = sum.add(IntegerPolynomial.linearCombination(ps, factors).toPolynomial(wick.packing(), scale).multiply(Rational.ONE, e.getKey()));
        }
        return sum;
    }
}
