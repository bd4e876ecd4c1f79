package org.prism.model.lang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.prism.model.MatrixLowering;
import org.prism.model.TensorModel;

/**
 * Robustness: example files mutated character by character and token by token either parse to a
 * valid {@link TensorModel} (which {@link MatrixLowering} then lowers or explains, without
 * throwing) or fail with a {@link ModelFileException} whose message is one line
 * {@code file:line:column: message} pointing into the text; never another exception, never an
 * internal error, never a hang.
 */
class ModelFileMutationTest {
    private static final String SOURCE = "mutant.prism";
    private static final String PARSED = "parsed";
    private static final Pattern TOKEN = Pattern.compile("\\|\\||[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\\S");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9]+");
    private static final Pattern MESSAGE = Pattern.compile("mutant\\.prism:(\\d+):(\\d+): [^\\n\\r\\u0085\\u2028\\u2029]+");
    private static final Set<String> KEYWORDS = Set.of("model", "size", "symbol", "param", "data", "loss", "flow", "gradient", "track", "normal",
            "sum", "delta", "tr");

    /** The example files; without comments, so that every edit changes the model. */
    private static final List<String> EXAMPLES = new ArrayList<>();
    private static final List<String> UNCOMMENTED = new ArrayList<>();
    /** Tokens of the examples, keywords and a few more. */
    private static final List<String> TOKENS = new ArrayList<>(List.of(
            "sum(", "delta[", "tr(", "||", "^T", "^2", "^-1", "^17", "I", "T", "0", "1/", "(", ")", "[", "]", ",", ":", "\n", "#", "~", "=", "-",
            "+", "*", "/"));
    /** Names and numbers of the examples, and a few more. */
    private static final List<String> WORDS = new ArrayList<>(List.of("I", "T", "0", "2", "q"));

    static {
        TOKENS.addAll(KEYWORDS);
        for (String name : concat(Examples.MATRIX, Examples.TENSOR)) {
            try {
                String text = Files.readString(Examples.path(name));
                EXAMPLES.add(text);
                UNCOMMENTED.add(text.replaceAll("#[^\n]*", ""));
                addNew(TOKEN, text, TOKENS);
                addNew(WORD, UNCOMMENTED.get(UNCOMMENTED.size() - 1), WORDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        WORDS.removeAll(KEYWORDS);
    }

    private static void addNew(Pattern p, String text, List<String> to) {
        Matcher m = p.matcher(text);
        while (m.find()) if (!to.contains(m.group())) to.add(m.group());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    /** An edit at relative positions {@code at}, {@code to} in [0, 1) of the current text (a word is a name or number, not a keyword). */
    record Edit(Kind kind, double at, double to, String text) {
        enum Kind { DELETE_CHARACTER, INSERT, REPLACE_CHARACTER, DUPLICATE_SPAN, DELETE_TOKEN, DUPLICATE_TOKEN, REPLACE_TOKEN, SWAP_TOKENS, REPLACE_WORD }

        String apply(String s) {
            if (s.isEmpty()) return text;
            int i = (int) (at * s.length());
            int j = (int) (to * s.length());
            List<int[]> tokens = new ArrayList<>();
            Matcher m = (kind == Kind.REPLACE_WORD ? WORD : TOKEN).matcher(s);
            while (m.find()) if (kind != Kind.REPLACE_WORD || !KEYWORDS.contains(m.group())) tokens.add(new int[] {m.start(), m.end()});
            int[] t = tokens.isEmpty() ? new int[] {0, 0} : tokens.get((int) (at * tokens.size()));
            int[] u = tokens.isEmpty() ? new int[] {0, 0} : tokens.get((int) (to * tokens.size()));
            return switch (kind) {
                case DELETE_CHARACTER -> s.substring(0, i) + s.substring(i + 1);
                case INSERT -> s.substring(0, i) + text + s.substring(i);
                case REPLACE_CHARACTER -> s.substring(0, i) + text + s.substring(i + 1);
                case DUPLICATE_SPAN -> s.substring(0, Math.max(i, j)) + s.substring(Math.min(i, j), Math.max(i, j)) + s.substring(Math.max(i, j));
                case DELETE_TOKEN -> s.substring(0, t[0]) + s.substring(t[1]);
                case DUPLICATE_TOKEN -> s.substring(0, t[1]) + " " + s.substring(t[0], t[1]) + s.substring(t[1]);
                case REPLACE_TOKEN, REPLACE_WORD -> s.substring(0, t[0]) + text + s.substring(t[1]);
                case SWAP_TOKENS -> {
                    int[] first = t[0] <= u[0] ? t : u;
                    int[] second = t[0] <= u[0] ? u : t;
                    if (first[1] > second[0]) yield s;
                    yield s.substring(0, first[0]) + s.substring(second[0], second[1]) + s.substring(first[1], second[0])
                            + s.substring(first[0], first[1]) + s.substring(second[1]);
                }
            };
        }
    }

    /** Up to four edits of any kind, inserting tokens, short strings or any character. */
    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<String> payload = Arbitraries.oneOf(
                Arbitraries.of(TOKENS),
                Arbitraries.strings().withChars("abdhiknpTWXI0123456789[](),:^*/+-|#~= \n\t").ofMinLength(1).ofMaxLength(3),
                Arbitraries.chars().map(String::valueOf));
        return mutants(EXAMPLES, Arbitraries.of(Edit.Kind.class), payload, 4);
    }

    /**
     * One or two edits of the uncommented examples, mostly a name or number replaced by another:
     * well-formed files that reach the semantic checks (names, indices, shapes, laws).
     */
    @Provide
    Arbitrary<String> wordMutants() {
        Arbitrary<Edit.Kind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Edit.Kind.REPLACE_WORD)),
                Tuple.of(1, Arbitraries.of(Edit.Kind.DELETE_TOKEN, Edit.Kind.DUPLICATE_TOKEN, Edit.Kind.SWAP_TOKENS)));
        return mutants(UNCOMMENTED, kinds, Arbitraries.of(WORDS), 2);
    }

    private static Arbitrary<String> mutants(List<String> texts, Arbitrary<Edit.Kind> kinds, Arbitrary<String> payload, int maxEdits) {
        Arbitrary<Double> position = Arbitraries.doubles().between(0, true, 1, false).ofScale(6).withoutEdgeCases();
        Arbitrary<Edit> edit = Combinators.combine(kinds, position, position, payload).as(Edit::new);
        return Combinators.combine(Arbitraries.of(texts), edit.list().ofMinSize(1).ofMaxSize(maxEdits)).as((text, edits) -> {
            String s = text;
            for (Edit e : edits) s = e.apply(s);
            return s;
        });
    }

    @Property(tries = 1000, seed = "20261124")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void mutatedFilesParseOrFailWithOneLineMessage(@ForAll("mutants") String text) {
        Statistics.collect(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(text)));
        Statistics.coverage(c -> c.check(PARSED).percentage(p -> p > 10));
    }

    /** Word edits mostly reach the semantic checks: the property also asserts that they do. */
    @Property(tries = 1000, seed = "20261125")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void wordMutatedFilesParseOrFailWithOneLineMessage(@ForAll("wordMutants") String text) {
        Statistics.collect(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(text)));
        Statistics.coverage(c -> {
            c.check(PARSED).percentage(p -> p > 10);
            c.checkQuery(values -> !List.of(ModelError.SYNTAX, ModelError.BAD_CHARACTER, PARSED).contains(values.get(0))).percentage(p -> p > 10);
        });
    }

    /** The error's key, or {@link #PARSED} for a valid model, after checking the contract. */
    private static Object check(String text) {
        TensorModel model;
        try {
            model = ModelFile.parse(text, SOURCE);
        } catch (ModelFileException e) {
            Matcher m = MESSAGE.matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            assertTrue(e.key() != ModelError.INTERNAL, e.getMessage());
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            assertTrue(line >= 1 && line <= text.split("\n", -1).length, e.getMessage());
            assertTrue(column >= 1, e.getMessage());
            return e.key();
        }
        // a valid model: lowering either succeeds or names its obstacle, and never throws
        assertTrue(MatrixLowering.lower(model).isPresent() != MatrixLowering.obstacle(model).isPresent());
        return PARSED;
    }
}
