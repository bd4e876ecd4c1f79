package org.prism.autoencoder;

/**
 * A limiting loss curve sampled at {@code times}; {@code train} or {@code pop} is null where the
 * regime does not define it. Arrays are owned by the record (not copied).
 */
public record LimitCurve(double[] times, double[] train, double[] pop) {
    public LimitCurve {
        if (times == null) throw new NullPointerException("times");
        if (train != null && train.length != times.length) throw new IllegalArgumentException("train length");
        if (pop != null && pop.length != times.length) throw new IllegalArgumentException("pop length");
    }
}
