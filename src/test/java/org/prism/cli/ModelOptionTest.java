package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model FILE} on the commands: same numbers as the built-in model, clean errors otherwise. */
class ModelOptionTest {
    private static final String TIED = "examples/tied-autoencoder.prism";

    @Test
    void theTiedExampleFileGivesTheBuiltInOutput() {
        for (String[] args : new String[][] {
                {"coefficients", "-s", "3", "-l", "pop", "-f", "json"},
                {"coefficients", "-s", "2", "--at", "d=2,m=1,n=1,sigma2=1/2"},
                {"regimes", "-S", "3", "--leading"}}) {
            CliRunner builtIn = CliRunner.run(args);
            String[] withModel = java.util.Arrays.copyOf(args, args.length + 2);
            withModel[args.length] = "--model";
            withModel[args.length + 1] = TIED;
            CliRunner file = CliRunner.run(withModel);
            assertEquals(0, builtIn.exitCode(), builtIn.err());
            assertEquals(builtIn.out(), file.out(), String.join(" ", args));
        }
    }

    @Test
    void jsonTermsCarryAnExponentsMapInTheModelsSymbols() {
        CliRunner r = CliRunner.run("coefficients", "-s", "0", "-l", "pop", "-f", "json", "--model", "examples/untied-autoencoder.prism");
        assertEquals(0, r.exitCode(), r.err());
        // c_0 = E 1/2 ||D E - I||^2 = 1/2 sigma_d^2 sigma_e^2 d^2 m + d/2 (E tr(DE) = 0)
        assertTrue(r.out().contains("\"exponents\":{\"sigma_e\":2,\"sigma_d\":2,\"d\":2,\"m\":1,\"n\":0}"), r.out());
        assertTrue(r.out().contains("\"coef\":\"1/2\""), r.out());
    }

    @Test
    void aBrokenModelFileIsOneLineWithItsPosition(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.prism");
        Files.writeString(f, "size d, m\nparam W[m, q] ~ normal(0, sigma^2)\nloss pop = 1/2 * ||W^T W - I||^2\nflow gradient(pop)\n");
        CliRunner r = CliRunner.run("coefficients", "-s", "1", "--model", f.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.prism:2:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingFileUnknownLossAndTiedOnlyCommandsAreCleanErrors() {
        CliRunner missing = CliRunner.run("coefficients", "-s", "1", "--model", "no/such/file.prism");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        CliRunner loss = CliRunner.run("coefficients", "-s", "1", "-l", "nope", "--model", TIED);
        assertEquals(2, loss.exitCode());
        assertTrue(loss.err().contains("no loss 'nope'"), loss.err());
        CliRunner far = CliRunner.run("coefficients", "-s", "8", "--model", "examples/cp4-sym.prism");
        assertEquals(2, far.exitCode());
        assertTrue(far.err().contains("tensor-network engine"), far.err());
        CliRunner leading = CliRunner.run("coefficients", "-s", "2", "--leading", "--model", "examples/cp3-sym.prism");
        assertEquals(2, leading.exitCode());
        assertTrue(leading.err().contains("no leading-order engine"), leading.err());
        CliRunner limit = CliRunner.run("limit", "--regime", "large-data", "--model", "examples/untied-autoencoder.prism");
        assertEquals(2, limit.exitCode());
        assertTrue(limit.err().contains("tied autoencoder only"), limit.err());
    }
}
