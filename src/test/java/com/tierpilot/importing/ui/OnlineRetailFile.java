package com.tierpilot.importing.ui;

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
 * and the net revenue of the invoices with a customer, and the lines that repeat the invoice number of an earlier
 * line (what an import as "Orders" would drop).
 */
record OnlineRetailFile(Path csv, int lines, int linesWithoutCustomer, int customers, int invoices,
        int cancellations, BigDecimal netRevenue, int repeated) {

    /** Unzips the file into the directory and counts what it holds. */
    static OnlineRetailFile unpackInto(Path dir) throws IOException {
        Path csv = dir.resolve("online_retail.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Datasets.onlineRetail()))) {
            Files.copy(in, csv);
        }
        return count(csv, StandardCharsets.UTF_8, "InvoiceNo", "CustomerID", "Quantity", "UnitPrice");
    }

    /**
     * The file's first {@code lines} lines (the header and {@code lines - 1} order lines) as a Chinese export
     * would write them: GBK, Chinese column names, and a line total (金额) beside the unit price.
     */
    static OnlineRetailFile firstLinesAsChineseGbk(Path dir, int lines) throws IOException {
        Path csv = dir.resolve("订单明细.csv");
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                Datasets.onlineRetail())), StandardCharsets.UTF_8);
                var out = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(csv, GBK),
                        CSVFormat.RFC4180.builder().setHeader(CHINESE_HEADER).get())) {
            int written = 0;
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                if (++written >= lines) {
                    break;
                }
                BigDecimal total = new BigDecimal(record.get("Quantity")).multiply(new BigDecimal(
                        record.get("UnitPrice")));
                out.printRecord(record.get("InvoiceNo"), record.get("StockCode"), record.get("Description"),
                        record.get("Quantity"), record.get("InvoiceDate"), record.get("UnitPrice"),
                        record.get("CustomerID"), record.get("Country"), total.toPlainString());
            }
        }
        return count(csv, GBK, "订单号", "客户编号", "数量", "单价");
    }

    static final java.nio.charset.Charset GBK = java.nio.charset.Charset.forName("GBK");
    private static final String[] CHINESE_HEADER = {"订单号", "商品编码", "商品名称", "数量", "下单时间", "单价",
        "客户编号", "国家", "金额"};

    private static OnlineRetailFile count(Path csv, java.nio.charset.Charset charset, String invoiceColumn,
            String customerColumn, String quantityColumn, String priceColumn) throws IOException {
        int lines = 0;
        int withoutCustomer = 0;
        Set<String> customers = new HashSet<>();
        Map<String, BigDecimal> invoices = new HashMap<>();
        Set<String> allInvoices = new HashSet<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(csv), charset)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                lines++;
                allInvoices.add(record.get(invoiceColumn).strip().toUpperCase(Locale.ROOT));
                String customer = record.get(customerColumn).strip();
                if (customer.isEmpty()) {
                    withoutCustomer++;
                    continue;
                }
                customers.add(customer);
                BigDecimal line = new BigDecimal(record.get(quantityColumn)).multiply(new BigDecimal(
                        record.get(priceColumn)));
                invoices.merge(record.get(invoiceColumn).strip().toUpperCase(Locale.ROOT), line, BigDecimal::add);
            }
        }
        int cancellations = (int) invoices.keySet().stream().filter(i -> i.startsWith("C")).count();
        BigDecimal net = invoices.values().stream().map(v -> v.setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OnlineRetailFile(csv, lines, withoutCustomer, customers.size(), invoices.size(), cancellations,
                net, lines - allInvoices.size());
    }
}
