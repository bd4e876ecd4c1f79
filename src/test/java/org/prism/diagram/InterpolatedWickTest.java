package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;
import org.prism.oracle.BigRational;
import org.prism.oracle.EntrywiseTaylorOracle;

/**
 * The evaluation-interpolation engine against two independent routes: the polynomial memo of
 * {@link WickRecursion} (same recursion, different arithmetic: exact polynomials per state, no primes,
 * no interpolation) and the entrywise Taylor oracle (no words, no Wick recursion at all).
 */
class InterpolatedWickTest {
    private static void assertSameAsPolynomialMemo(MatrixModel model, int maxOrder) {
        assertSameAsPolynomialMemo(new InterpolatedWick(model), model, maxOrder);
    }

    private static void assertSameAsPolynomialMemo(InterpolatedWick engine, MatrixModel model, int maxOrder) {
        for (String loss : model.losses().keySet()) engine.loss(loss);
        for (String loss : model.losses().keySet()) {
            LossCoefficients memo = new LossCoefficients(model, loss);
            ExpectedLoss fast = engine.loss(loss);
            for (int s = 0; s <= maxOrder; s++) {
                assertEquals(memo.coefficient(s), fast.coefficient(s), model.name() + " " + loss + " c_" + s);
                assertEquals(memo.pairingCounts(s), fast.pairingCounts(s), model.name() + " " + loss + " pairings of c_" + s);
            }
        }
    }

    @Test
    void tiedAutoencoderEqualsThePolynomialMemo() {
        assertSameAsPolynomialMemo(Models.tiedAutoencoder(), 6);
    }

    /** Grid points one per pass, and three per pass (the last pass of an order part full): the same coefficients. */
    @ParameterizedTest(name = "at most {0} points per pass")
    @ValueSource(ints = {1, 3})
    void passesOfFewerPointsAgree(int lanes) {
        MatrixModel model = Models.tiedAutoencoder();
        assertSameAsPolynomialMemo(new InterpolatedWick(model, lanes), model, 6);
    }

    @ParameterizedTest(name = "{0} to c_{1}")
    @CsvSource({"untied-autoencoder, 3", "deep-linear, 2", "teacher-student, 3"})
    void otherMatrixModelsEqualThePolynomialMemo(String name, int maxOrder) {
        MatrixModel model = MatrixLowering.lower(ModelFile.parse(Path.of("examples/" + name + ".prism"))).orElseThrow();
        assertSameAsPolynomialMemo(model, maxOrder);
    }

    @ParameterizedTest(name = "d={0} m={1} n={2} up to c_{3}")
    @CsvSource({"1,1,1,5", "2,1,2,4", "1,2,3,4"})
    void agreesWithTheEntrywiseOracle(int d, int m, int n, int maxOrder) {
        InterpolatedWick engine = new InterpolatedWick(Models.tiedAutoencoder());
        for (String loss : new String[] {"train", "pop"}) {
            BigRational[] oracle = EntrywiseTaylorOracle.coefficients(d, m, n, BigRational.of(2, 5), maxOrder, loss.equals("train"));
            Point at = Point.parse("d=" + d + ",m=" + m + ",n=" + n + ",sigma2=2/5");
            for (int s = 0; s <= maxOrder; s++) {
                assertEquals(oracle[s].toString(), at.evaluate(engine.loss(loss).coefficient(s)).toString(), loss + " c_" + s);
            }
        }
    }

    @Test
    void oneLossAloneAndLossesAddedLaterAgree() {
        MatrixModel model = Models.tiedAutoencoder();
        InterpolatedWick engine = new InterpolatedWick(model);
        Polynomial train4 = engine.loss("train").coefficient(4);
        // pop gets a view only now: its c_4 is computed on the grown graph, alone
        Polynomial pop4 = engine.loss("pop").coefficient(4);
        assertEquals(new LossCoefficients(model, "train").coefficient(4), train4);
        assertEquals(new LossCoefficients(model, "pop").coefficient(4), pop4);
        assertTrue(engine.states() > 0 && engine.edges() >= engine.states() - 2);
    }

    @Test
    void progressTicksOncePerWordOfTheRequestedLoss() {
        InterpolatedWick engine = new InterpolatedWick(Models.tiedAutoencoder());
        engine.loss("pop");
        ExpectedLoss train = engine.loss("train");
        int[] ticks = {0};
        train.coefficient(5, () -> ticks[0]++);
        assertEquals(train.terms(5), ticks[0]);
    }

    @Tag("slow")
    @Test
    void tiedAutoencoderEqualsThePolynomialMemoToOrderEight() {
        assertSameAsPolynomialMemo(Models.tiedAutoencoder(), 8);
    }
}
