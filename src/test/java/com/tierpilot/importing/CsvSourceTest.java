package com.tierpilot.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line breaks in a CSV file: which of them end a record, and which belong to a value. */
class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void aLoneCarriageReturnInsideAFieldOfAFileWithLineFeedsStaysInItsValue() throws IOException {
        List<SourceRow> rows = rows("code,name\nA,\"quoted\ronly\"\nB,plain\rvalue\nC,\"crlf\r\ninside\"\r\nD,last\n");

        assertThat(rows).extracting(SourceRow::cells).containsExactly(List.of("A", "quoted\ronly"),
                List.of("B", "plain\rvalue"), List.of("C", "crlf\r\ninside"), List.of("D", "last"));
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 3, 4, 5);
    }

    @Test
    void inAFileWhoseLinesEndWithACarriageReturnAloneEachOneEndsARecord() throws IOException {
        List<SourceRow> rows = rows("code,name\rA,first\rB,\"second\"\rC,third\r");

        assertThat(rows).extracting(SourceRow::cells).containsExactly(List.of("A", "first"), List.of("B", "second"),
                List.of("C", "third"));
    }

    private List<SourceRow> rows(String text) throws IOException {
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<SourceRow> rows = new ArrayList<>();
        try (var source = new CsvSource(file, FileSniffer.sniff(file))) {
            assertThat(source.header()).containsExactly("code", "name");
            source.rows().forEachRemaining(rows::add);
        }
        return rows;
    }
}
