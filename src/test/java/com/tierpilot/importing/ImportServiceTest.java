package com.tierpilot.importing;

import static com.tierpilot.importing.XlsxFiles.date;
import static com.tierpilot.importing.XlsxFiles.formula;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OrderRow;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.importing.ImportRunStatus.State;
import com.tierpilot.support.CustomerFigures;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    CustomerProfileService customers;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    TestTenant tenant;

    @BeforeEach
    void aShopOwnerSignedIn() {
        tenant = tenants.signUp("Import Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void orderLinesBecomeOrdersAndCancelledInvoicesBecomeRefunds() throws IOException {
        Path file = csv("lines.csv", StandardCharsets.UTF_8, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
                536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom
                536380,22961,JAM MAKING SET,24,2010-12-01 09:41:00,1.45,,United Kingdom
                536381,22139,RETROSPOT TEA SET,3,2010-12-01 09:45:00,4.95,14527,United Kingdom
                """);

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.state()).isEqualTo(State.SUCCEEDED);
        assertThat(run.kind()).isEqualTo(ImportKind.ORDER_LINES);
        assertThat(run.rowsRead()).isEqualTo(6);
        assertThat(run.ordersCreated()).isEqualTo(4);
        assertThat(run.customersCreated()).isEqualTo(2);
        assertThat(run.rejectionsByReason()).containsExactly(Map.entry(RejectReason.MISSING_VALUE, 1));
        var holmes = customers.byCode(tenant.id(), "17850").orElseThrow();
        assertThat(holmes.region()).isEqualTo("United Kingdom");
        assertThat(holmes.orders().count()).isEqualTo(2);
        assertThat(holmes.orders().revenue()).isEqualByComparingTo("46.74"); // 6×2.55 + 6×3.39 + 6×1.85
        var refund = customers.orders(tenant.id(), customers.byCode(tenant.id(), "14527").orElseThrow().id(), 0, 10)
                .stream().filter(o -> o.orderNo().equals("C536379")).findFirst().orElseThrow();
        assertThat(refund.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refund.amount()).isEqualByComparingTo("-27.50");
    }

    @Test
    void anOrderWhoseLinesNameDifferentCustomersIsSkippedWithAllItsLines() throws IOException {
        Path file = csv("conflict.csv", StandardCharsets.UTF_8, """
                InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID
                900001,1,2025-01-01 10:00:00,5.00,A
                900001,1,2025-01-01 10:00:00,5.00,B
                900002,2,2025-01-01 11:00:00,5.00,A
                """);

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.ordersCreated()).isEqualTo(1);
        assertThat(run.rejectionsByReason()).containsExactly(Map.entry(RejectReason.CONFLICTING_CUSTOMER, 2));
        assertThat(customers.byCode(tenant.id(), "B")).as("no customer for a skipped order").isEmpty();
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = csv("orders.csv", StandardCharsets.UTF_8, """
                订单号,客户编号,下单时间,金额,数量,品类
                SO-1,C1,2025-03-01 10:00:00,100.00,1,服饰
                SO-2,C1,2025-03-02 11:00:00,50.50,2,美妆
                SO-3,C2,2025-03-03 12:00:00,80.00,1,食品
                """);
        importFile(file, s -> s);

        ImportRunStatus again = importFile(file, s -> s);

        assertThat(again.state()).isEqualTo(State.SUCCEEDED);
        assertThat(again.ordersCreated()).isZero();
        assertThat(again.ordersUpdated()).isZero();
        assertThat(again.customersCreated()).isZero();
        assertThat(CustomerFigures.of(jdbc, tenant.id(), LocalDate.of(2025, 4, 1)).orders()).isEqualTo(3);
    }

    @Test
    void aChangedOrderIsUpdatedAndADuplicateOrderNumberInTheFileKeepsTheFirstRow() throws IOException {
        importFile(csv("first.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date,amount
                A-1,K1,2025-01-05,10.00
                A-2,K1,2025-01-06,20.00
                """), s -> s);

        ImportRunStatus second = importFile(csv("second.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date,amount
                A-2,K1,2025-01-06,25.00
                A-3,K2,2025-01-07,30.00
                A-3,K2,2025-01-08,99.00
                """), s -> s);

        assertThat(second.ordersUpdated()).isEqualTo(1);
        assertThat(second.ordersCreated()).isEqualTo(1);
        assertThat(second.rejectionsByReason()).containsExactly(Map.entry(RejectReason.DUPLICATE_IN_FILE, 1));
        assertThat(orderAmount("K2", "A-3")).isEqualByComparingTo("30.00");
        assertThat(orderAmount("K1", "A-2")).isEqualByComparingTo("25.00");
    }

    @Test
    void aGbkFileFromChineseExcelKeepsItsChineseNames() throws IOException {
        Path file = csv("gbk.csv", Charset.forName("GBK"), """
                客户编号,客户名称,手机号,省份,城市,标签
                G001,张三,13800000001,广东,深圳,VIP、企业客户
                G002,李四,13800000002,浙江,杭州,新品爱好者
                """);

        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        ImportRunStatus run = importFile(file, s -> s);

        assertThat(analysis.file().charset().name()).isEqualTo("GB18030");
        assertThat(analysis.suggested().kind()).isEqualTo(ImportKind.CUSTOMERS);
        assertThat(run.customersCreated()).isEqualTo(2);
        var zhang = customers.byCode(tenant.id(), "G001").orElseThrow();
        assertThat(zhang.name()).isEqualTo("张三");
        assertThat(zhang.city()).isEqualTo("深圳");
        assertThat(zhang.tags()).containsExactlyInAnyOrder("VIP", "企业客户");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "客户编号,客户名称\nB1,王五\n".getBytes(StandardCharsets.UTF_8)));

        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        importFile(file, s -> s);

        assertThat(analysis.header()).first().isEqualTo("客户编号");
        assertThat(analysis.file().bomLength()).isEqualTo(3);
        assertThat(customers.byCode(tenant.id(), "B1").orElseThrow().name()).isEqualTo("王五");
    }

    @Test
    void aSemicolonDelimitedFileWithDecimalCommasIsRead() throws IOException {
        Path file = csv("semicolon.csv", StandardCharsets.UTF_8, """
                Order No;Customer ID;Order Date;Amount
                S-1;EU1;05.03.2025 14:30;"1.234,50"
                S-2;EU1;06.03.2025;99,90
                """);

        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        importFile(file, s -> s);

        assertThat(analysis.file().delimiter()).isEqualTo(';');
        assertThat(analysis.suggested().dateFormat()).isEqualTo(DateFormatOption.DOTTED_DMY);
        assertThat(orderAmount("EU1", "S-1")).isEqualByComparingTo("1234.50");
        assertThat(orderAmount("EU1", "S-2")).isEqualByComparingTo("99.90");
    }

    @Test
    void aQuotedLineBreakStaysInsideItsField() throws IOException {
        Path file = csv("multiline.csv", StandardCharsets.UTF_8,
                "code,name,city\nM1,\"Line one\nline two\",上海\nM2,Plain,北京\n");

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.customersCreated()).isEqualTo(2);
        assertThat(customers.byCode(tenant.id(), "M1").orElseThrow().name()).isEqualTo("Line one\nline two");
        assertThat(customers.byCode(tenant.id(), "M2").orElseThrow().city()).isEqualTo("北京");
    }

    @Test
    void badDatesAndNonNumericAmountsAreCountedByReasonAndTheRestImports() throws IOException {
        Path file = csv("bad.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date,amount
                OK-1,X1,2025-02-01 10:00:00,10.00
                BAD-1,X1,2025-02-30 10:00:00,10.00
                BAD-2,X1,yesterday,10.00
                BAD-3,X1,2025-02-02,NaN
                BAD-4,X1,2025-02-02,ten yuan
                BAD-5,X1,2025-02-02,Infinity
                OK-2,X1,2025-02-03,"¥1,200.00"
                """);

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.ordersCreated()).isEqualTo(2);
        assertThat(run.rejectionsByReason()).containsOnly(Map.entry(RejectReason.BAD_DATE, 2),
                Map.entry(RejectReason.BAD_NUMBER, 3));
        assertThat(orderAmount("X1", "OK-2")).isEqualByComparingTo("1200.00");
    }

    @Test
    void aMissingRequiredColumnStopsTheImportBeforeAnythingIsWritten() throws IOException {
        Path file = csv("noamount.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date
                N-1,Y1,2025-02-01
                """);
        FileAnalysis analysis = imports.analyze(tenant.id(), file);

        assertThat(analysis.suggested().columns()).doesNotContainKey(ImportField.AMOUNT);
        assertThatThrownBy(() -> FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), file,
                "noamount.csv", analysis.suggested())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("import.error.requiredUnmapped");
        assertThat(customers.byCode(tenant.id(), "Y1")).isEmpty();
    }

    @Test
    void aLargeRandomBinaryFileIsRefusedWithAClearMessage() throws IOException {
        Path file = dir.resolve("random.bin");
        byte[] bytes = new byte[50 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);

        assertThatThrownBy(() -> imports.analyze(tenant.id(), file)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("import.error.binary");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path blank = csv("blank.csv", StandardCharsets.UTF_8, "\n\n  \n");

        assertThatThrownBy(() -> imports.analyze(tenant.id(), empty)).hasMessageContaining("import.error.empty");
        assertThatThrownBy(() -> imports.analyze(tenant.id(), blank)).hasMessageContaining("import.error.empty");
    }

    @Test
    void anXlsxWithFormulasMergedCellsDatesAndATitleRowImportsWhatTheUserSees() throws IOException {
        Path file = new XlsxFiles()
                .row("2025年3月订单").merge("A1:F1")
                .row("订单号", "客户编号", "下单时间", "数量", "单价", "金额")
                .row("X-1", "VIP-1", date(45717.5), 2, 15.5, formula("D3*E3", 31))
                .row("X-2", null, date(45718.25), 1, 99, formula("D4*E4", 99))
                .row("X-3", "VIP-2", "2025-03-05 09:00", 3, 10, formula("D5*E5", 30))
                .merge("B3:B4")
                .write(dir.resolve("orders.xlsx"));

        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        ImportRunStatus run = importFile(file, s -> s.withKind(ImportKind.ORDERS));

        assertThat(analysis.file().format()).isEqualTo(FileFormat.XLSX);
        assertThat(analysis.header()).startsWith("订单号", "客户编号");
        assertThat(run.rejectionsByReason()).isEmpty();
        assertThat(run.ordersCreated()).isEqualTo(3);
        assertThat(orderAmount("VIP-1", "X-2")).as("the merged customer cell covers row 4")
                .isEqualByComparingTo("99");
        OrderRow first = order("VIP-1", "X-1");
        assertThat(first.amount()).as("the formula's computed value").isEqualByComparingTo("31");
        assertThat(first.orderedAt()).isEqualTo(LocalDateTime.of(2025, 3, 1, 12, 0));
    }

    @Test
    void customersAreUpsertedWithTagsAttributesAndTheirAccountManager() throws IOException {
        var manager = tenant.addUser(Role.ACCOUNT_MANAGER);
        Path file = csv("customers.csv", StandardCharsets.UTF_8, """
                客户编号,姓名,性别,生日,客户经理,标签,会员卡,营销同意
                K-1,赵六,男,1990-05-20,%s,VIP|老客户,金卡,是
                K-2,钱七,女,1985/07/01,nobody@example.com,,银卡,否
                """.formatted(manager.email()));

        ImportRunStatus run = importFile(file, s -> new ImportSettings(s.kind(), s.columns(),
                Map.of("会员卡", 6), s.dateFormat(), s.fileZone(), false));

        assertThat(run.customersCreated()).isEqualTo(1);
        assertThat(run.rejectionsByReason()).containsExactly(Map.entry(RejectReason.UNKNOWN_ACCOUNT_MANAGER, 1));
        var zhao = customers.byCode(tenant.id(), "K-1").orElseThrow();
        assertThat(zhao.accountManager()).isEqualTo(manager.userId());
        assertThat(zhao.tags()).containsExactlyInAnyOrder("VIP", "老客户");
        assertThat(zhao.attributes()).containsEntry("会员卡", "金卡");
        assertThat(zhao.birthday()).isEqualTo(LocalDate.of(1990, 5, 20));
        assertThat(zhao.marketingConsent()).isTrue();
    }

    @Test
    void orderTimesMoveFromTheFilesTimeZoneToTheShops() throws IOException {
        Path file = csv("utc.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date,amount
                Z-1,TZ1,2025-03-01 20:00:00,1.00
                """);

        importFile(file, s -> new ImportSettings(s.kind(), s.columns(), s.attributes(), s.dateFormat(),
                ZoneId.of("UTC"), false));

        assertThat(order("TZ1", "Z-1").orderedAt()).isEqualTo(LocalDateTime.of(2025, 3, 2, 4, 0));
    }

    @Test
    void theErrorReportListsEveryRejectedRowAndDefusesFormulas() throws IOException {
        Path file = csv("report.csv", StandardCharsets.UTF_8, """
                order_no,customer_code,order_date,amount
                R-1,,2025-01-01,1
                "=HYPERLINK(""http://evil"")",R2,2025-13-01,1
                """);
        ImportRunStatus run = importFile(file, s -> s);

        var out = new StringWriter();
        imports.writeRejections(tenant.id(), run.id(), out, key -> key);

        String report = out.toString();
        assertThat(report).startsWith("\uFEFF");
        assertThat(report.lines()).hasSize(3);
        assertThat(report).contains("import.reason.MISSING_VALUE").contains("import.reason.BAD_DATE")
                .contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aRepeatedCustomerCodeKeepsItsFirstRowAndTheReportListsTheRepeat() throws IOException {
        Path file = csv("repeats.csv", StandardCharsets.UTF_8, """
                客户编号,姓名
                D-1,First
                D-2,Other
                D-1,Second
                """);

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.customersCreated()).isEqualTo(2);
        assertThat(run.rejectionsByReason()).containsExactly(Map.entry(RejectReason.DUPLICATE_IN_FILE, 1));
        assertThat(customers.byCode(tenant.id(), "D-1").orElseThrow().name()).isEqualTo("First");
        var out = new StringWriter();
        imports.writeRejections(tenant.id(), run.id(), out, key -> key);
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).contains("import.reason.DUPLICATE_IN_FILE").contains("D-1");
        assertThat(jdbc.sql("select count(*) from import_stage_rejection where tenant_id = ?")
                .param(tenant.id().value()).query(Integer.class).single())
                .as("the lines the merge handed back are cleared with the staging").isZero();
    }

    @Test
    void theMappingChosenForALayoutIsSuggestedForTheNextFileWithTheSameHeader() throws IOException {
        Path file = csv("odd.csv", StandardCharsets.UTF_8, """
                Ref,Who,When,Paid
                O-1,W1,2025-01-01,5
                """);
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        columns.put(ImportField.ORDER_NO, 0);
        columns.put(ImportField.CUSTOMER_CODE, 1);
        columns.put(ImportField.ORDERED_AT, 2);
        columns.put(ImportField.AMOUNT, 3);
        FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), file, "odd.csv", new ImportSettings(
                ImportKind.ORDERS, columns, Map.of(), DateFormatOption.ISO, ZoneId.of("Asia/Shanghai"), false));

        FileAnalysis next = imports.analyze(tenant.id(), csv("odd2.csv", StandardCharsets.UTF_8, """
                Ref,Who,When,Paid
                O-2,W1,2025-01-02,6
                """));

        assertThat(next.remembered()).isTrue();
        assertThat(next.suggested().kind()).isEqualTo(ImportKind.ORDERS);
        assertThat(next.suggested().columns()).isEqualTo(columns);
    }

    @Test
    void anImportThatFailsWhileMergingLeavesNothingBehind() throws IOException {
        // Two lines of one order whose total overflows an order amount: staging succeeds, the merge fails.
        Path file = csv("overflow.csv", StandardCharsets.UTF_8, """
                InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice
                BIG-1,NEWCUST,2025-01-01 10:00:00,1,900000000000
                BIG-1,NEWCUST,2025-01-01 10:00:00,1,900000000000
                OK-9,NEWCUST2,2025-01-01 10:00:00,1,5
                """);

        ImportRunStatus run = importFile(file, s -> s);

        assertThat(run.state()).isEqualTo(State.FAILED);
        assertThat(customers.byCode(tenant.id(), "NEWCUST")).isEmpty();
        assertThat(customers.byCode(tenant.id(), "NEWCUST2")).as("all or nothing").isEmpty();
        assertThat(imports.history(tenant.id(), 0, 10)).first().satisfies(h -> {
            assertThat(h.state()).isEqualTo(State.FAILED);
            assertThat(h.errorKey()).isEqualTo("import.error.unexpected");
        });
    }

    @Test
    void aMarketerMayImportButAnAccountManagerMayNot() throws IOException {
        Path file = csv("who.csv", StandardCharsets.UTF_8, "code,name\nW-1,Who\n");
        TestTenants.signIn(tenant.addUser(Role.ACCOUNT_MANAGER));

        assertThatThrownBy(() -> imports.analyze(tenant.id(), file))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);

        TestTenants.signIn(tenant.addUser(Role.MARKETER));
        assertThat(importFile(file, s -> s).customersCreated()).isEqualTo(1);
    }

    private ImportRunStatus importFile(Path file, UnaryOperator<ImportSettings> adjust) {
        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        return FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), file, file.getFileName().toString(),
                adjust.apply(analysis.suggested()));
    }

    private BigDecimal orderAmount(String customerCode, String orderNo) {
        return order(customerCode, orderNo).amount();
    }

    private OrderRow order(String customerCode, String orderNo) {
        TenantId id = tenant.id();
        long customer = customers.byCode(id, customerCode).orElseThrow().id();
        return customers.orders(id, customer, 0, 100).stream().filter(o -> o.orderNo().equals(orderNo)).findFirst()
                .orElseThrow(() -> new AssertionError("no order " + orderNo));
    }

    private Path csv(String name, Charset charset, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
