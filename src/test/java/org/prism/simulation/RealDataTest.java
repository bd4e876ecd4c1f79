package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real data set prepared as X: the digits, centred and scaled to tr(Sigma)/d = 1, and malformed files refused. */
class RealDataTest {
    @Test
    void theDigitsAreCentredAndScaledAndTheirMomentsAgreeWithTheFrobeniusNorm() {
        RealData data = RealData.read(Path.of("examples/data/digits.csv.gz"), 65);
        assertEquals(64, data.d());
        assertEquals(1797, data.n());
        DMatrixRMaj x = data.x();
        for (int i = 0; i < 64; i++) {
            double mean = 0;
            for (int j = 0; j < data.n(); j++) mean += x.get(i, j);
            assertEquals(0, mean / data.n(), 1e-12, "feature " + i + " centred");
        }
        double[] c = data.moments(3);
        assertEquals(1, c[0], 1e-12, "tr(Sigma)/d = 1");
        // C_2 = tr(Sigma^2)/d = ||Sigma||_F^2 / d, a second route (Sigma symmetric)
        DMatrixRMaj sigma = new DMatrixRMaj(64, 64);
        CommonOps_DDRM.multTransB(x, x, sigma);
        CommonOps_DDRM.scale(1.0 / data.n(), sigma);
        double frobenius = NormOps_DDRM.normF(sigma);
        assertEquals(frobenius * frobenius / 64, c[1], 1e-9 * c[1]);
        // Jensen: C_2 >= C_1^2 and C_3 C_1 >= C_2^2 (moments of a positive spectrum); the digits are far from isotropic
        assertTrue(c[1] > 4 && c[2] * c[0] >= c[1] * c[1], java.util.Arrays.toString(c));
    }

    @Test
    void malformedFilesAreRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealData.read(ragged, 0)).getMessage()
                .contains("ragged.csv:2: 2 values where the first row has 3"));
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "1,2\n3,x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealData.read(text, 0)).getMessage()
                .contains("text.csv:2: column 2 is not a number: 'x'"));
        Path constant = dir.resolve("constant.csv");
        Files.writeString(constant, "1,2\n1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealData.read(constant, 0)).getMessage().contains("every feature is constant"));
    }
}
