package org.prism.geometry;

/** Text rendering of integer linear forms such as {@code "x1 + x2 - x3 - x4"} (1-based names). */
final class LinearForms {

    private LinearForms() {
    }

    static String render(IntVector a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.dimension(); i++) {
            long c = a.get(i);
            if (c == 0) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(c < 0 ? "-" : "");
            } else {
                sb.append(c < 0 ? " - " : " + ");
            }
            long abs = Math.abs(c);
            if (abs != 1) {
                sb.append(abs);
            }
            sb.append('x').append(i + 1);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
