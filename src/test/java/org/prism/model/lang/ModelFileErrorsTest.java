package org.prism.model.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per kind of error: the key and the position ({@code line:column}, counted from 1) of the
 * one-line message. Lines 1-3 of every case declare {@code size d, m, n}, {@code W[m, d]} and
 * {@code X[d, n]}; the case's text (with ¶ for a line break) starts on line 4.
 */
class ModelFileErrorsTest {
    private static final String HEAD = """
            size d, m, n
            param W[m, d] ~ normal(0, sigma^2)
            data X[d, n] ~ normal(0, 1)
            """;

    private static ModelFileException error(String body) {
        return assertThrows(ModelFileException.class, () -> ModelFile.read(HEAD + body.replace('¶', '\n'), "e.prism"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "size d,;                                          SYNTAX;             4:8",
            "model x;                                          SYNTAX;             4:1",
            "loss l = $;                                       BAD_CHARACTER;      4:10",
            "loss l = q;                                       UNKNOWN_NAME;       4:10",
            "param V[d, k] ~ normal(0, 1);                     UNKNOWN_SIZE;       4:12",
            "loss l = sum(i : q) 1;                            UNKNOWN_SIZE;       4:18",
            "param V[W] ~ normal(0, 1);                        NOT_A_SIZE;         4:9",
            "loss l = sum(i, k) W[k, i] X[i, k];               INDEX_SIZES;        4:33",
            "loss l = sum(i) delta[i, i] W[i, i];              INDEX_SIZES;        4:34",
            "loss l = ||W - X||^2;                             SHAPE_MISMATCH;     4:14",
            "loss l = ||W X^T||^2;                             SHAPE_MISMATCH;     4:14",
            "loss l = tr(W);                                   NOT_SQUARE;         4:10",
            "loss l = X^2;                                     NOT_SQUARE;         4:12",
            "loss l = tr(W^T W) + W;                           MIXED_SUM;          4:20",
            "loss l = W;                                       LOSS_NOT_SCALAR;    4:6",
            "loss l = ||W||;                                   NORM_NOT_SQUARED;   4:10",
            "loss l = ||W||^3;                                 NORM_NOT_SQUARED;   4:10",
            "loss l = tr(X);                                   NOT_SQUARE;         4:10",
            "loss l = tr(W^T W)^17;                            BAD_POWER;          4:20",
            "loss l = W^TW;                                    BAD_POWER;          4:12",
            "loss l = tr(W^T W)^-1;                            BAD_POWER;          4:20",
            "loss l = 1 / tr(W^T W);                           DIVISOR;            4:12",
            "loss l = 1/2n * tr(W^T W);                        AMBIGUOUS_DIVISION; 4:13",
            "loss l = (tr(W^T W) - tr(W W^T) + 1)^16;          TOO_LARGE;          4:38",
            "loss l = tr(W^T W)^16 tr(W^T W)^16 tr(W^T W);     TOO_LARGE;          4:36",
            "loss l = tr(2);                                   MATRIX_EXPECTED;    4:10",
            "loss l = (1)^T;                                   MATRIX_EXPECTED;    4:14",
            "loss l = sum(i) W[k, i];                          UNBOUND_INDEX;      4:19",
            "loss l = sum(i) sum(i) 1;                         REBOUND_INDEX;      4:21",
            "loss l = sum(i) i;                                INDEX_AS_VALUE;     4:17",
            "loss l = sum(i) delta[i];                         DELTA_ARITY;        4:17",
            "loss l = W[i];                                    ARITY;              4:10",
            "loss l = d[i];                                    NOT_A_TENSOR;       4:10",
            "param V[d, d, d] ~ normal(0, 1)¶loss l = V;       TENSOR_NEEDS_INDICES; 5:10",
            "loss l = tr(I)¶flow gradient(l);                  SIZE_UNKNOWN;       4:13",
            "loss l = sum(i) delta[i, i]¶flow gradient(l);     SIZE_UNKNOWN;       4:14",
            "size d;                                           DUPLICATE;          4:6",
            "param d[m] ~ normal(0, 1);                        DUPLICATE;          4:7",
            "loss l = 1¶loss l = 2;                            DUPLICATE;          5:6",
            "flow gradient(l)¶flow gradient(l);                DUPLICATE;          5:15",
            "loss l = 1¶flow gradient(l)¶track l, l;           DUPLICATE;          6:10",
            "size I;                                           RESERVED;           4:6",
            "param V[d] ~ normal(1, 1);                        NOT_CENTRED;        4:21",
            "param V[d] ~ normal(0, 2*sigma^2);                VARIANCE;           4:24",
            "param V[d] ~ normal(0, sigma + 1);                VARIANCE;           4:24",
            "param V[d] ~ normal(0, sum(i : d) 1);             VARIANCE;           4:24",
            "param V[d] ~ normal(0, V);                        TENSOR_IN_LAW;      4:24",
            "param V[d] ~ normal(0, W);                        TENSOR_IN_LAW;      4:24",
            "loss l = 1¶flow gradient(train);                  UNKNOWN_LOSS;       5:15",
            "loss l = 1¶flow gradient(l)¶track l, z;           UNKNOWN_LOSS;       6:10",
            "loss l = 1;                                       NO_FLOW;            4:11",
            "covariance C[q];                                  UNKNOWN_SIZE;       4:14",
            "covariance W[d];                                  DUPLICATE;          4:12",
            "covariance C[d]¶covariance D[d];                  SECOND_COVARIANCE;  5:12",
            "covariance C[d]¶param V[m, d] ~ normal(0, C);     COVARIANCE_NOT_DATA; 5:27",
            "covariance C[d]¶data Y[d, d] ~ normal(0, C);      COVARIANCE_SLOT;    5:26"})
    void errorKeyAndPosition(String body, ModelError key, String position) {
        ModelFileException e = error(body);
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(position, e.line() + ":" + e.column(), e.getMessage());
        assertEquals("e.prism:" + position + ": " + key.format(e.args().toArray()), e.getMessage());
    }

    /** Messages that name what went wrong and where the conflicting fact came from. */
    @Test
    void messagesSayWhichIndexAndWhichSizes() {
        assertEquals("e.prism:4:33: index k runs over n in X[i, k] at 4:28 but over m in W[k, i] at 4:20",
                error("loss l = sum(i, k) W[k, i] X[i, k]").getMessage());
        assertEquals("e.prism:4:14: shapes do not match: cannot add a m x d matrix and a d x n matrix", error("loss l = ||W - X||^2").getMessage());
        assertEquals("e.prism:5:15: unknown loss 'train' (losses: l)", error("loss l = 1¶flow gradient(train)").getMessage());
        assertEquals("e.prism:4:1: extraneous input 'model' expecting {end of file, 'size', 'symbol', 'covariance', 'param', 'data', 'loss', 'flow', 'track'}",
                error("model x").getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        ModelFileException e = error("loss l = " + "(".repeat(100_000) + "1" + ")".repeat(100_000));
        assertEquals(ModelError.TOO_DEEP, e.key());
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("e.prism:4:10: unexpected character '\\u0007'", error("loss l = \u0007").getMessage());
    }

    @Test
    void unreadableFile() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(Path.of("no/such/file.prism")));
        assertEquals(ModelError.UNREADABLE, e.key());
        assertEquals("no/such/file.prism", e.source());
    }
}
