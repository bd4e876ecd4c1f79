package org.prism.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.LossCoefficients;
import org.prism.model.lang.Examples;
import org.prism.model.lang.ModelFile;
import org.prism.oracle.BigRational;
import org.prism.oracle.EntrywiseGradientOracle;
import org.prism.oracle.EntrywiseGradientOracle.Matrix;
import org.prism.oracle.EntrywiseGradientOracle.Poly;

/**
 * Model files lowered to the matrix engine, checked against independent routes: the hand-written
 * {@link HandWrittenModels#tiedAutoencoder()}, expectations derived by hand (in the comments), and the
 * entrywise brute-force oracle for $c_0, c_1, c_2$.
 */
class MatrixLoweringTest {
    /** The tied autoencoder in index notation: must lower to the same coefficients as the sugar. */
    private static final String TIED_INDEX = """
            size d, m, n
            param W[m, d] ~ normal(0, sigma^2)
            data X[d, n] ~ normal(0, 1)
            loss train = 1/(2n) * sum(a, i) (sum(j, k) W[k, i] W[k, j] X[j, a] - X[i, a])^2
            loss pop = 1/2 * sum(i, j) (sum(k) W[k, i] W[k, j] - delta[i, j])^2
            flow gradient(train)
            """;

    private static MatrixModel lowered(String example) {
        return MatrixLowering.lower(Examples.read(example).model()).orElseThrow();
    }

    private static Polynomial c(MatrixModel m, String loss, int s) {
        return new LossCoefficients(m, loss).coefficient(s);
    }

    /** $c_0..c_4$ of both losses equal those of the built-in model, from the file and from its index form. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "pop"})
    void tiedAutoencoderMatchesTheBuiltInModel(String loss) {
        LossCoefficients builtIn = new LossCoefficients(HandWrittenModels.tiedAutoencoder(), loss);
        LossCoefficients sugar = new LossCoefficients(lowered("tied-autoencoder"), loss);
        LossCoefficients index = new LossCoefficients(MatrixLowering.lower(ModelFile.parse(TIED_INDEX, "tied-index.prism")).orElseThrow(), loss);
        for (int s = 0; s <= 4; s++) {
            Polynomial expected = builtIn.coefficient(s);
            assertEquals(expected, sugar.coefficient(s), "c_" + s);
            assertEquals(expected, index.coefficient(s), "c_" + s + " (index notation)");
        }
    }

    /** The velocity derived from the gradient is the hand-written one, $\frac1n[2WXX^T - WW^TWXX^T - WXX^TW^TW]$. */
    @Test
    void tiedVelocityIsTheHandWrittenOne() {
        MatrixModel builtIn = HandWrittenModels.tiedAutoencoder();
        MatrixModel file = lowered("tied-autoencoder");
        assertEquals(new HashSet<>(builtIn.velocity().values().iterator().next()), new HashSet<>(file.velocity().values().iterator().next()));
        assertEquals(builtIn.matrices(), file.matrices());
    }

    /**
     * $c_0 = E[L(0)]$ by hand. With $E[XX^T] = nI$ and $X$ independent of the weights,
     * $E\frac1{2n}\|(A - I)X\|^2 = \frac12 E\|A - I\|^2$, so train and pop have the same $c_0$:
     * <ul>
     * <li>tied, $A = W^TW$: $E\|A\|^2 = \sum_{ijkl} E[W_{ki}W_{kj}W_{li}W_{lj}] = \sigma^4(dm^2 + d^2m + dm)$
     *     (Wick: pair $k$ with $l$'s letters on $i$, on $j$, or crosswise), $E\operatorname{tr}A = \sigma^2 md$;
     * <li>untied, $A = DE$: $E\|DE\|^2 = \sum_{ijk} E[D_{ik}^2]E[E_{kj}^2] = d^2m\,\sigma_d^2\sigma_e^2$, $E\operatorname{tr}(DE) = 0$;
     * <li>deep, $A = W_3W_2W_1$: $E\|A\|^2 = d^2h_1h_2\,\sigma_1^2\sigma_2^2\sigma_3^2$, $E\operatorname{tr}A = 0$;
     * <li>teacher-student, $L = \frac12\|W - T\|^2$ with $W - T$ iid $N(0, \sigma^2 + 1)$: $\frac12 kd(\sigma^2 + 1)$.
     * </ul>
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "tied-autoencoder; 1/2*sigma^4*d^2*m + 1/2*sigma^4*d*m^2 + 1/2*sigma^4*d*m - sigma^2*d*m + 1/2*d",
            "untied-autoencoder; 1/2*sigma_d^2*sigma_e^2*d^2*m + 1/2*d",
            "deep-linear; 1/2*sigma_1^2*sigma_2^2*sigma_3^2*d^2*h1*h2 + 1/2*d",
            "teacher-student; 1/2*sigma^2*d*k + 1/2*d*k"})
    void c0ByHand(String example, String expected) {
        MatrixModel m = lowered(example);
        assertEquals(Polynomial.parse(expected), c(m, "train", 0));
        assertEquals(Polynomial.parse(expected), c(m, "pop", 0));
    }

    /**
     * Teacher-student $c_1$ by hand: with $A = W - T$, $S = XX^T$, $\dot W = -\frac1n AS$, so
     * $\dot L_{tr} = -\frac1{n^2}\operatorname{tr}(AS^2A^T)$ and $\dot L_{pop} = -\frac1n\operatorname{tr}(ASA^T)$.
     * Wishart moments $E[S] = nI$, $E[S^2] = n(n + d + 1)I$ and $E\|A\|^2 = kd(\sigma^2 + 1)$ give
     * $c_1^{tr} = -kd(\sigma^2 + 1)(n + d + 1)/n$ and $c_1^{pop} = -kd(\sigma^2 + 1)$.
     */
    @Test
    void teacherStudentC1ByHand() {
        MatrixModel m = lowered("teacher-student");
        Polynomial a = Polynomial.parse("sigma^2*d*k + d*k");
        assertEquals(a.multiply(Polynomial.parse("-1 - d*n^-1 - n^-1")), c(m, "train", 1));
        assertEquals(a.negate(), c(m, "pop", 1));
    }

    /** Untied $c_0, c_1, c_2$ against the entrywise oracle at tiny sizes (d, m, n) and rational init scales. */
    @ParameterizedTest
    @CsvSource({"2,1,1,1/2,2/3", "1,2,2,1,1/3", "2,2,1,3/2,1", "2,2,2,1/2,1/3"})
    void untiedAgainstTheEntrywiseOracle(int d, int m, int n, String sigmaE, String sigmaD) {
        EntrywiseGradientOracle o = new EntrywiseGradientOracle();
        BigRational se = BigRational.parse(sigmaE);
        BigRational sd = BigRational.parse(sigmaD);
        Matrix e = o.matrix(m, d, se.multiply(se), true);
        Matrix dec = o.matrix(d, m, sd.multiply(sd), true);
        Matrix x = o.matrix(d, n, BigRational.ONE, false);
        Poly train = dec.times(e).times(x).minus(x).frobeniusSquared().scale(BigRational.of(1, 2L * n));
        Poly pop = dec.times(e).minus(EntrywiseGradientOracle.identity(d)).frobeniusSquared().scale(BigRational.of(1, 2));
        Map<String, Rational> point = point("d", d, "m", m, "n", n);
        point.put("sigma_e", Rational.parse(sigmaE));
        point.put("sigma_d", Rational.parse(sigmaD));
        compareWithOracle(lowered("untied-autoencoder"), o, train, pop, point);
    }

    /** Deep linear $c_0, c_1, c_2$ against the entrywise oracle at tiny sizes (d, h1, h2, n). */
    @ParameterizedTest
    @CsvSource({"2,1,1,1", "1,2,1,2", "2,1,2,1", "2,2,1,1"})
    void deepLinearAgainstTheEntrywiseOracle(int d, int h1, int h2, int n) {
        EntrywiseGradientOracle o = new EntrywiseGradientOracle();
        BigRational[] sigma = {BigRational.of(1, 2), BigRational.of(2, 3), BigRational.of(3, 2)};
        Matrix w1 = o.matrix(h1, d, sigma[0].multiply(sigma[0]), true);
        Matrix w2 = o.matrix(h2, h1, sigma[1].multiply(sigma[1]), true);
        Matrix w3 = o.matrix(d, h2, sigma[2].multiply(sigma[2]), true);
        Matrix x = o.matrix(d, n, BigRational.ONE, false);
        Matrix a = w3.times(w2).times(w1);
        Poly train = a.times(x).minus(x).frobeniusSquared().scale(BigRational.of(1, 2L * n));
        Poly pop = a.minus(EntrywiseGradientOracle.identity(d)).frobeniusSquared().scale(BigRational.of(1, 2));
        Map<String, Rational> point = point("d", d, "h1", h1, "h2", h2, "n", n);
        for (int i = 0; i < 3; i++) point.put("sigma_" + (i + 1), Rational.parse(sigma[i].toString()));
        compareWithOracle(lowered("deep-linear"), o, train, pop, point);
    }

    /** $c_s = E[D^sL]$, $s \le 2$, of both losses: the engine's polynomial at {@code point} against the oracle's exact value. */
    private static void compareWithOracle(MatrixModel model, EntrywiseGradientOracle o, Poly train, Poly pop, Map<String, Rational> point) {
        Map<String, Poly> losses = Map.of("train", train, "pop", pop);
        for (String loss : List.of("train", "pop")) {
            assertEquals(Rational.parse(o.expectation(losses.get(loss)).toString()), c(model, loss, 0).evaluate(point), loss + " c_0 at " + point);
            Poly first = o.timeDerivative(losses.get(loss), train);
            assertEquals(Rational.parse(o.expectation(first).toString()), c(model, loss, 1).evaluate(point), loss + " c_1 at " + point);
            assertEquals(Rational.parse(o.expectation(o.timeDerivative(first, train)).toString()), c(model, loss, 2).evaluate(point), loss + " c_2 at " + point);
        }
    }

    private static Map<String, Rational> point(Object... nameValue) {
        Map<String, Rational> p = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) p.put((String) nameValue[i], Rational.of((Integer) nameValue[i + 1]));
        return p;
    }

    @Test
    void cpDecompositionsDoNotLower() {
        for (String example : Examples.TENSOR) {
            TensorModel m = Examples.read(example).model();
            assertTrue(MatrixLowering.lower(m).isEmpty(), example);
            assertTrue(MatrixLowering.obstacle(m).orElseThrow().contains("occurs"), MatrixLowering.obstacle(m).orElseThrow());
        }
    }

    /** Each reason a network is no single trace of a matrix product. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "param A[d, d] ~ normal(0, 1);                    tr(A)^2;                            a product of several traces",
            "param A[d, d] ~ normal(0, 1);                    sum(i, j, k) A[i, j] A[j, k] delta[i, j, k]; a delta with 3 indices",
            "param U[d, d, d] ~ normal(0, 1);                 sum(i, j, k) U[i, j, k]^2;          tensor U has 3 slot(s)",
            "param A[d, d] ~ normal(0, 1);                    sum(i, j) A[i, j];                  occurs 1 time(s)",
            "param A[d, d] ~ normal(0, 1);                    tr(A);                              the gradient of tr(A) is an identity"})
    void obstacles(String declaration, String loss, String reason) {
        TensorModel m = ModelFile.parse("size d\n" + declaration + "\nloss l = " + loss + "\nflow gradient(l)\n", "obstacle.prism");
        assertTrue(MatrixLowering.lower(m).isEmpty());
        String why = MatrixLowering.obstacle(m).orElseThrow();
        assertTrue(why.contains(reason), why);
    }

    /** Identities merge away; a loop $\operatorname{tr} I$ and an unused index become sizes. */
    @Test
    void identitiesAndLoops() {
        TensorModel m = ModelFile.parse("""
                size d, m
                param W[m, d] ~ normal(0, sigma^2)
                loss l = tr(W I W^T) + 3 * ||I - W^T W||^2
                flow gradient(l)
                """, "loops.prism");
        MatrixModel lowered = MatrixLowering.lower(m).orElseThrow();
        assertTrue(lowered.loss("l").contains(new MatrixProduct(Polynomial.parse("3*d"), List.of())), lowered.loss("l").toString());
        // E[tr(W W^T) + 3 ||I - W^T W||^2] = sigma^2 m d + 3 (d - 2 sigma^2 m d + sigma^4 (d m^2 + d^2 m + d m))
        assertEquals(Polynomial.parse("-5*sigma^2*d*m + 3*sigma^4*d*m^2 + 3*sigma^4*d^2*m + 3*sigma^4*d*m + 3*d"), c(lowered, "l", 0));
    }
}
