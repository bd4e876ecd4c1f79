package org.prism.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.autoencoder.RegimeNames;
import org.prism.diagram.ModelEngine;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.TensorModel;
import org.prism.model.lang.ModelFile;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceNames;
import org.prism.regime.PrismDerivation;
import picocli.CommandLine.Option;

/** The {@code --model FILE} option shared by every command; without it, the built-in tied autoencoder. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file (language: grammars/README.md; examples in examples/). Default: the built-in tied autoencoder, examples/tied-autoencoder.prism.")
    Path file;

    /** Parses the file (errors: one line with file:line:column, exit code 2) and picks the engine. */
    LoadedModel load() {
        if (file == null) return LoadedModel.builtIn();
        if (file.toString().isBlank()) throw new IllegalArgumentException("--model: an empty file name");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("--model: " + file + " is a folder, not a model file");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--model: no such file: '" + file + "'");
        return LoadedModel.of(ModelFile.read(file));
    }

    /** The model as written, with its engine, the ratios that name its regimes, and what it is. */
    record LoadedModel(String name, TensorModel source, ModelEngine engine, Map<String, Monomial> ratios, String defaultLoss,
            boolean isTiedAutoencoder, List<String> tracked) {
        static LoadedModel builtIn() {
            return of(Models.tiedAutoencoderFile());
        }

        static LoadedModel of(TensorModel model) {
            return of(model, List.copyOf(model.losses().keySet()));
        }

        static LoadedModel of(ModelFile file) {
            return of(file.model(), file.tracked());
        }

        /**
         * The default loss is the one the flow follows when it is tracked, else the first tracked loss: a
         * model trained on a regularised objective ({@code flow gradient(obj)}, {@code track train, pop})
         * is studied through its training loss.
         */
        private static LoadedModel of(TensorModel model, List<String> tracked) {
            String loss = tracked.isEmpty() || tracked.contains(model.flowLoss()) ? model.flowLoss() : tracked.get(0);
            ModelEngine engine = Session.current().engine(ModelEngine.of(model), model);
            boolean tied = engine.matrixModel().map(Models.tiedAutoencoder()::sameContent).orElse(false);
            return new LoadedModel(model.name(), model, engine, tied ? Models.tiedAutoencoderRatios() : Map.of(), loss, tied,
                    List.copyOf(tracked));
        }

        /** The order its polytope is derived at in reports and sweeps: the default, or the highest within the engine's reach. */
        int defaultOrder() {
            return Limits.highestWithinReach(this, defaultLoss, DerivationOptions.DEFAULT_MAX_ORDER, false).order();
        }

        /** Its polytope from {@code c_0..c_order} of its default loss, with a progress bar. */
        DerivedPrism derive(int order) {
            try (Progress bar = Progress.start(name + " c_0..c_" + order, order + 1, true)) {
                return new PrismDerivation(engine, names()).derive(defaultLoss, order, false, s -> bar.stepBy(1));
            }
        }

        /** The model's vocabulary: the tied autoencoder's names (recognised by content), else its ratios alone. */
        FaceNames names() {
            return isTiedAutoencoder ? RegimeNames.TIED_AUTOENCODER : FaceNames.ratios(ratios);
        }

        /** The loss to expand: the one asked for, else the model's default (the loss the flow follows). */
        String loss(String asked) {
            String l = asked == null ? defaultLoss : asked;
            engine.requireLoss(l);
            return l;
        }

        MatrixModel requireMatrix(String what) {
            return engine.matrixModel().orElseThrow(() -> new IllegalArgumentException(
                    what + " needs a model whose losses are traces of matrix products; " + name + " is not one"));
        }

        /** The matrix model, for the explicit diagram enumeration. */
        MatrixModel requireExplicitDiagrams() {
            return requireMatrix("explicit diagrams");
        }

        void requireTiedAutoencoder(String what) {
            if (!isTiedAutoencoder) {
                throw new IllegalArgumentException(what + " exist for the tied autoencoder only, recognised by its content (the losses of"
                        + " examples/tied-autoencoder.prism, whatever the file's name); model " + name + " has other content");
            }
        }
    }
}
