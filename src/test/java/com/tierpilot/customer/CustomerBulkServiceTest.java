package com.tierpilot.customer;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static com.tierpilot.customer.CustomerFixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.TenantId;
import com.tierpilot.support.CustomerFigures;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CustomerBulkServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService bulk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void customersAreUpsertedByCodeWhateverItsCase() {
        TenantId tenant = tenants.signUp("Upsert Co").id();

        assertThat(bulk.upsertCustomers(tenant, List.of(customer("C001", "张三", "上海"), customer("C002", "李四", "北京"))))
                .isEqualTo(new BulkResult(2, 0));
        assertThat(bulk.upsertCustomers(tenant, List.of(customer("c001", "张三丰", null))))
                .isEqualTo(new BulkResult(0, 1));

        assertThat(field(tenant, "C001", "name")).isEqualTo("张三丰");
        assertThat(field(tenant, "C001", "region")).as("a missing value keeps the stored one").isEqualTo("上海");
        assertThat(CustomerFigures.of(jdbc, tenant, LocalDate.now()).customers()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutConsentKeepsTheStoredConsent() {
        TenantId tenant = tenants.signUp("Consent Co").id();
        bulk.upsertCustomers(tenant, List.of(customer("K1", "赵六", "上海")));

        bulk.upsertCustomers(tenant, List.of(CustomerRecord.bare("K1", LocalDate.of(2025, 2, 1))));
        assertThat(consent(tenant, "K1")).as("no consent given: the stored one is kept").isTrue();

        bulk.upsertCustomers(tenant, List.of(CustomerRecord.bare("K2", LocalDate.of(2025, 2, 1))));
        assertThat(consent(tenant, "K2")).as("a new customer without consent has none").isFalse();
    }

    @Test
    void tagsAndAttributesAreStoredWithTheCustomer() {
        TenantId tenant = tenants.signUp("Tags Co").id();
        var withTags = new CustomerRecord("T1", "王五", null, null, Gender.FEMALE, LocalDate.of(1990, 5, 20), "广东",
                "深圳", "零售", "11-50", "微信小程序", Set.of("VIP", "企业客户"), null, LocalDate.of(2025, 3, 1), true,
                Map.of("会员卡", "金卡"));

        bulk.upsertCustomers(tenant, List.of(withTags));

        assertThat(jdbc.sql("select t.tag from customer_tag t join customer c on c.id = t.customer_id"
                + " where t.tenant_id = ? and c.code = 'T1' order by t.tag").param(tenant.value())
                .query(String.class).list()).containsExactlyInAnyOrder("VIP", "企业客户");
        assertThat(jdbc.sql("select a.attr_value from customer_attribute a join customer c on c.id = a.customer_id"
                + " where a.tenant_id = ? and c.code = 'T1' and a.name = '会员卡'").param(tenant.value())
                .query(String.class).single()).isEqualTo("金卡");
    }

    @Test
    void tagsThatDifferOnlyInCaseAreOneTag() {
        TenantId tenant = tenants.signUp("Tag Case Co").id();
        var customer = new CustomerRecord("TC1", null, null, null, null, null, null, null, null, null, null,
                Set.of("VIP", "vip", "企业客户"), null, LocalDate.of(2025, 3, 1), null, Map.of());

        bulk.upsertCustomers(tenant, List.of(customer));

        assertThat(jdbc.sql("select lower(tag) from customer_tag where tenant_id = ?").param(tenant.value())
                .query(String.class).list()).containsExactlyInAnyOrder("vip", "企业客户");
    }

    @Test
    void ordersAreDeduplicatedByOrderNumberAndCreateUnknownCustomers() {
        TenantId tenant = tenants.signUp("Orders Co").id();
        LocalDateTime at = LocalDateTime.now().minusDays(3);
        var orders = List.of(order("SO-1", "NEW1", at, "100.00"), order("SO-2", "NEW1", at.plusHours(1), "50.00"),
                refund("SO-1-R", "NEW1", at.plusDays(1), "30.00"));

        assertThat(bulk.upsertOrders(tenant, orders)).isEqualTo(new BulkResult(3, 0));
        assertThat(bulk.upsertOrders(tenant, orders)).isEqualTo(new BulkResult(0, 3));

        CustomerFigures overview = CustomerFigures.of(jdbc, tenant, LocalDate.now());
        assertThat(overview.customers()).as("an unknown customer code creates a bare customer").isEqualTo(1);
        assertThat(overview.orders()).as("a refund is not an order").isEqualTo(2);
        assertThat(overview.revenue()).isEqualByComparingTo(new BigDecimal("120.00"));
    }

    private boolean consent(TenantId tenant, String code) {
        return jdbc.sql("select marketing_consent from customer where tenant_id = ? and code = ?")
                .params(tenant.value(), code).query(Boolean.class).single();
    }

    private String field(TenantId tenant, String code, String column) {
        return jdbc.sql("select " + column + " from customer where tenant_id = ? and code = ?")
                .params(tenant.value(), code).query(String.class).single();
    }
}
