package org.prism.simulation;

import java.io.Serializable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A real data set as the data matrix {@code X} ({@code d x n}, one sample per column) of a simulation. Read from CSV,
 * gzipped when the name ends in {@code .gz}, one sample per row, numbers only (a label column can be dropped).
 * Prepared so that it is comparable with the isotropic model: every feature is centred (its mean over the samples
 * subtracted), then the whole matrix is scaled by one factor so that {@code tr(Sigma)/d = 1}, {@code Sigma = X X^T/n}
 * (the first normalised moment {@code C_1} of the isotropic data). The spectral moments {@code C_k = tr(Sigma^k)/d}
 * say how far from isotropic it is (all 1 for identity covariance). Reading is linear in the file; the moments cost
 * {@code O(d^2 n + k d^3)}.
 *
 * @param source where it came from (for output)
 * @param x the prepared data, {@code d x n}
 * @param dropped the 1-based column dropped, or 0
 */
public record RealData(String source, DMatrixRMaj x, int dropped) implements Serializable {
    /**
     * Reads and prepares a data set.
     *
     * @param dropColumn a column to drop (1-based, e.g. a label), or 0
     * @throws IllegalArgumentException for an unreadable file, a non-number, rows of different lengths, fewer than 2
     *     rows, or a data set whose every feature is constant
     */
    public static RealData read(Path file, int dropColumn) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (dropColumn > f.length) throw new IllegalArgumentException(file + ":" + lineNo + ": --drop-column " + dropColumn + " but the row has " + f.length + " columns");
                double[] row = new double[f.length - (dropColumn > 0 ? 1 : 0)];
                for (int c = 0, k = 0; c < f.length; c++) {
                    if (c == dropColumn - 1) continue;
                    try {
                        row[k++] = Double.parseDouble(f[c].strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": column " + (c + 1) + " is not a number: '" + f[c].strip() + "'");
                    }
                    if (!Double.isFinite(row[k - 1])) throw new IllegalArgumentException(file + ":" + lineNo + ": column " + (c + 1) + " is not finite");
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + row.length + " values where the first row has " + rows.get(0).length);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (rows.size() < 2) throw new IllegalArgumentException("--data " + file + ": at least 2 samples (rows) are needed, got " + rows.size());
        int n = rows.size();
        int d = rows.get(0).length;
        DMatrixRMaj x = new DMatrixRMaj(d, n);
        for (int i = 0; i < d; i++) {
            double mean = 0;
            for (double[] row : rows) mean += row[i];
            mean /= n;
            for (int j = 0; j < n; j++) x.set(i, j, rows.get(j)[i] - mean);
        }
        double trace = 0;
        for (double v : x.data) trace += v * v;
        trace /= n; // tr(X X^T / n)
        if (!(trace > 0)) throw new IllegalArgumentException("--data " + file + ": every feature is constant");
        CommonOps_DDRM.scale(Math.sqrt(d / trace), x);
        return new RealData(file.toString(), x, dropColumn);
    }

    public int d() {
        return x.numRows;
    }

    public int n() {
        return x.numCols;
    }

    /** The empirical covariance {@code Sigma = X X^T / n} ({@code d x d}, a new matrix). */
    public DMatrixRMaj covariance() {
        DMatrixRMaj sigma = new DMatrixRMaj(d(), d());
        CommonOps_DDRM.multTransB(x, x, sigma);
        CommonOps_DDRM.scale(1.0 / n(), sigma);
        return sigma;
    }

    /**
     * {@link #covariance} as a {@link Spectrum} in its own eigenbasis: Gaussian data with the same covariance (its
     * "Gaussian twin"), drawn in the data's coordinates. Negative rounding residues of a singular covariance are set
     * to 0. {@code O(d^3)}.
     */
    public Spectrum spectrum() {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d(), true, true);
        if (!eig.decompose(covariance())) throw new IllegalStateException("the eigen decomposition of the covariance of " + source + " failed");
        double[] l = new double[d()];
        DMatrixRMaj basis = new DMatrixRMaj(d(), d());
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.max(0, eig.getEigenvalue(i).getReal());
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int r = 0; r < d(); r++) basis.set(r, i, v.get(r, 0));
        }
        return new Spectrum("the covariance of " + source, l, basis);
    }

    /** {@code C_1..C_K}: {@code tr(Sigma^k)/d}, {@code Sigma = X X^T / n} (C_1 = 1 by the scaling). */
    public double[] moments(int k) {
        DMatrixRMaj sigma = covariance();
        double[] out = new double[k];
        DMatrixRMaj power = sigma.copy();
        for (int j = 0; j < k; j++) {
            out[j] = CommonOps_DDRM.trace(power) / d();
            if (j + 1 < k) {
                DMatrixRMaj next = new DMatrixRMaj(d(), d());
                CommonOps_DDRM.mult(power, sigma, next);
                power = next;
            }
        }
        return out;
    }
}
