package com.tierpilot.importing;

import com.tierpilot.base.UserFacingException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text with RFC 4180 quoting (quoted delimiters and line breaks inside a field); a lone CR in a
 * file of LF or CRLF lines stays in its cell ({@link LoneCarriageReturns}). Bytes that are not
 * valid in the detected encoding stop the import with the row they are in, instead of being silently replaced.
 */
final class CsvSource implements TabularSource {

    private final long size;
    private final CountingStream counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int lastRow = 1;

    CsvSource(Path file, SniffedFile sniffed) {
        try {
            this.size = Math.max(1, Files.size(file));
            InputStream raw = Files.newInputStream(file);
            raw.skipNBytes(sniffed.bomLength());
            this.counting = new CountingStream(raw);
            var decoder = sniffed.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var reader = new BufferedReader(new InputStreamReader(counting, decoder), 1 << 16);
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(sniffed.delimiter()).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(false).setTrim(false).get().parse(new LoneCarriageReturns(reader));
            this.records = parser.iterator();
            this.header = readHeader();
        } catch (IOException e) {
            throw new UserFacingException("import.error.unreadable");
        }
    }

    private List<String> readHeader() {
        if (!nextRecordExists()) {
            throw new UserFacingException("import.error.empty");
        }
        List<String> names = new ArrayList<>();
        CSVRecord first = next(records);
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).strip();
            names.add(name.isEmpty() ? "#" + (i + 1) : name);
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<SourceRow> rows() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return nextRecordExists();
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record = CsvSource.this.next(records);
                lastRow++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(LoneCarriageReturns.restore(cell)));
                return new SourceRow(lastRow, cells);
            }
        };
    }

    private boolean nextRecordExists() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw failure(e);
        }
    }

    private CSVRecord next(Iterator<CSVRecord> it) {
        try {
            return it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw failure(e);
        }
    }

    private UserFacingException failure(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new UserFacingException("import.error.encodingAtRow", lastRow + 1);
        }
        return new UserFacingException("import.error.malformedCsv", lastRow + 1);
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counting.count / size);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
