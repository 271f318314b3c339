package com.tierpilot.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer list's search, filters, sort and export, in SQL, after a recompute. */
@IntegrationTest
class CustomerSearchServiceTest {

    static final LocalDate D = LocalDate.of(2025, 7, 1);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    CustomerSearchService search;
    @Autowired
    CustomerExportService export;

    TestTenant shop;
    TierPilotUser manager;

    /** Ten customers; S1-S5 in 上海 with tag VIP and a manager, S6-S10 in 北京; customer n spent 100 × n. */
    @BeforeEach
    void aShopWithTenCustomersAfterARecompute() {
        shop = tenants.signUp("Search Co").signInAsOwner();
        manager = shop.addUser(Role.ACCOUNT_MANAGER);
        List<OrderRecord> orders = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            boolean shanghai = n <= 5;
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("S" + n, "客户" + n,
                    "1380000000" + (n - 1), n == 3 ? "=cmd|' /C calc'!A0" : null, null, null,
                    shanghai ? "上海" : "北京", null, null, null, null, shanghai ? Set.of("VIP") : Set.of(),
                    shanghai ? manager.userId() : null, LocalDate.of(2024, 1, n), true, Map.of())));
            orders.add(new OrderRecord("O" + n, "S" + n, D.minusDays(10).atTime(10, 0), BigDecimal.valueOf(100L * n),
                    1, null, null, OrderStatus.COMPLETED));
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void filtersCombineAndTheSortIsDoneInTheDatabase() {
        CustomerFilter vipInShanghai = new CustomerFilter(null, "上海", "VIP", manager.userId().value(), null, null,
                null, null);

        List<CustomerRow> page = search.page(shop.id(), vipInShanghai, CustomerSort.CREATED, false, 0, 3);

        assertThat(page).extracting(CustomerRow::code).containsExactly("S5", "S4", "S3");
        assertThat(page.getFirst().tags()).containsExactly("VIP");
        assertThat(search.count(shop.id(), vipInShanghai)).isEqualTo(new CustomerCount(5, false));
        assertThat(search.page(shop.id(), new CustomerFilter(null, null, null, CustomerFilter.UNASSIGNED, null, null,
                null, null), CustomerSort.CODE, true, 0, 50)).extracting(CustomerRow::code)
                .containsExactly("S10", "S6", "S7", "S8", "S9");
    }

    @Test
    void theSearchFindsPartsOfCodesNamesAndPhonesAndTreatsWildcardsAsText() {
        assertThat(codes(new CustomerFilter("客户1", null, null, null, null, null, null, null)))
                .containsExactly("S1", "S10");
        assertThat(codes(new CustomerFilter("13800000004", null, null, null, null, null, null, null)))
                .containsExactly("S5");
        assertThat(codes(new CustomerFilter("s1", null, null, null, null, null, null, null)))
                .containsExactly("S1", "S10");
        assertThat(codes(new CustomerFilter("%", null, null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void segmentFiltersReadTheCurrentRun() {
        // 20/60/20 is not set: Pareto 80/95 gives tier A to the top revenue up to 80%.
        List<String> tierA = codes(new CustomerFilter(null, null, null, null, null, "A", null, null));
        List<String> all = codes(CustomerFilter.NONE);

        assertThat(tierA).isNotEmpty().contains("S10").doesNotContain("S1");
        assertThat(all).hasSize(10);
        assertThat(search.page(shop.id(), CustomerFilter.NONE, CustomerSort.CODE, true, 0, 1).getFirst()
                .lifecycleStage()).isEqualTo("new");
        assertThat(codes(new CustomerFilter(null, null, null, null, null, null, "new", null))).hasSize(10);
        assertThat(codes(new CustomerFilter(null, null, null, null, null, null, "churned", null))).isEmpty();
    }

    @Test
    void anExportHasEveryMatchingCustomerSafeFromFormulasAndIsRecorded() throws Exception {
        var csv = new ByteArrayOutputStream();
        long rows = export.export(shop.id(), shop.owner().userId(), new CustomerFilter(null, "上海", null, null, null,
                null, null, null), ExportFormat.CSV, csv, List.of("code", "name", "email"),
                r -> Arrays.asList(r.code(), r.name(), r.email()));

        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(5);
        assertThat(text).startsWith("\uFEFFcode,name,email\r\nS1,客户1,\r\n");
        assertThat(text).contains("S3,客户3,'=cmd|' /C calc'!A0");

        var xlsx = new ByteArrayOutputStream();
        export.export(shop.id(), shop.owner().userId(), CustomerFilter.NONE, ExportFormat.XLSX, xlsx,
                List.of("code", "email"), r -> Arrays.asList(r.code(), r.email()));
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> sheet = book.getFirstSheet().read();
            assertThat(sheet).hasSize(11);
            assertThat(sheet.get(0).getCellText(0)).isEqualTo("code");
            assertThat(sheet.stream().filter(r -> r.getCellText(0).equals("S3")).findFirst().orElseThrow()
                    .getCellText(1)).startsWith("'=");
        }
        assertThat(export.exportsOf(shop.id())).isEqualTo(2);
    }

    private List<String> codes(CustomerFilter filter) {
        return search.page(shop.id(), filter, CustomerSort.CODE, true, 0, 100).stream().map(CustomerRow::code)
                .toList();
    }
}
