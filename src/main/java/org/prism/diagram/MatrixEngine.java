package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prism.model.MatrixModel;

/**
 * A {@link ModelEngine} for a {@link MatrixModel}: the exact coefficients by the evaluation-
 * interpolation engine ({@link InterpolatedWick}, one state graph shared by all losses of this
 * instance), the leading order by the planar recursion ({@link PlanarWick}).
 */
public final class MatrixEngine implements ModelEngine {
    private final MatrixModel model;
    private final InterpolatedWick exact;

    public MatrixEngine(MatrixModel model) {
        this.model = model;
        this.exact = new InterpolatedWick(model);
    }

    public MatrixModel model() {
        return model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public List<String> symbols() {
        List<String> s = new ArrayList<>(WickRecursion.packingOf(model).symbols());
        for (String x : model.symbols()) if (!s.contains(x)) s.add(x);
        return List.copyOf(s);
    }

    @Override
    public List<String> sizes() {
        return model.sizes();
    }

    @Override
    public List<String> losses() {
        return List.copyOf(model.losses().keySet());
    }

    @Override
    public ExpectedLoss exact(String loss) {
        requireLoss(loss);
        return exact.loss(loss);
    }

    @Override
    public ExpectedLoss leading(String loss) {
        requireLoss(loss);
        return LossCoefficients.leading(model, loss);
    }

    @Override
    public Optional<MatrixModel> matrixModel() {
        return Optional.of(model);
    }
}
