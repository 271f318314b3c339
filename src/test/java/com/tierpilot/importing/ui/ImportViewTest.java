package com.tierpilot.importing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.importing.ImportKind;
import com.tierpilot.importing.ImportRunStatus;
import com.tierpilot.importing.ImportService;
import com.tierpilot.importing.RejectReason;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.support.BrowserlessViewTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetTester;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadTester;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import wizard as a user goes through it: upload, map, preview, import, result. */
@IntegrationTest
class ImportViewTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void uciOnlineRetailImportsThroughTheWizardAsOrderLines() throws IOException {
        OnlineRetailFile file = OnlineRetailFile.unpackInto(dir);
        TestTenant shop = tenants.signUp("UK Gift Shop", ZoneId.of("Europe/London"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        navigate(ImportView.class);

        upload(file.csv());
        // The wizard recognised the file as order lines and mapped its columns by their names.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportKind> kind = find(RadioButtonGroup.class).withId("import-kind").single();
        assertThat(kind.getValue()).isEqualTo(ImportKind.ORDER_LINES);
        for (String field : new String[] {"ORDER_NO", "CUSTOMER_CODE", "ORDERED_AT", "QUANTITY", "UNIT_PRICE",
            "REGION"}) {
            assertThat(find(ComboBox.class).withId("map-" + field).single().getValue()).as(field).isNotNull();
        }
        click("import-preview");
        assertThat(find(Grid.class).withId("import-preview-grid").exists()).isTrue();
        click("import-start");

        ImportRunStatus run = awaitImport(shop.id(), Duration.ofMinutes(10));
        awaitScreen(() -> find(Paragraph.class).withId("import-result-summary").exists());

        assertThat(run.state()).isEqualTo(ImportRunStatus.State.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(541_909).isEqualTo(file.lines());
        // Lines without a CustomerID cannot be attached to anyone: they are skipped, counted by reason.
        assertThat(run.rejectionsByReason()).containsExactly(
                Map.entry(RejectReason.MISSING_VALUE, file.linesWithoutCustomer()));
        assertThat(run.customersCreated()).isEqualTo(file.customers()).isEqualTo(4372);
        assertThat(run.ordersCreated()).isEqualTo(file.invoices()).isEqualTo(22190);
        // Cancellation invoices (C…) are refund orders with a negative amount.
        assertThat(count(shop.id(), "select count(*) from customer_order where tenant_id = ? and status = 'REFUNDED'"))
                .isEqualTo(file.cancellations());
        assertThat(jdbc.sql("select sum(amount) from customer_order where tenant_id = ?").param(shop.id().value())
                .query(BigDecimal.class).single()).isEqualByComparingTo(file.netRevenue());
        assertThat(find(Paragraph.class).withId("import-result-summary").single().getText())
                .contains("541,909 rows read").contains("4,372 new");
        assertThat(find(Anchor.class).withId("import-report-" + run.id()).exists()).isTrue();
    }

    @Test
    void aChineseGbkFileOfOrderLinesIsProposedAsOrderLinesAndKeepsEveryLine() throws IOException {
        // 4,999 order lines with a line total (金额) beside the unit price: by its columns alone it looks like orders.
        OnlineRetailFile file = OnlineRetailFile.firstLinesAsChineseGbk(dir, 5_000);
        TestTenant shop = tenants.signUp("礼品店", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE)
                .signInAsOwner();
        openNewTab();
        navigate(ImportView.class);

        upload(file.csv());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportKind> kind = find(RadioButtonGroup.class).withId("import-kind").single();
        assertThat(kind.getValue()).isEqualTo(ImportKind.ORDER_LINES);
        assertThat(find(Paragraph.class).withId("import-lines-detected").single().getText())
                .contains("订单 536365").contains("按订单明细读取");
        click("import-preview");
        assertThat(find(Paragraph.class).withId("import-preview-repeats").exists()).isFalse();
        click("import-start");

        ImportRunStatus run = awaitImport(shop.id(), Duration.ofMinutes(5));
        assertThat(run.state()).isEqualTo(ImportRunStatus.State.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(file.lines()).isEqualTo(4_999);
        // Every line with a customer is kept: only the lines without one are skipped.
        assertThat(run.rejectionsByReason()).containsExactly(
                Map.entry(RejectReason.MISSING_VALUE, file.linesWithoutCustomer()));
        assertThat(run.ordersCreated()).isEqualTo(file.invoices());
        assertThat(jdbc.sql("select sum(amount) from customer_order where tenant_id = ?").param(shop.id().value())
                .query(BigDecimal.class).single()).isEqualByComparingTo(file.netRevenue());
    }

    @Test
    void choosingOrdersForAFileOfOrderLinesWarnsHowManyRowsWouldBeDroppedBeforeImporting() throws IOException {
        OnlineRetailFile file = OnlineRetailFile.firstLinesAsChineseGbk(dir, 5_000);
        TestTenant shop = tenants.signUp("Gift Shop", ZoneId.of("Europe/London"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        navigate(ImportView.class);
        upload(file.csv());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportKind> kind = find(RadioButtonGroup.class).withId("import-kind").single();
        test(kind).selectItem("Orders");
        assertThat(find(ComboBox.class).withId("map-AMOUNT").single().getValue()).isNotNull();
        click("import-preview");

        assertThat(find(Paragraph.class).withId("import-preview-repeats").single().getText())
                .contains(String.format(java.util.Locale.ENGLISH, "%,d of the 4,999 rows", file.repeated()))
                .contains("row 3 (order 536365, first on row 2)");
        // The sample marks the repeats as rows that will not be imported.
        assertThat(find(Paragraph.class).withId("import-preview-summary").single().getText())
                .startsWith("3 of the first 20 rows can be imported");
        assertThat(imports.history(shop.id(), 0, 1)).isEmpty();

        click("import-use-lines");
        assertThat(kind(ImportKind.ORDER_LINES)).isTrue();
    }

    @Test
    void thePreviewMarksTheRowsThatCannotBeImported() throws IOException {
        tenants.signUp("Preview Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
        openNewTab();
        navigate(ImportView.class);
        // The upload component speaks the user's language too.
        var i18n = find(Upload.class).withId("import-upload").single().getI18n();
        assertThat(i18n.getAddFiles().getOne()).isEqualTo("选择文件…");
        assertThat(i18n.getDropFiles().getOne()).isEqualTo("将文件拖放到此处");

        upload(Files.writeString(dir.resolve("orders.csv"), """
                订单号,客户编号,下单时间,金额
                P-1,C1,2025-03-01 10:00,100
                P-2,,2025-03-01 11:00,100
                P-3,C2,昨天,abc
                """, StandardCharsets.UTF_8));
        click("import-preview");

        assertThat(find(Paragraph.class).withId("import-preview-summary").single().getText())
                .contains("前 3 行中有 1 行可以导入");
        @SuppressWarnings("unchecked")
        Grid<com.tierpilot.importing.PreviewRow> grid = find(Grid.class).withId("import-preview-grid")
                .single();
        var preview = test(grid);
        assertThat(preview.getRow(0).valid()).isTrue();
        assertThat(((com.vaadin.flow.component.html.Span) preview.getCellComponent(1, 1)).getText())
                .contains("客户编号：缺少必填值");
        assertThat(((com.vaadin.flow.component.html.Span) preview.getCellComponent(2, 1)).getText())
                .contains("不是所选格式的日期").contains("不是数字");
    }

    @Test
    void aUserWhoComesBackAfterLeavingSeesTheResultOfTheirImport() throws IOException {
        TestTenant shop = tenants.signUp("Return Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        navigate(ImportView.class);
        upload(Files.writeString(dir.resolve("customers.csv"), "code,name\nR-1,Rita\nR-2,Rob\n"));
        click("import-preview");
        click("import-start");
        awaitImport(shop.id(), Duration.ofMinutes(1));

        navigate(com.tierpilot.analytics.ui.DashboardView.class);
        navigate(ImportView.class);
        new TabSheetTester<>(find(TabSheet.class).single()).select(1);

        @SuppressWarnings("unchecked")
        Grid<ImportRunStatus> history = find(Grid.class).withId("import-history").single();
        assertThat(test(history).size()).isEqualTo(1);
        assertThat(test(history).getRow(0).customersCreated()).isEqualTo(2);
    }

    private boolean kind(ImportKind expected) {
        return find(RadioButtonGroup.class).withId("import-kind").single().getValue() == expected;
    }

    private void upload(Path file) {
        new UploadTester<>(find(Upload.class).withId("import-upload").single()).upload(file.toFile());
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    private ImportRunStatus awaitImport(TenantId tenant, Duration timeout) {
        return await("the import finishes").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> imports.history(tenant, 0, 1).getFirst(), ImportRunStatus::finished);
    }

    /** Waits until the pushed progress has brought the screen to the expected state. */
    private void awaitScreen(java.util.function.BooleanSupplier shown) {
        // In the test's own thread: the pushed updates belong to its UI.
        await("the screen shows the import's result").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    receivePushedUpdates();
                    return shown.getAsBoolean();
                });
    }

    private long count(TenantId tenant, String sql) {
        return jdbc.sql(sql).param(tenant.value()).query(Long.class).single();
    }
}
