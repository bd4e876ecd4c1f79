package org.prism.simulation;

import java.io.Serializable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.prism.algebra.Rational;
import org.ejml.data.DMatrixRMaj;

/**
 * A data covariance known by its eigenvalues: the columns of {@code X} are drawn as {@code C^{1/2} z}, {@code z} standard
 * Gaussian, with {@code C} diagonal (the losses of the tied autoencoder are invariant under a rotation of the data, so
 * the eigenbasis does not matter). Written {@code power:alpha=A} ({@code lambda_i = i^-A}, i = 1..d, normalised to mean
 * 1 so that {@code C_1 = tr(C)/d = 1} as for isotropic data), {@code spiked:k=K,theta=T} (K eigenvalues {@code 1 + T},
 * the rest 1: not normalised, {@code C_1 = 1 + K T/d}), {@code levels:L1,..,Lr} (the d eigenvalues cycle through the
 * levels: a law uniform on them at every d that r divides) or {@code file:PATH} (d eigenvalues, one per line or separated
 * by commas, as given).
 *
 * @param description as written
 * @param eigenvalues the d eigenvalues, every one finite and >= 0
 * @param basis the eigenvectors as columns ({@code d x d}, orthogonal), or null for the coordinate axes: then
 *     {@code C = V diag(lambda) V^T} and a sample is {@code V diag(sqrt(lambda)) z}
 */
public record Spectrum(String description, double[] eigenvalues, DMatrixRMaj basis) implements Serializable {
    /** A covariance diagonal in the coordinates. */
    public Spectrum(String description, double[] eigenvalues) {
        this(description, eigenvalues, null);
    }

    /**
     * @throws IllegalArgumentException for a malformed description, a wrong count or a negative eigenvalue
     */
    public static Spectrum parse(String text, int d) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        double[] l = new double[d];
        switch (kind) {
            case "power" -> {
                double alpha = number(value(rest, "alpha", text), "alpha");
                double mean = 0;
                for (int i = 0; i < d; i++) mean += l[i] = Math.pow(i + 1, -alpha);
                mean /= d;
                for (int i = 0; i < d; i++) l[i] /= mean;
            }
            case "spiked" -> {
                double k = number(value(rest, "k", text), "k");
                double theta = number(value(rest, "theta", text), "theta");
                if (k != Math.rint(k) || k < 0 || k > d) throw new IllegalArgumentException("--spectrum spiked: k must be an integer in 0.." + d + ", got " + k);
                for (int i = 0; i < d; i++) l[i] = i < k ? 1 + theta : 1;
            }
            case "levels" -> {
                List<Double> values = new ArrayList<>();
                for (String part : rest.split(",")) {
                    try {
                        values.add(Rational.parse(part.strip()).doubleValue());
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new IllegalArgumentException("--spectrum: level '" + part.strip() + "' is not a number");
                    }
                }
                if (values.isEmpty() || rest.isBlank()) throw new IllegalArgumentException("--spectrum levels: give the levels, e.g. levels:1/2,3/2");
                for (int i = 0; i < d; i++) l[i] = values.get(i % values.size());
            }
            case "file" -> {
                List<Double> values = new ArrayList<>();
                try {
                    for (String part : Files.readString(Path.of(rest)).split("[,\\s]+")) if (!part.isBlank()) values.add(number(part, "an eigenvalue"));
                } catch (IOException e) {
                    throw new IllegalArgumentException("--spectrum file: cannot read '" + rest + "'");
                }
                if (values.size() != d) throw new IllegalArgumentException("--spectrum file:" + rest + " has " + values.size() + " eigenvalues, d = " + d);
                for (int i = 0; i < d; i++) l[i] = values.get(i);
            }
            default -> throw new IllegalArgumentException("--spectrum '" + text + "': expected power:alpha=A, spiked:k=K,theta=T, levels:L1,L2,.. or file:PATH");
        }
        for (double v : l) if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("--spectrum '" + text + "': eigenvalue " + v + " is not >= 0");
        return new Spectrum(t, l);
    }

    /**
     * The moments {@code C_1..C_K} of the law the spectrum tends to as d grows, exactly, when it has one with bounded
     * moments: {@code levels:L1,..,Lr} (uniform on the levels: the mean of {@code L^k}), {@code spiked} (a fixed number
     * of spikes: every moment tends to 1); empty for a power law (its moments grow with d, or its mean shrinks) and a
     * file (one d only).
     */
    public static Optional<List<Rational>> limitMoments(String text, int count) {
        String t = text.strip();
        List<Rational> out = new ArrayList<>();
        if (t.startsWith("spiked:")) {
            for (int k = 1; k <= count; k++) out.add(Rational.ONE);
            return Optional.of(out);
        }
        if (t.startsWith("levels:")) {
            List<Rational> levels = new ArrayList<>();
            for (String part : t.substring("levels:".length()).split(",")) {
                try {
                    levels.add(Rational.parse(part.strip()));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("--spectrum: level '" + part.strip() + "' is not a number");
                }
            }
            for (int k = 1; k <= count; k++) {
                Rational sum = Rational.ZERO;
                for (Rational l : levels) sum = sum.add(l.pow(k));
                out.add(sum.multiply(Rational.of(1, levels.size())));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** {@code C_1..C_K}: the normalised moments {@code tr(C^k)/d}. */
    public double[] moments(int k) {
        double[] out = new double[k];
        for (double v : eigenvalues) for (int j = 0; j < k; j++) out[j] += Math.pow(v, j + 1);
        for (int j = 0; j < k; j++) out[j] /= eigenvalues.length;
        return out;
    }

    /** The square roots, the scale of each coordinate of a sample. */
    double[] scales() {
        double[] s = new double[eigenvalues.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(eigenvalues[i]);
        return s;
    }

    /** The text header's line. */
    public String header() {
        List<String> m = new ArrayList<>();
        for (double c : moments(4)) m.add(String.format(Locale.ROOT, "%.4g", c));
        return "data columns ~ N(0, C), C = " + description + " (its eigenbasis the coordinates); C_k = tr(C^k)/d, k = 1..4: " + String.join(", ", m);
    }

    private static String value(String rest, String key, String text) {
        for (String kv : rest.split(",")) {
            String[] p = kv.split("=", -1);
            if (p.length == 2 && p[0].strip().equals(key)) return p[1].strip();
        }
        throw new IllegalArgumentException("--spectrum '" + text + "': no " + key + "=");
    }

    private static double number(String s, String what) {
        try {
            double v = Double.parseDouble(s.strip());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--spectrum: " + what + " '" + s.strip() + "' is not a number");
        }
    }
}
