package org.prism.report;

import java.util.List;

/** RFC 4180 rows: fields joined by commas, a field quoted (quotes doubled) when it holds a comma, quote or line break. */
public final class Csv {
    private Csv() {}

    public static String row(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(String.valueOf(fields.get(i))));
        }
        return sb.toString();
    }

    public static String row(Object... fields) {
        return row(List.of(fields));
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
