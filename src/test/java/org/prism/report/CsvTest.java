package org.prism.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertEquals("1,a b,-1/2", Csv.row(1, "a b", "-1/2"));
        assertEquals("\"A[p0,H0]\",\"say \"\"hi\"\"\",\"two\nlines\",", Csv.row("A[p0,H0]", "say \"hi\"", "two\nlines", ""));
        assertEquals(",x", Csv.row("", "x"));
    }
}
