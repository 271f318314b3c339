package com.tierpilot.importing;

import com.tierpilot.base.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an XLSX workbook as a stream of rows. Formulas give their computed values (as Excel and
 * WPS save them); date cells become ISO text; a merged range gives its value to every cell it covers, as the user
 * sees it; title rows above the header (one merged title, blank rows) are skipped.
 */
final class XlsxSource implements TabularSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** Unpacked sheets larger than this are refused: a zip bomb, or far beyond the 2 million row limit. */
    private static final long MAX_SHEET_BYTES = 2L * 1024 * 1024 * 1024;

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> sheetRows;
    private final List<MergedRange> merges;
    private final Map<Long, String> mergedValues = new HashMap<>();
    private final int totalRows;
    private final List<String> header;
    private int rowsRead;
    private Row pending;

    XlsxSource(Path file) {
        SheetFacts facts = SheetFacts.scan(file);
        this.merges = facts.merges;
        this.totalRows = Math.max(1, facts.lastRow);
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            Sheet sheet = workbook.getFirstSheet();
            this.stream = sheet.openStream();
            this.sheetRows = stream.iterator();
        } catch (IOException | ExcelReaderException | IllegalStateException e) {
            throw new UserFacingException("import.error.notXlsx");
        }
        this.header = readHeader();
    }

    private List<String> readHeader() {
        while (hasNextRow()) {
            Row row = nextRow();
            List<String> cells = cells(row);
            long distinct = cells.stream().filter(c -> !c.isBlank()).distinct().count();
            if (distinct >= 2) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    String name = cells.get(i).strip();
                    names.add(name.isEmpty() ? "#" + (i + 1) : name);
                }
                while (!names.isEmpty() && names.getLast().startsWith("#")) {
                    names.removeLast();
                }
                return List.copyOf(names);
            }
        }
        throw new UserFacingException("import.error.empty");
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
                while (pending == null && hasNextRow()) {
                    Row row = nextRow();
                    if (cells(row).stream().anyMatch(c -> !c.isBlank())) {
                        pending = row;
                    }
                }
                return pending != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = pending;
                pending = null;
                return new SourceRow(row.getRowNum(), cells(row));
            }
        };
    }

    private boolean hasNextRow() {
        try {
            return sheetRows.hasNext();
        } catch (UncheckedIOException | ExcelReaderException | IllegalStateException e) {
            throw new UserFacingException("import.error.notXlsx");
        }
    }

    private Row nextRow() {
        try {
            rowsRead++;
            return sheetRows.next();
        } catch (UncheckedIOException | ExcelReaderException | IllegalStateException e) {
            throw new UserFacingException("import.error.notXlsx");
        }
    }

    /** The row's cell texts, with merged ranges filled in. */
    private List<String> cells(Row row) {
        int r = row.getRowNum();
        int width = row.getCellCount();
        for (MergedRange m : merges) {
            if (m.firstRow <= r && r <= m.lastRow) {
                width = Math.max(width, m.lastCol + 1);
            }
        }
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(c < row.getCellCount() ? text(row.getCell(c)) : "");
        }
        for (MergedRange m : merges) {
            if (r < m.firstRow || r > m.lastRow) {
                continue;
            }
            if (r == m.firstRow) {
                mergedValues.put(m.key(), cells.get(m.firstCol));
            }
            String value = mergedValues.getOrDefault(m.key(), "");
            for (int c = m.firstCol; c <= m.lastCol; c++) {
                if (c < cells.size() && cells.get(c).isBlank()) {
                    cells.set(c, value);
                }
            }
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell);
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case FORMULA -> cell.getRawValue() == null ? "" : formulaValue(cell);
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }

    private static String formulaValue(Cell cell) {
        String raw = cell.getRawValue();
        try {
            new BigDecimal(raw);
            return number(cell);
        } catch (NumberFormatException text) {
            return raw;
        }
    }

    private static String number(Cell cell) {
        String format = cell.getDataFormatString();
        if (format != null && isDateFormat(format)) {
            try {
                LocalDateTime date = cell.asDate();
                return date.format(ISO);
            } catch (RuntimeException notADate) {
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
            }
        }
        return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
    }

    /** Excel date formats contain day, month or year codes outside quoted text and brackets. */
    static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return f.contains("y") || f.contains("d") || (f.contains("m") && !f.contains("0")) || f.contains("h");
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) rowsRead / totalRows);
    }

    @Override
    public void close() {
        try {
            stream.close();
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A merged range, with 1-based rows and 0-based columns, as fastexcel-reader numbers them. */
    record MergedRange(int firstRow, int lastRow, int firstCol, int lastCol) {
        long key() {
            return ((long) firstRow << 20) | firstCol;
        }

        static MergedRange parse(String ref) {
            String[] parts = ref.split(":");
            int[] a = address(parts[0]);
            int[] b = address(parts.length > 1 ? parts[1] : parts[0]);
            return new MergedRange(a[0], b[0], a[1], b[1]);
        }

        /** {@code "AB12"} → row 12, column 27 (0-based). */
        static int[] address(String cell) {
            int i = 0;
            int col = 0;
            while (i < cell.length() && Character.isLetter(cell.charAt(i))) {
                col = col * 26 + (Character.toUpperCase(cell.charAt(i)) - 'A' + 1);
                i++;
            }
            return new int[] {Integer.parseInt(cell.substring(i)), col - 1};
        }
    }

    /** The merged ranges and the last row of the first sheet, from one streaming pass over its XML. */
    record SheetFacts(List<MergedRange> merges, int lastRow) {

        static SheetFacts scan(Path file) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String sheetPath = firstSheetPath(zip);
                ZipEntry entry = zip.getEntry(sheetPath);
                if (entry == null) {
                    throw new UserFacingException("import.error.notXlsx");
                }
                List<MergedRange> merges = new ArrayList<>();
                int lastRow = 0;
                try (InputStream in = new LimitedStream(zip.getInputStream(entry), MAX_SHEET_BYTES)) {
                    XMLStreamReader xml = factory().createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                            String name = xml.getLocalName();
                            if ("row".equals(name) && xml.getAttributeValue(null, "r") != null) {
                                lastRow = Math.max(lastRow, Integer.parseInt(xml.getAttributeValue(null, "r")));
                            } else if ("mergeCell".equals(name)) {
                                merges.add(MergedRange.parse(xml.getAttributeValue(null, "ref")));
                            }
                        }
                    }
                }
                return new SheetFacts(List.copyOf(merges), lastRow);
            } catch (IOException | XMLStreamException | RuntimeException e) {
                if (e instanceof UserFacingException u) {
                    throw u;
                }
                throw new UserFacingException("import.error.notXlsx");
            }
        }

        private static String firstSheetPath(ZipFile zip) throws IOException, XMLStreamException {
            String relId = null;
            ZipEntry workbook = zip.getEntry("xl/workbook.xml");
            if (workbook == null) {
                throw new UserFacingException("import.error.notXlsx");
            }
            try (InputStream in = zip.getInputStream(workbook)) {
                XMLStreamReader xml = factory().createXMLStreamReader(in);
                while (xml.hasNext() && relId == null) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if ("id".equals(xml.getAttributeLocalName(i))) {
                                relId = xml.getAttributeValue(i);
                            }
                        }
                    }
                }
            }
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (relId == null || rels == null) {
                throw new UserFacingException("import.error.notXlsx");
            }
            try (InputStream in = zip.getInputStream(rels)) {
                XMLStreamReader xml = factory().createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())
                            && relId.equals(xml.getAttributeValue(null, "Id"))) {
                        String target = xml.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
            throw new UserFacingException("import.error.notXlsx");
        }

        /** No DTDs, no external entities: an uploaded file must not make the server read anything else. */
        private static XMLInputFactory factory() {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return factory;
        }
    }

    /** Fails when more bytes than the limit are read: protects against zip bombs. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new UserFacingException("import.error.tooLarge");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > limit) {
                throw new UserFacingException("import.error.tooLarge");
            }
            return n;
        }
    }
}
