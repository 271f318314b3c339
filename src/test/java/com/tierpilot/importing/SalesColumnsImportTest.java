package com.tierpilot.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesChange;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.support.FinishedImports;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 20: a customer file's sales columns, under Chinese or English headers, with their history. */
@IntegrationTest
class SalesColumnsImportTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    CustomerProfileService customers;
    @Autowired
    SalesStateService states;

    @TempDir
    Path dir;

    TestTenant tenant;

    @BeforeEach
    void aShopOwnerSignedIn() {
        tenant = tenants.signUp("Sales Import Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE)
                .signInAsOwner();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void chineseHeadersAreMappedAndTheirWordsReadWithTheOwnerColumn() throws IOException {
        var manager = tenant.addUser(Role.ACCOUNT_MANAGER);
        Path file = write("客户.csv", """
                客户编号,客户名称,销售阶段,预计成交日期,预计成交金额,客户类型,需求,下次跟进日期,负责人,丢单原因
                K-1,杭州茶行,洽谈中,2027-01-15,"¥50,000",理想客户,明确需求,2026-12-20,%s,
                K-2,上海酒店,已丢单,,,应避免,无需求,,,预算取消
                K-3,北京书店,潜在客户,,,一般,潜在需求,,,
                K-4,无阶段,已丢单,,,,,,,
                K-5,乱写,下周吧,,,,,,,
                """.formatted(manager.email()));

        FileAnalysis analysis = imports.analyze(tenant.id(), file);
        assertThat(analysis.suggested().columns()).containsEntry(ImportField.SALES_STAGE, 2)
                .containsEntry(ImportField.EXPECTED_CLOSE_ON, 3).containsEntry(ImportField.EXPECTED_DEAL_SIZE, 4)
                .containsEntry(ImportField.CUSTOMER_TYPE, 5).containsEntry(ImportField.NEED, 6)
                .containsEntry(ImportField.NEXT_FOLLOW_UP_ON, 7).containsEntry(ImportField.ACCOUNT_MANAGER, 8)
                .containsEntry(ImportField.LOST_REASON, 9);
        ImportRunStatus run = FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), file, "客户.csv",
                analysis.suggested());

        assertThat(run.customersCreated()).isEqualTo(3);
        assertThat(run.rejectionsByReason()).containsOnly(Map.entry(RejectReason.MISSING_VALUE, 1),
                Map.entry(RejectReason.BAD_SALES_VALUE, 1));
        assertThat(state("K-1")).isEqualTo(new SalesState(SalesStage.NEGOTIATING, null, LocalDate.of(2027, 1, 15),
                new BigDecimal("50000.00"), SalesNeed.NOW, CustomerType.IDEAL, LocalDate.of(2026, 12, 20)));
        assertThat(customers.byCode(tenant.id(), "K-1").orElseThrow().accountManager()).isEqualTo(manager.userId());
        assertThat(state("K-2")).isEqualTo(new SalesState(SalesStage.LOST, "预算取消", null, null, SalesNeed.NONE,
                CustomerType.AVOID, null));
        assertThat(state("K-3").need()).isEqualTo(SalesNeed.FUTURE);
        assertThat(history("K-1")).hasSize(6).allSatisfy(change -> {
            assertThat(change.source()).isEqualTo(SalesSource.IMPORT);
            assertThat(change.changedBy()).isNull();
        });
    }

    @Test
    void englishHeadersUpdateOnlyTheFieldsTheFileSetsAndTheSameFileAgainChangesNothing() throws IOException {
        Path first = write("first.csv", """
                Customer code,Stage,Expected close date,Need,Customer type
                E-1,negotiating,2027-03-01,clear need,good
                """);
        FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), first, "first.csv",
                imports.analyze(tenant.id(), first).suggested());
        Path second = write("second.csv", """
                Customer code,Stage,Expected deal size,Next follow-up date
                E-1,signed,12000,2027-03-05
                """);
        FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), second, "second.csv",
                imports.analyze(tenant.id(), second).suggested());
        FinishedImports.run(imports, tenant.id(), tenant.owner().userId(), second, "second.csv",
                imports.analyze(tenant.id(), second).suggested());

        assertThat(state("E-1")).isEqualTo(new SalesState(SalesStage.SIGNED, null, LocalDate.of(2027, 3, 1),
                new BigDecimal("12000.00"), SalesNeed.NOW, CustomerType.GOOD, LocalDate.of(2027, 3, 5)));
        assertThat(history("E-1")).as("4 fields, then stage, deal size and follow-up; the repeat changes nothing")
                .hasSize(7);
    }

    private SalesState state(String code) {
        return states.find(tenant.id(), customers.byCode(tenant.id(), code).orElseThrow().id());
    }

    private java.util.List<SalesChange> history(String code) {
        return states.history(tenant.id(), customers.byCode(tenant.id(), code).orElseThrow().id(), 50);
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
