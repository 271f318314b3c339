package com.tierpilot.customer;

import com.tierpilot.base.SpreadsheetCells;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.persistence.CustomerSearchQueries;
import com.tierpilot.customer.persistence.ExportAuditRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports every customer matching a filter (not just the page on screen), streamed, as CSV (UTF-8 with a byte-order
 * mark, which Excel and WPS need to read Chinese) or XLSX. Cells that a spreadsheet would run as a formula get a
 * leading apostrophe. Each export is recorded: who, when, which filter, how many rows.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class CustomerExportService {

    private static final Logger log = LoggerFactory.getLogger(CustomerExportService.class);
    private static final int XLSX_MAX_ROWS = 1_048_575;

    private final CustomerSearchQueries sql;
    private final ExportAuditRepository audit;
    private final Clock clock;

    CustomerExportService(CustomerSearchQueries sql, ExportAuditRepository audit, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes the export; {@code header} gives the column titles in the user's language, {@code value} turns segment
     * keys and manager ids into words. Returns how many customers were written.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long export(TenantId tenant, UserId user, CustomerFilter filter, ExportFormat format, OutputStream out,
            List<String> header, Function<CustomerRow, List<@Nullable String>> value) {
        long[] rows = {0};
        try {
            if (format == ExportFormat.CSV) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                        .setHeader(header.toArray(String[]::new)).get());
                sql.each(tenant, filter, CustomerSort.CODE.orderBy(true), row -> {
                    try {
                        csv.printRecord(value.apply(row).stream().map(SpreadsheetCells::safe).toList());
                        rows[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.flush();
            } else {
                Workbook book = new Workbook(out, "TierPilot", "1.0");
                Worksheet[] sheet = {book.newWorksheet("1")};
                writeHeader(sheet[0], header);
                int[] at = {1};
                sql.each(tenant, filter, CustomerSort.CODE.orderBy(true), row -> {
                    if (at[0] > XLSX_MAX_ROWS) {
                        // A sheet holds 1,048,576 rows: the rest continue on the next one.
                        sheet[0] = book.newWorksheet(String.valueOf(rows[0] / XLSX_MAX_ROWS + 1));
                        writeHeader(sheet[0], header);
                        at[0] = 1;
                    }
                    List<@Nullable String> cells = value.apply(row);
                    for (int c = 0; c < cells.size(); c++) {
                        String cell = SpreadsheetCells.safe(cells.get(c));
                        if (cell != null) {
                            sheet[0].value(at[0], c, cell);
                        }
                    }
                    at[0]++;
                    rows[0]++;
                });
                book.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(tenant, user, clock.instant(), format.name(), filter.toString(), rows[0]);
        log.info("User {} exported {} customers as {} ({})", user, rows[0], format, filter);
        return rows[0];
    }

    /** How many exports the tenant's users have made (for the audit trail's readers and tests). */
    @Transactional(readOnly = true)
    public long exportsOf(TenantId tenant) {
        return audit.count(tenant);
    }

    private static void writeHeader(Worksheet sheet, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
    }
}
