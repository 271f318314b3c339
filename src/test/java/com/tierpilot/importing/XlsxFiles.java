package com.tierpilot.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small XLSX workbooks the way Excel and WPS save them: inline strings, numbers, date cells with a date
 * style, formulas WITH their computed (cached) values, and merged ranges. Test support, so that tests can state
 * exactly what a user's workbook holds.
 */
final class XlsxFiles {

    private final List<String> rows = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();

    /** A row of cells; each cell is text, a number, {@link #date}, or {@link #formula}. */
    XlsxFiles row(Object... cells) {
        int r = rows.size() + 1;
        StringBuilder xml = new StringBuilder("<row r=\"" + r + "\">");
        for (int c = 0; c < cells.length; c++) {
            String ref = column(c) + r;
            Object cell = cells[c];
            if (cell == null) {
                continue;
            }
            switch (cell) {
                case Number n -> xml.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                case Date d -> xml.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(d.serial)
                        .append("</v></c>");
                case Formula f -> xml.append("<c r=\"").append(ref).append("\"><f>").append(escape(f.formula))
                        .append("</f>").append(f.cached == null ? "" : "<v>" + f.cached + "</v>").append("</c>");
                default -> xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>")
                        .append(escape(cell.toString())).append("</t></is></c>");
            }
        }
        rows.add(xml.append("</row>").toString());
        return this;
    }

    XlsxFiles merge(String range) {
        merges.add(range);
        return this;
    }

    /** A date cell: days since 1899-12-30, as Excel stores dates, shown with a date format. */
    static Date date(double serial) {
        return new Date(serial);
    }

    static Formula formula(String formula, Object cachedValue) {
        return new Formula(formula, cachedValue);
    }

    record Date(double serial) {
    }

    record Formula(String formula, Object cached) {
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    </Relationships>""");
            entry(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
                    <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
                    <borders count="1"><border/></borders>
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
                    </styleSheet>""");
            StringBuilder sheet = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            rows.forEach(sheet::append);
            sheet.append("</sheetData>");
            if (!merges.isEmpty()) {
                sheet.append("<mergeCells count=\"").append(merges.size()).append("\">");
                merges.forEach(m -> sheet.append("<mergeCell ref=\"").append(m).append("\"/>"));
                sheet.append("</mergeCells>");
            }
            entry(zip, "xl/worksheets/sheet1.xml", sheet.append("</worksheet>").toString());
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String column(int index) {
        String name = "";
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name = (char) ('A' + (i - 1) % 26) + name;
        }
        return name;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
