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
        // deep-linear: 2905 words at order 4, 27 671 at 5, x9.5 per order -> about 2.5e6 at 7 (limit 1e6)
        CliRunner deep = CliRunner.run("coefficients", "-s", "7", "--model", "examples/deep-linear.prism");
        assertEquals(2, deep.exitCode());
        assertTrue(deep.err().contains("trace words"), deep.err());
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

    /**
     * cp3-sym, D^1 L: the gradient of 1/2||sum_h u_h^{x3} - I||^2 has the target part
     * -3 sum_{jk} delta[a,j,k] U[j,h] U[k,h] = -3 U[a,h]^2, so -||grad||^2 contains -9 sum_{a,h} U[a,h]^4,
     * whose expectation is 3 sigma^4 p H (E z^4 = 3): the network U^4 on one (p, H) pair, coefficient -9.
     */
    @Test
    void tensorModelsListTheirNetworksWithExactExpectations() {
        CliRunner list = CliRunner.run("diagrams", "--order", "1", "--only", "--model", "examples/cp3-sym.prism");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("pop\\.1\\.\\d+\\s+-9\\s+3\\*sigma\\^4\\*p\\*H\\s+U\\[p0,H0\\] U\\[p0,H0\\] U\\[p0,H0\\] U\\[p0,H0\\]")), list.out());
        String id = list.out().lines().filter(l -> l.contains("3*sigma^4*p*H")).findFirst().orElseThrow().split("\\s+")[0];
        CliRunner one = CliRunner.run("inspect", id, "--model", "examples/cp3-sym.prism", "--format", "dot");
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().startsWith("digraph"), one.out());
        assertEquals(8, one.out().lines().filter(l -> l.contains("->")).count(), one.out()); // 4 factors x 2 slots
        CliRunner json = CliRunner.run("diagrams", "--order", "0", "--model", "examples/cp3-asym.prism", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"networks\""), json.out());
        CliRunner tikz = CliRunner.run("inspect", id, "--model", "examples/cp3-sym.prism", "--format", "tikz");
        assertEquals(2, tikz.exitCode());
    }

    /** The tied autoencoder is recognised by content: a renamed copy gets its regime names and limit checks. */
    @Test
    void theTiedAutoencoderIsRecognisedByContentNotName(@TempDir Path dir) throws Exception {
        Path renamed = dir.resolve("my-autoencoder.prism");
        Files.writeString(renamed, Files.readString(Path.of(TIED))
                .replace("model tied-autoencoder\n", "model my-autoencoder\n"));
        CliRunner check = CliRunner.run("check-limits", "-S", "3", "--model", renamed.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("large-data"), check.out());
        CliRunner other = CliRunner.run("check-limits", "-S", "2", "--model", "examples/tied-autoencoder-free.prism");
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("recognised by its content") && other.err().contains("tied-autoencoder-free has other content"),
                other.err());
    }
}
