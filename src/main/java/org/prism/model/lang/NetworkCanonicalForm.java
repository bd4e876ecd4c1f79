package org.prism.model.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prism.model.TensorFactor;
import org.prism.model.TensorTerm;

/**
 * A closed tensor network written in a standard way, so that equal networks written differently
 * ($\sum_{ijk} A_{ij} B_{jk}$ and $\sum_{abc} B_{bc} A_{ab}$) become equal {@link TensorTerm}s and
 * can be merged.
 *
 * <p>Definition: the entries are ordered by tensor name; within a name, the order is the one whose
 * <em>code</em> is lexicographically smallest, where the code of an ordering lists, entry by entry
 * and slot by slot, the number of each index, indices being numbered 0, 1, ... in order of first
 * appearance. Indices are then renamed {@code i1, i2, ...} by those numbers. Deltas follow the
 * entries, each with its (symmetric) indices sorted, the deltas sorted.
 *
 * <p>Search: depth first over the orderings, keeping at each step only the candidates of smallest
 * code and pruning prefixes worse than the best ordering found. Symmetric networks (many copies of
 * one tensor) can still branch a lot, so the search stops after {@value #BUDGET} steps and keeps the
 * best ordering so far. Either way the result is the same network, renamed: a truncated search or
 * indices that occur only in deltas (numbered in order of appearance) can only make two equal
 * networks look different, so they stay as separate terms of the sum, never merge wrongly.
 */
final class NetworkCanonicalForm {
    static final int BUDGET = 2000;

    private NetworkCanonicalForm() {}

    static TensorTerm of(TensorTerm term) {
        List<TensorFactor.Entry> entries = new ArrayList<>();
        List<TensorFactor.Delta> deltas = new ArrayList<>();
        for (TensorFactor f : term.factors()) {
            if (f instanceof TensorFactor.Entry e) entries.add(e);
            else deltas.add((TensorFactor.Delta) f);
        }
        int[] order = new Search(entries).best();
        Map<String, Integer> number = new HashMap<>();
        List<TensorFactor> factors = new ArrayList<>();
        for (int i : order) {
            TensorFactor.Entry e = entries.get(i);
            factors.add(new TensorFactor.Entry(e.tensor(), e.indices().stream().map(v -> name(number, v)).toList()));
        }
        List<List<String>> deltaIndices = new ArrayList<>();
        for (TensorFactor.Delta d : deltas) {
            List<Integer> numbers = d.indices().stream().map(v -> number.computeIfAbsent(v, k -> number.size())).sorted().toList();
            deltaIndices.add(numbers.stream().map(NetworkCanonicalForm::name).toList());
        }
        deltaIndices.sort(Comparator.<List<String>, Integer>comparing(List::size).thenComparing(NetworkCanonicalForm::numbers, Arrays::compare));
        deltaIndices.forEach(ix -> factors.add(new TensorFactor.Delta(ix)));
        Map<String, String> sizes = new TreeMap<>();
        number.forEach((v, n) -> sizes.put(name(n), term.indexSize().get(v)));
        return new TensorTerm(term.coefficient(), factors, sizes);
    }

    private static String name(Map<String, Integer> number, String v) {
        return name(number.computeIfAbsent(v, k -> number.size()));
    }

    private static String name(int n) {
        return "i" + (n + 1);
    }

    private static int[] numbers(List<String> names) {
        return names.stream().mapToInt(s -> Integer.parseInt(s.substring(1))).toArray();
    }

    /** Branch and bound over the orderings of the entries; see the class comment. */
    private static final class Search {
        private final List<TensorFactor.Entry> entries;
        private final String[] nameAt;
        private final boolean[] used;
        private final int[] order;
        private final int[][] codes;
        private final Map<String, Integer> number = new HashMap<>();
        private int[] bestOrder;
        private int[][] bestCodes;
        private int steps;

        Search(List<TensorFactor.Entry> entries) {
            this.entries = entries;
            nameAt = entries.stream().map(TensorFactor.Entry::tensor).sorted().toArray(String[]::new);
            used = new boolean[entries.size()];
            order = new int[entries.size()];
            codes = new int[entries.size()][];
        }

        int[] best() {
            step(0);
            return bestOrder;
        }

        private void step(int depth) {
            steps++;
            if (depth == entries.size()) {
                if (bestOrder == null || compare(depth) < 0) {
                    bestOrder = order.clone();
                    bestCodes = codes.clone();
                }
                return;
            }
            int[] min = null;
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (used[i] || !entries.get(i).tensor().equals(nameAt[depth])) continue;
                int[] c = code(entries.get(i));
                int cmp = min == null ? -1 : Arrays.compare(c, min);
                if (cmp < 0) {
                    min = c;
                    candidates.clear();
                }
                if (cmp <= 0) candidates.add(i);
            }
            codes[depth] = min;
            if (bestOrder != null && compare(depth + 1) > 0) return;
            for (int i : candidates) {
                if (bestOrder != null && steps > BUDGET) return;
                List<String> added = new ArrayList<>();
                for (String v : entries.get(i).indices()) {
                    if (!number.containsKey(v)) {
                        number.put(v, number.size());
                        added.add(v);
                    }
                }
                used[i] = true;
                order[depth] = i;
                step(depth + 1);
                used[i] = false;
                added.forEach(number::remove);
            }
        }

        /** The code of {@code e} placed next: known indices by number, new ones numbered in slot order. */
        private int[] code(TensorFactor.Entry e) {
            int[] c = new int[e.indices().size()];
            Map<String, Integer> fresh = new HashMap<>();
            for (int s = 0; s < c.length; s++) {
                String v = e.indices().get(s);
                Integer n = number.get(v);
                c[s] = n != null ? n : fresh.computeIfAbsent(v, k -> number.size() + fresh.size());
            }
            return c;
        }

        /** The current codes of the first {@code length} entries against the best ordering's. */
        private int compare(int length) {
            for (int d = 0; d < length; d++) {
                int c = Arrays.compare(codes[d], bestCodes[d]);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
