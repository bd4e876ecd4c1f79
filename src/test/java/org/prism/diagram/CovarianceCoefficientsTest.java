package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.expansion.LossExpansion;
import org.prism.regime.FaceNames;
import org.prism.regime.PrismDerivation;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;
import org.prism.oracle.BigRational;
import org.prism.oracle.EntrywiseTaylorOracle;

/**
 * The tied autoencoder on data $x \sim N(0, C)$ ({@code examples/tied-autoencoder-covariance.prism}):
 * its coefficients, polynomials in the moments $C_k = \operatorname{tr}(C^k)/d$, against three
 * independent routes: the isotropic model at $C = I$, derivations by hand, and the entrywise
 * symbolic oracle on $X = RZ$ (no words, no Wick recursion, no moments: the expectation there is over
 * iid entries of $Z$ and $C = RR^T$ enters only through the numbers in $R$).
 */
class CovarianceCoefficientsTest {
    static final int S = 3;
    static final List<Polynomial> train = new ArrayList<>();
    static final List<Polynomial> pop = new ArrayList<>();

    @BeforeAll
    static void compute() {
        MatrixEngine engine = new MatrixEngine(model());
        for (int s = 0; s <= S; s++) {
            train.add(engine.exact("train").coefficient(s));
            pop.add(engine.exact("pop").coefficient(s));
        }
    }

    static MatrixModel model() {
        return MatrixLowering.lower(ModelFile.parse(Path.of("examples/tied-autoencoder-covariance.prism"))).orElseThrow();
    }

    /** $p$ with every moment $C_k$ set to 1. */
    static Polynomial isotropic(Polynomial p) {
        Polynomial out = Polynomial.ZERO;
        for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
            TreeMap<String, Integer> e = new TreeMap<>(t.getKey().exponents());
            e.keySet().removeIf(x -> x.startsWith("C_"));
            out = out.add(Polynomial.term(t.getValue(), Monomial.of(e)));
        }
        return out;
    }

    @Test
    void atTheIdentityTheCoefficientsAreTheIsotropicModelsExactly() {
        // to c_5, against the interpolating engine (a second algorithm for the isotropic side)
        MatrixEngine cov = new MatrixEngine(model());
        MatrixEngine iso = new MatrixEngine(Models.tiedAutoencoder());
        for (int s = 0; s <= 5; s++) {
            for (String loss : List.of("train", "pop")) {
                assertEquals(iso.exact(loss).coefficient(s), isotropic(cov.exact(loss).coefficient(s)), loss + " c_" + s);
            }
        }
    }

    @Test
    void orderZeroByHand() {
        // E[(A - I)^2] = (sigma^4 m (m + d + 1) - 2 sigma^2 m + 1) I for A = W^T W (isotropic in W), so
        // pop: 1/2 tr(E[(A-I)^2] C) = d C_1 (1/2 - sigma^2 m + 1/2 sigma^4 m (m + d + 1)); train equals it
        // at t = 0 since E[X X^T / n] = C
        Polynomial c0 = Polynomial.parse("1/2*d*C_1 - sigma^2*d*m*C_1 + 1/2*sigma^4*d*m^2*C_1 + 1/2*sigma^4*d^2*m*C_1 + 1/2*sigma^4*d*m*C_1");
        assertEquals(c0, train.get(0));
        assertEquals(c0, pop.get(0));
    }

    @Test
    void orderOneToLowestOrderInSigmaByHand() {
        // For small W the gradients are grad L_train = -2 W S + O(W^3) with S = X X^T / n and
        // grad L_pop = -2 W C + O(W^3), and D L = -<grad L, grad L_train>. So to order sigma^2
        //   c_1(train) = -4 E tr(S^2 W^T W) = -4 sigma^2 m E tr(S^2),
        //   E tr(S^2) = (n^2 tr C^2 + n (tr C)^2 + n tr C^2) / n^2 = d C_2 + (d^2 C_1^2 + d C_2) / n;
        //   c_1(pop) = -4 E tr(C S W^T W) = -4 sigma^2 m tr(C^2) = -4 sigma^2 d m C_2.
        assertEquals(Polynomial.parse("-4*sigma^2*d*m*C_2 - 4*sigma^2*d^2*m*C_1^2*n^-1 - 4*sigma^2*d*m*C_2*n^-1"), sigmaPower(train.get(1), 2));
        assertEquals(Polynomial.parse("-4*sigma^2*d*m*C_2"), sigmaPower(pop.get(1), 2));
        assertTrue(sigmaPower(train.get(1), 0).isZero(), "W = 0 is a fixed point");
    }

    private static Polynomial sigmaPower(Polynomial p, int k) {
        Polynomial out = Polynomial.ZERO;
        for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
            if (t.getKey().exponent("sigma") == k) out = out.add(Polynomial.term(t.getValue(), t.getKey()));
        }
        return out;
    }

    /** Rows of R, row-major: C = R R^T (not diagonal, so C's eigenvectors are not the axes). */
    @ParameterizedTest(name = "d={0} m={1} n={2} R={3} up to c_{4}")
    @CsvSource({"2,1,1,'1 0 1 2',3", "2,1,2,'1 0 1 2',3", "2,2,1,'2 1 0 1',2", "3,1,1,'1 0 0 1 1 0 0 2 1',3"})
    void agreesWithTheEntrywiseOracleOnCorrelatedData(int d, int m, int n, String rows, int maxOrder) {
        long[][] r = new long[d][d];
        String[] v = rows.trim().split("\\s+");
        for (int i = 0; i < d * d; i++) r[i / d][i % d] = Long.parseLong(v[i]);
        BigRational sigma2 = BigRational.of(1, 4);
        StringBuilder point = new StringBuilder("d=" + d + ",m=" + m + ",n=" + n + ",sigma=1/2");
        long[][] c = multiply(r, transpose(r));
        long[][] power = c;
        for (int k = 1; k <= 2 * (maxOrder + 1); k++) {
            long trace = 0;
            for (int i = 0; i < d; i++) trace += power[i][i];
            point.append(",C_").append(k).append('=').append(trace).append('/').append(d);
            power = multiply(power, c);
        }
        for (boolean isTrain : new boolean[] {true, false}) {
            BigRational[] oracle = EntrywiseTaylorOracle.coefficients(d, m, n, sigma2, maxOrder, isTrain, r);
            for (int s = 0; s <= maxOrder; s++) {
                Rational mine = Point.parse(point.toString()).evaluate((isTrain ? train : pop).get(s));
                assertEquals(oracle[s].toString(), mine.toString(), (isTrain ? "train" : "pop") + " c_" + s + " at " + point);
            }
        }
    }

    private static long[][] multiply(long[][] a, long[][] b) {
        long[][] out = new long[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) out[i][j] += a[i][k] * b[k][j];
            }
        }
        return out;
    }

    private static long[][] transpose(long[][] a) {
        long[][] t = new long[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    @Test
    void theExplicitPairingsSumToTheRecursionWithMoments() {
        // every Wick pairing listed, contracted by union-find, its loops of covariance edges read off as moments: a
        // route that shares nothing with the memoised states but the expansion of D^s L
        MatrixModel m = model();
        for (String loss : List.of("train", "pop")) {
            LossExpansion e = new LossExpansion(m, loss);
            for (int s = 0; s <= 2; s++) {
                assertEquals((loss.equals("train") ? train : pop).get(s), DiagramExpansion.of(e, loss, s, null).total(), loss + " c_" + s);
            }
        }
    }

    @Test
    void theLeadingOrderEngineGivesExactlyTheParetoTermsWithTheirMoments() {
        // the planar pairings with C insertions: at C = I the isotropic planar engine's, and for any C the Pareto-maximal
        // terms of the exact coefficients (moments and all), as for isotropic data
        MatrixEngine engine = new MatrixEngine(model());
        MatrixEngine iso = new MatrixEngine(Models.tiedAutoencoder());
        PrismDerivation derivation = new PrismDerivation(engine, FaceNames.NONE);
        for (String loss : List.of("train", "pop")) {
            ExpectedLoss exact = engine.exact(loss);
            ExpectedLoss planar = engine.leading(loss);
            for (int s = 0; s <= 5; s++) {
                Polynomial p = planar.coefficient(s);
                assertEquals(iso.leading(loss).coefficient(s), isotropic(p), loss + " c_" + s + " at C = I");
                assertEquals(derivation.leadingTerms(s, exact.coefficient(s), exact.pairingCounts(s)).asPolynomial(), p, loss + " c_" + s);
            }
        }
    }
}
