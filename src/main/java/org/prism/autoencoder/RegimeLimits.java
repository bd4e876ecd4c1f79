package org.prism.autoencoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of regime limits by name. */
public final class RegimeLimits {
    private static final Map<String, RegimeLimit> BY_NAME = new LinkedHashMap<>();

    static {
        for (RegimeLimit r : List.of(new LargeDataLimit(), new MeanFieldLimit(), new NarrowLatentLimit(), new SmallDataLimit(),
                FreeLimit.narrow(), FreeLimit.wide())) {
            BY_NAME.put(r.regime(), r);
        }
    }

    private RegimeLimits() {}

    /** All regimes, in a fixed order. */
    public static List<RegimeLimit> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The regime names: large-data, mean-field, narrow-latent, small-data, free-narrow, free-wide. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The regime called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name ("free" alone names two end laws)
     */
    public static RegimeLimit byName(String name) {
        RegimeLimit r = name == null ? null : BY_NAME.get(name.strip());
        if (r != null) return r;
        if ("free".equals(name == null ? null : name.strip())) {
            throw new IllegalArgumentException("regime free has two end laws: free-narrow (m << d) and free-wide (m >> d)");
        }
        throw new IllegalArgumentException("unknown regime '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
}
