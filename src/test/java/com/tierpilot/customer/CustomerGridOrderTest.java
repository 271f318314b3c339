package com.tierpilot.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.importing.ImportService;
import com.tierpilot.segmentation.AbcTier;
import com.tierpilot.segmentation.LifecycleStage;
import com.tierpilot.segmentation.RfmSegment;
import com.tierpilot.segmentation.RuleField;
import com.tierpilot.segmentation.RuleNode;
import com.tierpilot.segmentation.RuleOperator;
import com.tierpilot.segmentation.RuleSegmentService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21, the customer grid at any depth: a filtered, sorted page is read from the copies of the sort keys next to
 * segment members and tags, or from the customer's own indexes. Every page of every filter kind, in every sort and
 * direction, at depth, must hold the same customers in the same order as the straightforward query over the
 * customers and their current segments, ties (same name, region, creation date) and nulls included, right after a
 * recompute and after customers were renamed and moved through the API and an import (a stale copy would put them
 * where they were).
 */
@IntegrationTest
class CustomerGridOrderTest {

    static final LocalDate D = LocalDate.of(2025, 7, 1);
    static final int CUSTOMERS = 400;
    static final int LIMIT = 25;
    static final int[] OFFSETS = {0, 110};
    static final String[] NAMES = {"王伟", "李娜", "张敏", "Anna", "陈静", "刘洋"};
    static final String[] REGIONS = {"上海", "北京", "广东"};

    /** The straightforward ORDER BY of each sort, written here independently of the code under test. */
    static final Map<CustomerSort, String> ORDER = Map.of(CustomerSort.CODE, "c.code %s",
            CustomerSort.NAME, "c.name %1$s, c.id %1$s", CustomerSort.REGION, "c.region %1$s, c.city %1$s, c.id %1$s",
            CustomerSort.CREATED, "c.created_on %1$s, c.id %1$s");

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RuleSegmentService rules;
    @Autowired
    CustomerSearchService search;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    TestTenant shop;
    TierPilotUser east;
    TierPilotUser west;
    String rule;

    /**
     * 400 customers written in a shuffled order (ids do not follow codes), six names (many ties) and some without a
     * name, three regions and some without, cities or none, seven creation dates; two managers and a pool; tags VIP
     * and 老客; 1-4 orders each at varied dates and amounts; a rule segment (Shanghai) and a recompute.
     */
    @BeforeEach
    void aShopWithTiesAndNullsAfterARecompute() {
        shop = tenants.signUp("Grid Order Co").signInAsOwner();
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        west = shop.addUser(Role.ACCOUNT_MANAGER);
        List<Integer> order = new ArrayList<>();
        for (int n = 1; n <= CUSTOMERS; n++) {
            order.add(n);
        }
        Collections.shuffle(order, new Random(7));
        List<CustomerRecord> people = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        for (int n : order) {
            Set<String> tags = n % 4 == 0 ? Set.of("VIP") : n % 6 == 0 ? Set.of("老客") : Set.of();
            people.add(new CustomerRecord("C" + n, n % 13 == 0 ? null : NAMES[n % NAMES.length], null, null, null,
                    null, n % 11 == 0 ? null : REGIONS[n % REGIONS.length], n % 3 == 0 ? null : "区" + (n % 2), null,
                    null, null, tags, n % 3 == 0 ? east.userId() : n % 5 == 0 ? west.userId() : null,
                    LocalDate.of(2024, 1, 1 + n % 7), true, Map.of()));
            for (int k = 0; k <= n % 4; k++) {
                orders.add(new OrderRecord("O" + n + "-" + k, "C" + n, D.minusDays(1 + (n * 7L + k * 31) % 500)
                        .atTime(10, 0), BigDecimal.valueOf(10L * (n % 17 + 1)), 1, null, null, OrderStatus.COMPLETED));
            }
        }
        customers.upsertCustomers(shop.id(), people);
        customers.upsertOrders(shop.id(), orders);
        rule = rules.create(shop.id(), shop.owner().userId(), "Shanghai", new RuleNode.Group(RuleNode.Logic.AND,
                List.of(new RuleNode.Condition(RuleField.REGION, RuleOperator.EQUALS, List.of("上海"), null)))).key();
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void everyFilteredSortedPageAtDepthHoldsTheSameCustomersInTheSameOrderAsTheStraightforwardQuery() {
        assertEveryPageAsTheStraightforwardQuery();
    }

    @Test
    void customersRenamedAndMovedAfterTheRecomputeAreListedWhereTheirNewNamesAndRegionsPutThem() throws IOException {
        // Through the API: 40 customers get a name that sorts last or first, a new region, a new city.
        List<CustomerRecord> renamed = new ArrayList<>();
        for (int n = 1; n <= CUSTOMERS; n += 10) {
            renamed.add(new CustomerRecord("C" + n, n % 20 == 1 ? "Zz" + n : "Aa", null, null, null, null,
                    REGIONS[(n + 1) % REGIONS.length], n % 30 == 1 ? "新区" : null, null, null, null, Set.of(), null,
                    LocalDate.of(2024, 1, 1), null, Map.of()));
        }
        customers.upsertCustomers(shop.id(), renamed);
        // Through an import: 20 others are renamed and moved, and one gets a tag.
        StringBuilder csv = new StringBuilder("Customer code,Customer name,Region,City,Tags\n");
        for (int n = 5; n <= CUSTOMERS; n += 20) {
            csv.append("C").append(n).append(",中").append(n).append(",").append(REGIONS[(n + 2) % REGIONS.length])
                    .append(",东区,").append(n == 5 ? "VIP" : "").append("\n");
        }
        Path file = dir.resolve("moved.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        var run = imports.importNow(shop.id(), shop.owner().userId(), file, "moved.csv",
                imports.analyze(shop.id(), file).suggested());
        assertThat(run.customersUpdated()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select name from customer where tenant_id = ? and code = 'C45'",
                String.class, shop.id().value())).isEqualTo("中45");

        assertEveryPageAsTheStraightforwardQuery();
    }

    private Map<String, CustomerFilter> filters() {
        Map<String, CustomerFilter> filters = new LinkedHashMap<>();
        for (RfmSegment s : RfmSegment.values()) {
            filters.put("rfm " + s.key(), new CustomerFilter(null, null, null, null, s.key(), null, null, null));
        }
        for (AbcTier t : AbcTier.values()) {
            filters.put("abc " + t.name(), new CustomerFilter(null, null, null, null, null, t.name(), null, null));
        }
        for (LifecycleStage s : LifecycleStage.values()) {
            filters.put("lifecycle " + s.key(), new CustomerFilter(null, null, null, null, null, null, s.key(), null));
        }
        filters.put("rule", new CustomerFilter(null, null, null, null, null, null, null, rule));
        filters.put("manager east", new CustomerFilter(null, null, null, east.userId().value(), null, null, null,
                null));
        filters.put("manager west", new CustomerFilter(null, null, null, west.userId().value(), null, null, null,
                null));
        filters.put("no manager", new CustomerFilter(null, null, null, CustomerFilter.UNASSIGNED, null, null, null,
                null));
        filters.put("tag VIP", new CustomerFilter(null, null, "VIP", null, null, null, null, null));
        filters.put("tag 老客", new CustomerFilter(null, null, "老客", null, null, null, null, null));
        filters.put("region 上海", new CustomerFilter(null, "上海", null, null, null, null, null, null));
        filters.put("region 北京", new CustomerFilter(null, "北京", null, null, null, null, null, null));
        filters.put("上海 + tier A", new CustomerFilter(null, "上海", null, null, null, "A", null, null));
        filters.put("北京 + tier B", new CustomerFilter(null, "北京", null, null, null, "B", null, null));
        filters.put("VIP + east", new CustomerFilter(null, null, "VIP", east.userId().value(), null, null, null,
                null));
        filters.put("tier C + VIP + lifecycle", new CustomerFilter(null, null, "VIP", null, null, "C", "active",
                null));
        filters.put("rule + 北京 (none)", new CustomerFilter(null, "北京", null, null, null, null, null, rule));
        filters.put("none", CustomerFilter.NONE);
        return filters;
    }

    private void assertEveryPageAsTheStraightforwardQuery() {
        int compared = 0;
        for (var f : filters().entrySet()) {
            List<String> all = expected(f.getValue(), CustomerSort.CODE, true, 0, CUSTOMERS);
            assertThat(search.count(shop.id(), f.getValue()).value()).as(f.getKey()).isEqualTo(all.size());
            for (CustomerSort sort : CustomerSort.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    for (int offset : OFFSETS) {
                        String page = f.getKey() + ", " + sort + (ascending ? " asc" : " desc") + ", offset " + offset;
                        assertThat(search.page(shop.id(), f.getValue(), sort, ascending, offset, LIMIT))
                                .as(page).extracting(CustomerRow::code)
                                .containsExactlyElementsOf(expected(f.getValue(), sort, ascending, offset, LIMIT));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(filters().size() * 4 * 2 * OFFSETS.length);
    }

    /** The page by the plain query: every customer with its current segments, filtered and sorted as written. */
    private List<String> expected(CustomerFilter f, CustomerSort sort, boolean ascending, int offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(shop.id().value()));
        StringBuilder sql = new StringBuilder("""
                select c.code from customer c
                  left join segmentation_state st on st.tenant_id = c.tenant_id
                  left join customer_segment s on s.tenant_id = c.tenant_id and s.run_id = st.current_run_id
                        and s.customer_id = c.id
                 where c.tenant_id = ?""");
        Map<String, Object> equal = new HashMap<>();
        equal.put("c.region", f.region());
        equal.put("s.rfm_segment", f.rfm());
        equal.put("s.abc_tier", f.abc());
        equal.put("s.lifecycle", f.lifecycle());
        equal.forEach((column, value) -> {
            if (value != null) {
                sql.append(" and ").append(column).append(" = ?");
                params.add(value);
            }
        });
        if (f.manager() != null) {
            sql.append(f.manager() == CustomerFilter.UNASSIGNED ? " and c.account_manager_id is null"
                    : " and c.account_manager_id = " + f.manager());
        }
        if (f.tag() != null) {
            sql.append(" and exists (select 1 from customer_tag t where t.tenant_id = c.tenant_id"
                    + " and t.customer_id = c.id and t.tag = ?)");
            params.add(f.tag());
        }
        if (f.rule() != null) {
            sql.append(" and exists (select 1 from rule_segment_member m join rule_segment r on r.tenant_id ="
                    + " m.tenant_id and r.id = m.segment_id where m.tenant_id = c.tenant_id and m.run_id ="
                    + " st.current_run_id and m.customer_id = c.id and r.seg_key = ?)");
            params.add(f.rule());
        }
        sql.append(" order by ").append(ORDER.get(sort).formatted(ascending ? "asc" : "desc"))
                .append(" limit ").append(limit).append(" offset ").append(offset);
        return jdbc.queryForList(sql.toString(), String.class, params.toArray());
    }
}
