package org.prism.expansion;

import java.util.List;
import org.prism.model.Letter;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;

/**
 * The letters of a model as small integer codes: matrix $i$ is code $2i$, its transpose $2i+1$,
 * so transposing a letter is {@code code ^ 1}. Sizes are numbered in the model's order.
 * At most 127 matrices (codes fit in a byte below the separator 0xFF).
 */
public final class Alphabet {
    private final MatrixModel model;
    private final int[] rowSize;
    private final int[] colSize;
    private final boolean[] constant;   // per code: a covariance letter, never paired
    private final byte[] covariance;    // per code: the covariance letter its pairing inserts, or -1
    private final boolean[] rowCovariance; // per code: whether that covariance acts on the letter's row index
    private final boolean hasConstants;

    public Alphabet(MatrixModel model) {
        this.model = model;
        int n = model.matrices().size();
        if (n > 127) throw new IllegalArgumentException("at most 127 random matrices, got " + n);
        rowSize = new int[2 * n];
        colSize = new int[2 * n];
        constant = new boolean[2 * n];
        covariance = new byte[2 * n];
        rowCovariance = new boolean[2 * n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            RandomMatrix r = model.matrices().get(i);
            rowSize[2 * i] = colSize[2 * i + 1] = model.sizes().indexOf(r.rows());
            colSize[2 * i] = rowSize[2 * i + 1] = model.sizes().indexOf(r.cols());
            constant[2 * i] = constant[2 * i + 1] = r.constant();
            any |= r.constant();
            covariance[2 * i] = covariance[2 * i + 1] = r.covariance() == null ? -1 : (byte) (2 * model.matrices().indexOf(r.covariance()));
            rowCovariance[2 * i] = rowCovariance[2 * i + 1] = false;
            if (r.covariance() != null) {
                rowCovariance[2 * i] = r.rowCovariance();
                rowCovariance[2 * i + 1] = !r.rowCovariance();
            }
        }
        hasConstants = any;
    }

    /** Whether the model has a covariance, whose letters are fixed and never paired. */
    public boolean hasConstants() {
        return hasConstants;
    }

    /** Whether the letter is a covariance (fixed, symmetric). */
    public boolean isConstant(int code) {
        return constant[code];
    }

    /** The letter $C$ that pairing this letter with a partner inserts ($E[X_{ia}X_{jb}] = C_{ij}\delta_{ab}$), or -1 for iid entries. */
    public int covariance(int code) {
        return covariance[code];
    }

    /** Whether {@link #covariance} acts on the letter's row index (else on its column index). */
    public boolean rowCovariance(int code) {
        return rowCovariance[code];
    }

    /** The letter's transpose; a covariance is symmetric, so it is its own transpose. */
    public byte transpose(int code) {
        return (byte) (constant[code] ? code : code ^ 1);
    }

    public MatrixModel model() {
        return model;
    }

    public int matrixCount() {
        return model.matrices().size();
    }

    public static int matrixOf(int code) {
        return code >> 1;
    }

    public static boolean isTransposed(int code) {
        return (code & 1) == 1;
    }

    /** Index (in the model's sizes) of the row size of the letter. */
    public int rowSize(int code) {
        return rowSize[code];
    }

    public int colSize(int code) {
        return colSize[code];
    }

    public byte code(Letter l) {
        int i = model.matrices().indexOf(l.matrix());
        if (i < 0) throw new IllegalArgumentException("letter " + l + " is not in the model");
        return (byte) (2 * i + (l.transposed() && !l.matrix().constant() ? 1 : 0));
    }

    public byte[] codes(List<Letter> letters) {
        byte[] b = new byte[letters.size()];
        for (int i = 0; i < b.length; i++) b[i] = code(letters.get(i));
        return b;
    }

    public Letter letter(int code) {
        return new Letter(model.matrices().get(matrixOf(code)), isTransposed(code));
    }

    /** {@code "W^T W X X^T"}, or {@code "1"} for the empty word. */
    public String format(byte[] codes) {
        if (codes.length == 0) return "1";
        StringBuilder sb = new StringBuilder();
        for (byte c : codes) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(letter(c));
        }
        return sb.toString();
    }
}
