package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.prism.expansion.Alphabet;
import org.prism.model.MatrixModel;

/**
 * A {@link ModelEngine} for a {@link MatrixModel}: the exact coefficients by the evaluation-
 * interpolation engine ({@link InterpolatedWick}, one state graph shared by all losses of this
 * instance), or, for data with a covariance, by the memoised recursion with moments
 * ({@link MomentWick}); the leading order by the planar recursion ({@link PlanarWick}, with moments
 * {@link PlanarMomentWick}), one memo shared by all losses of this instance.
 */
public final class MatrixEngine implements ModelEngine {
    private final MatrixModel model;
    private final InterpolatedWick exact;
    private final MomentWick moments;
    private final Map<String, MomentCoefficients> momentLosses = new ConcurrentHashMap<>();
    private final PlanarMomentWick planarMoments;
    private final Map<String, MomentCoefficients> momentLeading = new ConcurrentHashMap<>();
    // one planar memo for every loss, as the exact engine shares its graph: a derivation of both losses at the
    // leading engine's reach holds one memo, not two
    private final Map<String, LossCoefficients> planarLeading = new ConcurrentHashMap<>();
    private final PlanarWick planar;

    public MatrixEngine(MatrixModel model) {
        this.model = model;
        // a covariance makes the coefficients polynomials in its moments too: the memoised recursion
        // carries them as symbols; the interpolating engine would need a grid in every moment
        boolean covariance = model.covariance().isPresent();
        this.exact = covariance ? null : new InterpolatedWick(model);
        this.moments = covariance ? new MomentWick(new Alphabet(model)) : null;
        this.planarMoments = covariance ? new PlanarMomentWick(new Alphabet(model)) : null;
        this.planar = covariance ? null : new PlanarWick(new Alphabet(model));
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
        if (moments != null) s.addAll(moments.moments().symbols());
        return List.copyOf(s);
    }

    @Override
    public List<String> moments() {
        return moments == null ? List.of() : moments.moments().symbols();
    }

    @Override
    public String momentSize() {
        return model.covariance().orElseThrow(() -> new IllegalStateException("model " + model.name() + " has no covariance")).rows();
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
        if (moments != null) return momentLosses.computeIfAbsent(loss, l -> new MomentCoefficients(model, l, moments));
        return exact.loss(loss);
    }

    @Override
    public ExpectedLoss leading(String loss) {
        requireLoss(loss);
        if (moments != null) return momentLeading.computeIfAbsent(loss, l -> new MomentCoefficients(model, l, planarMoments));
        return planarLeading.computeIfAbsent(loss, l -> new LossCoefficients(model, l, planar));
    }

    @Override
    public Optional<MatrixModel> matrixModel() {
        return Optional.of(model);
    }
}
