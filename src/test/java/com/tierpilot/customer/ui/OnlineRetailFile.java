package com.tierpilot.customer.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import com.tierpilot.support.Datasets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * UCI Online Retail (541,909 order lines of a UK shop, CC BY 4.0), kept in this repository (src/test/resources/datasets), and what it holds,
 * computed here independently of the import: lines, lines without a customer, customers, invoices, cancellations
 * and the net revenue of the invoices with a customer.
 */
record OnlineRetailFile(Path csv, int lines, int linesWithoutCustomer, int customers, int invoices,
        int cancellations, BigDecimal netRevenue) {

    /** Unzips the file into the directory and counts what it holds. */
    static OnlineRetailFile unpackInto(Path dir) throws IOException {
        Path csv = dir.resolve("online_retail.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Datasets.onlineRetail()))) {
            Files.copy(in, csv);
        }
        int lines = 0;
        int withoutCustomer = 0;
        Set<String> customers = new HashSet<>();
        Map<String, BigDecimal> invoices = new HashMap<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                lines++;
                String customer = record.get("CustomerID").strip();
                if (customer.isEmpty()) {
                    withoutCustomer++;
                    continue;
                }
                customers.add(customer);
                BigDecimal line = new BigDecimal(record.get("Quantity")).multiply(new BigDecimal(record.get("UnitPrice")));
                invoices.merge(record.get("InvoiceNo").strip().toUpperCase(Locale.ROOT), line, BigDecimal::add);
            }
        }
        int cancellations = (int) invoices.keySet().stream().filter(i -> i.startsWith("C")).count();
        BigDecimal net = invoices.values().stream().map(v -> v.setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OnlineRetailFile(csv, lines, withoutCustomer, customers.size(), invoices.size(), cancellations,
                net);
    }
}
