package com.tierpilot.customer.persistence;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The (tenant_id, id) key that the foreign keys to a customer need stays out of MariaDB's plans (V87), and still
 * guards those foreign keys. MariaDB only: H2 and MySQL keep the index as it is.
 */
@IntegrationTest
class CustomerTenantKeyPlanTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void onMariaDbOnly() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductVersion().contains("MariaDB"),
                    "the IGNORED index is MariaDB's");
        }
    }

    @Test
    void aPageOfCustomersByIdWalksThePrimaryKeyNotTheTenantKey() {
        TestTenant tenant = tenants.signUp("Plan Co");
        customers.upsertCustomers(tenant.id(), List.of(customer("K-1", "甲", "上海"), customer("K-2", "乙", "上海"),
                customer("K-3", "丙", "北京")));

        List<Map<String, Object>> plan = jdbc.sql("explain select id, code, name, region from customer"
                + " where tenant_id = ? and id > ? order by id limit 50").params(tenant.id().value(), 0)
                .query().listOfRows();

        assertThat(plan).extracting(row -> row.get("key")).doesNotContain("uk_customer_tenant_id");
        assertThat(jdbc.sql("select ignored from information_schema.statistics where table_schema = database()"
                + " and table_name = 'customer' and index_name = 'uk_customer_tenant_id' and seq_in_index = 1")
                .query(String.class).single()).isEqualTo("YES");
    }

    @Test
    void theIgnoredKeyStillRefusesARowThatPointsAtAnotherCompanysCustomer() {
        TestTenant mine = tenants.signUp("Mine Co");
        TestTenant theirs = tenants.signUp("Theirs Co");
        customers.upsertCustomers(theirs.id(), List.of(customer("T-1", "他", "北京")));
        long theirCustomer = jdbc.sql("select id from customer where tenant_id = ?").param(theirs.id().value())
                .query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("insert into customer_tag (tenant_id, customer_id, tag) values (?, ?, ?)")
                .params(mine.id().value(), theirCustomer, "vip").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
