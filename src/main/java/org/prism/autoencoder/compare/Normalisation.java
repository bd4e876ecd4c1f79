package org.prism.autoencoder.compare;

/**
 * How the simulated losses of one run are normalised so that their mean over runs estimates the
 * normalised expected loss of a regime's limit ({@link org.prism.autoencoder.RegimeLimit#normalisation()}).
 * Each is applied run by run, before averaging; the standard error is then that of the mean of the
 * normalised runs.
 */
public enum Normalisation {
    /** {@code L_tr / d} and {@code L_pop / d} (large-data, mean-field). */
    PER_D("L_tr / d and L_pop / d", "L / d", false),
    /**
     * {@code (L_tr - tr(Sigma)/2) / m} with the sample {@code tr(Sigma)} of the run's own data, and
     * {@code (L_pop - d/2) / m} (narrow-latent). Since {@code E tr(Sigma) = d} the mean estimates
     * {@code (E L_tr - d/2)/m} as in the limit; subtracting each run's own trace removes the
     * {@code O(1)} fluctuation of {@code tr(Sigma)/2}, which does not scale with m and would swamp
     * an {@code O(m)} signal.
     */
    NARROW_LATENT("(L_tr - tr(Sigma)/2) / m (tr(Sigma) of each run's data, E tr(Sigma) = d) and (L_pop - d/2) / m",
            "(L - tr(Sigma)/2) / m", true),
    /**
     * {@code L_tr / d}, and {@code (L_pop(t) - L_pop(0)) / n} with each run's own {@code L_pop(0)}
     * (small-data: {@code L_pop} moves only by {@code O(n) << d}).
     */
    SMALL_DATA("train: L_tr / d; pop: (L_pop(t) - L_pop(0)) / n (each run's own L_pop(0))", "L_tr / d;  (L_pop - L_pop(0)) / n", false),
    /** {@code L(t) / E L(0)} with the exact {@code E L(0)} of the simulated flow ({@link ScalingPath.Step#expectedInitialLoss}; free). */
    INITIAL("L(t) / E L(0), E L(0) = sigma^4 (m d^2 + m^2 d + m d)/2 - sigma^2 m d + d/2 exactly (the free dynamics: its top-degree"
            + " part sigma^4 (m d^2 + m^2 d + m d)/2)", "L(t) / E L(0)", false);

    private final String description;
    private final String axisLabel;
    private final boolean needsTrace;

    Normalisation(String description, String axisLabel, boolean needsTrace) {
        this.description = description;
        this.axisLabel = axisLabel;
        this.needsTrace = needsTrace;
    }

    /** One line: what is divided by what. */
    public String description() {
        return description;
    }

    /** Short label of the normalised loss for a plot axis. */
    public String axisLabel() {
        return axisLabel;
    }

    /** True if the normalisation needs each run's {@code tr(Sigma)}. */
    public boolean needsTrace() {
        return needsTrace;
    }

    /**
     * The normalised curve of one run.
     *
     * @param train true for the train loss, false for the population loss
     * @param raw the run's loss at the grid times (not modified)
     * @param traceSigma the run's {@code tr(Sigma)} (only read when {@link #needsTrace()})
     */
    public double[] apply(ScalingPath.Step step, boolean train, double[] raw, double traceSigma) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = switch (this) {
                case PER_D -> raw[i] / step.d();
                case NARROW_LATENT -> (raw[i] - (train ? traceSigma : step.d()) / 2) / step.m();
                case SMALL_DATA -> train ? raw[i] / step.d() : (raw[i] - raw[0]) / (step.infiniteData() ? 1 : step.n());
                case INITIAL -> raw[i] / step.expectedInitialLoss();
            };
        }
        return out;
    }
}
