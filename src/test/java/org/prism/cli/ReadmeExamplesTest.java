package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README and the pages of {@code docs/} show commands with their real output; this runs each shown command
 * in-process and compares its stdout with the text the page prints, so the two cannot drift apart. Failures name
 * the file and the line of the command.
 *
 * <p>An example is an indented line {@code $ ./prism ARGS} (4 spaces, or more in a list item) followed by output
 * lines indented as deep. A line {@code ...} in a page (indented or not) elides any number of output lines, and
 * {@code " ... "} inside a line elides part of that line. Three things may differ between machines: the
 * number of worker threads (it follows the core count) and the name of the BLAS behind the products (OpenBLAS where
 * it loads, EJML elsewhere; the {@code # native BLAS: ...} header says which, and its version) are masked on both
 * sides, and a simulated curve's last digits follow the BLAS kernel, so every printed decimal is compared to a
 * relative {@link #FLOAT_TOLERANCE} (integers and fractions exactly).
 */
class ReadmeExamplesTest {
    /** Commands the test does not run, and why: they write into the committed {@code reports/}. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "report", "rewrites reports/",
            "compare", "writes reports/compare/ and prints wall times");

    record Example(String command, List<String> output) {}

    /** An example where it is shown: {@code file} relative to the project root, {@code line} 1-based. */
    record Shown(Path file, int line, Example example) {
        String where() {
            return file.toString().replace('\\', '/') + ":" + line;
        }
    }

    private static final Pattern EXAMPLE = Pattern.compile("^( {4,})\\$ \\./prism (.*)$");

    /** Every indented {@code $ ./prism ARGS} line (a code block at any depth) with the output lines below it. */
    static List<Example> examples(List<String> readme) {
        return examples(Path.of("README.md"), readme).stream().map(Shown::example).toList();
    }

    /** The examples of one page, each with its file and the line of its command. */
    static List<Shown> examples(Path file, List<String> readme) {
        List<Shown> examples = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher m = EXAMPLE.matcher(readme.get(i));
            if (!m.matches()) continue;
            String indent = m.group(1);
            List<String> output = new ArrayList<>();
            int j = i + 1;
            // A blank line inside an example is output when the next line is still indented output.
            while (j < readme.size() && !isCommand(readme.get(j))
                    && (readme.get(j).startsWith(indent)
                        || readme.get(j).isEmpty() && j + 1 < readme.size() && readme.get(j + 1).startsWith(indent)
                           && !isCommand(readme.get(j + 1)))) {
                output.add(readme.get(j).isEmpty() ? "" : readme.get(j).substring(indent.length()));
                j++;
            }
            examples.add(new Shown(file, i + 1, new Example(m.group(2), output)));
            i = j - 1;
        }
        return examples;
    }

    private static boolean isCommand(String line) {
        return line.stripLeading().startsWith("$ ") && line.startsWith("    ");
    }

    /** Splits a command line as a POSIX shell would for the quoting the pages use (double quotes only). */
    static List<String> arguments(String command) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) args.add(current.toString());
                current.setLength(0);
                any = false;
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) args.add(current.toString());
        return args;
    }

    /** Whether {@code actual} equals {@code expected} line for line, a {@code ...} line matching any run of lines. */
    static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) return a == actual.size();
        if (expected.get(e).strip().equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) return true;
            }
            return false;
        }
        return a < actual.size() && (sameLine(expected.get(e), actual.get(a)) || elidedLine(expected.get(e), actual.get(a)))
                && matches(expected, e + 1, actual, a + 1);
    }

    /**
     * Whether {@code actual} is {@code expected} with text cut out where {@code expected} shows {@code " ... "}
     * (or ends with {@code " ..."}): the pieces around the cuts appear in order, the first at the start and the
     * last at the end. The pieces compare exactly.
     */
    static boolean elidedLine(String expected, String actual) {
        String[] pieces = (expected + " ").split(" \\.\\.\\. ", -1);
        if (pieces.length < 2) return false;
        pieces[pieces.length - 1] = pieces[pieces.length - 1].substring(0, Math.max(0, pieces[pieces.length - 1].length() - 1));
        if (!actual.startsWith(pieces[0])) return false;
        int at = pieces[0].length();
        for (int k = 1; k < pieces.length - 1; k++) {
            int found = actual.indexOf(pieces[k], at);
            if (found < 0) return false;
            at = found + pieces[k].length();
        }
        String last = pieces[pieces.length - 1];
        return actual.length() - last.length() >= at && actual.endsWith(last);
    }

    /** Relative tolerance for printed floating-point numbers: simulated curves may differ in the last digits. */
    static final double FLOAT_TOLERANCE = 1e-9;

    private static final Pattern FLOAT = Pattern.compile("-?\\d+\\.\\d+(?:[eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");

    /**
     * Equal lines, except that a floating-point number (one with a point or an exponent) may differ by
     * {@link #FLOAT_TOLERANCE} relative: a simulated curve's last digits follow the BLAS kernel, which follows the
     * machine. Integers and fractions, the exact engine's output, must match to the character.
     */
    static boolean sameLine(String expected, String actual) {
        if (expected.equals(actual)) return true;
        Matcher x = FLOAT.matcher(expected), y = FLOAT.matcher(actual);
        int ex = 0, ey = 0;
        while (x.find()) {
            if (!y.find() || !expected.substring(ex, x.start()).equals(actual.substring(ey, y.start()))) return false;
            double u = Double.parseDouble(x.group()), v = Double.parseDouble(y.group());
            if (Math.abs(u - v) > FLOAT_TOLERANCE * Math.max(Math.abs(u), Math.abs(v))) return false;
            ex = x.end();
            ey = y.end();
        }
        return !y.find() && expected.substring(ex).equals(actual.substring(ey));
    }

    static String mask(String line) {
        return line.replaceAll("\\b\\d+ worker threads?", "K worker threads")
                .replaceAll("\\b\\d+ workers x \\d+ BLAS threads?", "K workers x K BLAS threads")
                .replaceAll("native BLAS: [^;]*", "native BLAS: B")
                .replace("OpenBLAS dgemm", "BLAS").replace("EJML", "BLAS");
    }

    /** The pages whose examples are run: {@code README.md}, then every {@code docs/*.md} in name order. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(pages::add);
        }
        return pages;
    }

    /** Every example of every page, in page order. */
    static List<Shown> shown() throws IOException {
        List<Shown> all = new ArrayList<>();
        for (Path page : pages()) all.addAll(examples(page, Files.readAllLines(page)));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyShownCommandPrintsWhatItsPageShows() throws IOException {
        return shown().stream()
                .filter(x -> !NOT_RUN.containsKey(arguments(x.example().command()).get(0)))
                .map(x -> DynamicTest.dynamicTest(x.where() + ": " + x.example().command(), () -> {
                    String command = x.example().command();
                    CliRunner run = CliRunner.run(arguments(command).toArray(String[]::new));
                    assertEquals(0, run.exitCode(), () -> x.where() + ": prism " + command + ": " + run.err());
                    List<String> expected = x.example().output().stream().map(ReadmeExamplesTest::mask).toList();
                    List<String> actual = run.out().lines().map(ReadmeExamplesTest::mask).toList();
                    if (!matches(expected, 0, actual, 0)) {
                        assertEquals(String.join("\n", expected), String.join("\n", actual),
                                x.where() + ": prism " + command + " does not print what the page shows");
                    }
                }));
    }

    @Test
    void theDocumentationShowsEverySubcommandOrSaysWhyNot() throws IOException {
        List<String> shown = shown().stream().map(x -> arguments(x.example().command()).get(0)).toList();
        for (String sub : PrismCommand.commandLine().getSubcommands().keySet()) {
            if (sub.equals("help") || sub.equals("bench")) continue; // bench prints timings: its tables are in docs/benchmarks.md
            assertTrue(shown.contains(sub), "neither README.md nor docs/*.md shows an example of prism " + sub);
        }
    }

    @Test
    void theReadmeShowsTheCommandCiRuns() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<String> ci = Files.readAllLines(Path.of(".ci/run"));
        assertTrue(ci.contains("mvn -B test"), ".ci/run runs mvn -B test");
        assertTrue(readme.contains("    mvn -B test"), "README shows the test command CI runs, mvn -B test, as a command line");
    }

    @Test
    void examplesAreFoundWithTheirFileAndLine() {
        List<Shown> found = examples(Path.of("docs", "x.md"), List.of("# title", "", "    $ ./prism regimes", "    a", "",
                "    $ ./prism prism", "    b"));
        assertEquals(List.of(3, 6), found.stream().map(Shown::line).toList());
        assertEquals("docs/x.md:6", found.get(1).where());
        assertEquals(new Example("prism", List.of("b")), found.get(1).example());
    }

    @Test
    void floatingPointNumbersMayDifferInTheirLastDigitsButNothingElse() {
        assertTrue(sameLine("0.5,10.218023929028291,0.1373138823415653", "0.5,10.218023929028291,0.137313882341566"));
        assertTrue(sameLine("t=1.5e-3 x", "t=1.5000000000001e-3 x"));
        assertFalse(sameLine("0.5,10.218023929028291", "0.5,10.2180239"), "a difference beyond the tolerance (1e-9 relative)");
        assertFalse(sameLine("c_30 = 2329443596001279430218752114866751941844967925517080523070207164416",
                "c_30 = 2329443596001279430218752114866751941844967925517080523070207164417"), "integers are exact");
        assertFalse(sameLine("c = 1/3", "c = 1/4"));
        assertFalse(sameLine("0.5 train", "0.5 pop"));
        assertFalse(sameLine("0.5,1.0", "0.5"), "a missing number");
        assertFalse(sameLine("0.5", "0.5,1.0"), "an extra number");
    }

    @Test
    void parserFindsExamplesWithBlankLinesAndElisions() {
        List<String> readme = List.of(
                "text",
                "    $ ./prism prism --format csv",
                "    a",
                "",
                "    b",
                "",
                "more text",
                "    $ ./prism classify --scaling \"d=N, m=N\"",
                "    c");
        List<Example> found = examples(readme);
        assertEquals(List.of(new Example("prism --format csv", List.of("a", "", "b")),
                new Example("classify --scaling \"d=N, m=N\"", List.of("c"))), found);
        assertEquals(List.of("classify", "--scaling", "d=N, m=N"), arguments(found.get(1).command()));
        assertTrue(matches(List.of("a", "...", "d"), 0, List.of("a", "b", "c", "d"), 0));
        assertTrue(matches(List.of("a", "..."), 0, List.of("a"), 0));
        assertTrue(!matches(List.of("a", "...", "d"), 0, List.of("a", "b", "c"), 0));
    }

    @Test
    void anExampleInsideAListItemIsFoundToo() {
        List<String> readme = List.of(
                "- item:",
                "",
                "      $ ./prism diagrams --order 1",
                "      x",
                "        y",
                "",
                "  (continued item)",
                "    $ ./prism regimes");
        assertEquals(List.of(new Example("diagrams --order 1", List.of("x", "  y")), new Example("regimes", List.of())), examples(readme));
    }

    @Test
    void anEllipsisInsideALineElidesPartOfIt() {
        assertTrue(elidedLine("id 1 ... tail ...", "id 1 + 2 + 3 tail and more"));
        assertTrue(elidedLine("a ... b ... c", "a x b y c"));
        assertFalse(elidedLine("a ... c", "a x d"), "the last piece must end the line");
        assertFalse(elidedLine("a ... c", "b x c"), "the first piece must start it");
        assertFalse(elidedLine("a ... b ... c", "a x c y b"), "pieces in order");
        assertFalse(elidedLine("abc ... bcd", "abcd"), "pieces may not overlap");
        assertFalse(elidedLine("a b", "a b c"), "no ellipsis, no elision");
    }
}
