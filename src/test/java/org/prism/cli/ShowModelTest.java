package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;
import org.prism.model.lang.ModelFile;

/**
 * {@code limit --face NAME --show-model}: a face's reduced flow, printed as a model file, checked against
 * models written by hand (the free face's flow of the tied autoencoder, the tied autoencoder itself on the
 * weight-decay model's face where lambda -> 0).
 */
class ShowModelTest {
    private static ModelFile reduced(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "limit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--show-model";
        CliRunner r = CliRunner.run(all);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# "), r.out());
        return ModelFile.read(r.out(), "shown.prism");
    }

    @Test
    void theFreeFaceReducesToTheHandWrittenFreeFlow() {
        ModelFile shown = reduced("--face", "free", "--order", "4");
        ModelFile byHand = ModelFile.read(Path.of("examples/tied-autoencoder-free.prism"));
        TensorModel m = shown.model();
        assertEquals("tied-autoencoder-free", m.name());
        assertEquals(byHand.model().losses(), m.losses());
        assertEquals(byHand.model().tensors(), m.tensors());
        assertEquals(byHand.model().flowLoss(), m.flowLoss());
        assertEquals(List.of("train", "pop"), shown.tracked());
    }

    @Test
    void weightDecayVanishesWhereLambdaGoesToZero() {
        // F4: lambda -> 0 with every other ratio of the tied autoencoder fixed: the flow is the tied
        // autoencoder's, and the constant of the objective (no gradient) goes too
        ModelFile shown = reduced("--model", "examples/tied-autoencoder-weight-decay.prism", "--face", "F4", "--order", "4");
        TensorModel tied = ModelFile.read(Path.of("examples/tied-autoencoder.prism")).model();
        TensorModel m = shown.model();
        List<TensorTerm> train = tied.loss("train");
        assertEquals(train.subList(0, 2), m.loss("obj"), "obj = train without its constant");
        assertEquals(train, m.loss("train"));
        assertEquals(tied.loss("pop"), m.loss("pop"));
        assertFalse(m.symbols().contains("lambda"));
        assertEquals("obj", m.flowLoss());
    }

    @Test
    void showModelNeedsAFaceAndPrintsOnlyText() {
        CliRunner noFace = CliRunner.run("limit", "--show-model");
        assertEquals(2, noFace.exitCode());
        assertEquals("prism limit: --show-model needs --face or --scaling", noFace.err().strip());
        CliRunner json = CliRunner.run("limit", "--face", "free", "--show-model", "--format", "json");
        assertEquals(2, json.exitCode());
        assertTrue(json.err().contains("--format text only"), json.err());
    }
}
