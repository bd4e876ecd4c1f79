package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.graph.CanonicalCode;
import org.prism.graph.MultigraphCanonicalForm;
import org.prism.model.Letter;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;

/**
 * One Wick diagram: a word $\operatorname{tr}(w)$ of the expansion with its coefficient, one
 * pairing of its letters, and the contracted graph. Vertices are the index classes (typed by
 * size; data vertices marked), edges the letters, directed from the row class to the column class
 * of the matrix entry; paired letters are parallel edges. Its value is
 * $\prod_i v_i^{\#\text{pairs}_i} \prod_{\text{sizes}} s^{\#\text{classes of size } s}$ times
 * the word's coefficient.
 */
public final class Diagram {
    private final Alphabet alphabet;
    private final CyclicWord word;
    private final Polynomial wordCoefficient;
    private final int[] partner;
    private final Contraction contraction;

    public Diagram(Alphabet alphabet, CyclicWord word, Polynomial wordCoefficient, int[] partner) {
        this.alphabet = alphabet;
        this.word = word;
        this.wordCoefficient = wordCoefficient;
        this.partner = partner.clone();
        this.contraction = Contraction.of(word.letters(), partner, alphabet);
    }

    public CyclicWord word() {
        return word;
    }

    public String wordText() {
        return "tr(" + alphabet.format(word.letters()) + ")";
    }

    public Polynomial wordCoefficient() {
        return wordCoefficient;
    }

    /** partner()[p] is the position paired with position p. */
    public int[] partner() {
        return partner.clone();
    }

    public Contraction contraction() {
        return contraction;
    }

    /** The pairs $(p, q)$, $p < q$, in order of $p$. */
    public List<int[]> pairs() {
        List<int[]> l = new ArrayList<>();
        for (int p = 0; p < partner.length; p++) if (partner[p] > p) l.add(new int[] {p, partner[p]});
        return l;
    }

    /** The value monomial of the pairing alone (without the word's coefficient). */
    public Monomial graphMonomial() {
        return graphMonomial(alphabet, word, contraction);
    }

    static Monomial graphMonomial(Alphabet alphabet, CyclicWord word, Contraction c) {
        MatrixModel model = alphabet.model();
        Monomial m = Monomial.ONE;
        for (int i = 0; i < alphabet.matrixCount(); i++) {
            if (alphabet.isConstant(2 * i)) continue;
            m = m.multiply(model.matrices().get(i).variance().pow(word.count(i) / 2));
        }
        if (!alphabet.hasConstants()) {
            int[] counts = c.countBySize(model.sizes().size());
            for (int s = 0; s < counts.length; s++) m = m.multiply(Monomial.of(model.sizes().get(s), counts[s]));
            return m;
        }
        // a class on a loop of covariance edges is no free index: the loop tr(C^k) = s C_k carries one size
        boolean[] onLoop = c.onCovarianceLoop(word.letters(), alphabet);
        for (int k = 0; k < c.classes(); k++) if (!onLoop[k]) m = m.multiply(Monomial.of(model.sizes().get(c.sizeOfClass()[k]), 1));
        RandomMatrix cov = model.covariance().orElseThrow();
        for (int k : c.covarianceLoopLengths(word.letters(), alphabet)) {
            m = m.multiply(Monomial.of(cov.rows(), 1)).multiply(Monomial.of(cov.name() + "_" + k, 1));
        }
        return m;
    }

    /** Sizes used by no trained matrix: their indices run over data (n for the autoencoder). */
    static boolean isDataSize(MatrixModel model, String size) {
        for (RandomMatrix r : model.matrices()) {
            if (r.trained() && (r.rows().equals(size) || r.cols().equals(size))) return false;
        }
        return true;
    }

    /** The contracted graph (JGraphT directed pseudograph: parallel edges and loops allowed). */
    public Graph<IndexClass, LetterEdge> graph() {
        MatrixModel model = alphabet.model();
        Graph<IndexClass, LetterEdge> g = new DirectedPseudograph<>(LetterEdge.class);
        List<IndexClass> vertices = new ArrayList<>();
        for (int k = 0; k < contraction.classes(); k++) {
            String size = model.sizes().get(contraction.sizeOfClass()[k]);
            IndexClass v = new IndexClass(k, size, isDataSize(model, size));
            vertices.add(v);
            g.addVertex(v);
        }
        byte[] letters = word.letters();
        for (int p = 0; p < letters.length; p++) {
            g.addEdge(vertices.get(contraction.rowClass()[p]), vertices.get(contraction.colClass()[p]),
                    new LetterEdge(p, alphabet.letter(letters[p]), partner[p]));
        }
        for (int[] e : contraction.insertions()) {
            Letter c = new Letter(model.covariance().orElseThrow(), false);
            g.addEdge(vertices.get(e[0]), vertices.get(e[1]), new LetterEdge(e[2], c, e[3], true));
        }
        return g;
    }

    /** Canonical code of the contracted graph (vertex colour = size, edge label = matrix). */
    public CanonicalCode canonicalCode() {
        return canonicalCode(word.letters(), contraction);
    }

    static CanonicalCode canonicalCode(byte[] letters, Contraction c) {
        int[][] edges = new int[letters.length + c.insertions().length][];
        for (int p = 0; p < letters.length; p++) edges[p] = new int[] {c.rowClass()[p], c.colClass()[p], letters[p] >> 1};
        // an inserted covariance: a label of its own (127 is beyond every matrix index)
        for (int j = 0; j < c.insertions().length; j++) edges[letters.length + j] = new int[] {c.insertions()[j][0], c.insertions()[j][1], 127};
        return MultigraphCanonicalForm.of(c.sizeOfClass(), edges).code();
    }
}
