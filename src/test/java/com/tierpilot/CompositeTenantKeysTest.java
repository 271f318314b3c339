package com.tierpilot;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Defence in depth under the tenant checks of the code: every foreign key to a customer carries the company, so the
 * database itself refuses a row of one company that points at another company's customer.
 */
@IntegrationTest
class CompositeTenantKeysTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;

    @Test
    void everyForeignKeyToACustomerIncludesTheCompany() throws SQLException {
        Map<String, Set<String>> keys = foreignKeysTo("customer");

        assertThat(keys).as("foreign keys to customer (there are at least 16)").hasSizeGreaterThanOrEqualTo(16);
        assertThat(keys).allSatisfy((key, columns) -> assertThat(columns).as(key)
                .containsExactlyInAnyOrder("tenant_id", "customer_id"));
    }

    @Test
    void theDatabaseRefusesARowOfOneCompanyThatNamesAnotherCompanysCustomer() {
        TestTenant a = tenants.signUp("Keys A");
        TestTenant b = tenants.signUp("Keys B");
        customers.upsertCustomers(b.id(), List.of(customer("B-1", "Wang Fang", "浙江")));
        long bCustomer = queries.byCode(b.id(), "B-1").orElseThrow().id();

        assertThatThrownBy(() -> jdbc.sql("insert into customer_tag (tenant_id, customer_id, tag) values (?, ?, ?)")
                .params(a.id().value(), bCustomer, "VIP").update()).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("insert into customer_tag (tenant_id, customer_id, tag) values (?, ?, ?)")
                .params(b.id().value(), bCustomer, "VIP").update();
        assertThat(jdbc.sql("select count(*) from customer_tag where customer_id = ?").param(bCustomer)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** Each foreign key referencing the table, as "table.key", with its columns (lower case). */
    private Map<String, Set<String>> foreignKeysTo(String table) throws SQLException {
        Map<String, Set<String>> keys = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getExportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
                    while (rs.next()) {
                        keys.computeIfAbsent((rs.getString("FKTABLE_NAME") + "." + rs.getString("FK_NAME"))
                                .toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                                .add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return keys;
    }
}
