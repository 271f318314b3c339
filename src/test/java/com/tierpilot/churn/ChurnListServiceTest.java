package com.tierpilot.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.revisit.ContactChannel;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The churn list of a shop with two account managers, after a recompute. */
@IntegrationTest
class ChurnListServiceTest {

    static final LocalDate D = LocalDate.of(2025, 7, 1);

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    ChurnListService churn;

    TestTenant shop;
    TierPilotUser east;
    TierPilotUser west;

    /**
     * Six customers: E1-E3 belong to the east manager, W1-W3 to the west one. E1, E2 and W1 last bought 120-400
     * days ago (at risk or churned, the default lifecycle rules); the others bought last week.
     */
    @BeforeEach
    void aShopWithCustomersSlippingAway() {
        shop = tenants.signUp("Churn Co").signInAsOwner();
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        west = shop.addUser(Role.ACCOUNT_MANAGER);
        Map<String, Long> lastBoughtDaysAgo = Map.of("E1", 400L, "E2", 120L, "E3", 5L, "W1", 200L, "W2", 6L,
                "W3", 7L);
        Map<String, Integer> spend = Map.of("E1", 900, "E2", 300, "E3", 100, "W1", 600, "W2", 50, "W3", 80);
        List<OrderRecord> orders = new ArrayList<>();
        lastBoughtDaysAgo.forEach((code, ago) -> {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord(code, "Customer " + code, null, null,
                    null, null, "上海", null, null, null, null, Set.of(), (code.startsWith("E") ? east : west).userId(),
                    LocalDate.of(2024, 1, 1), true, Map.of())));
            for (int o = 0; o < 3; o++) {
                orders.add(new OrderRecord(code + "-" + o, code, D.minusDays(ago + 20L * o).atTime(11, 0),
                        BigDecimal.valueOf(spend.get(code)), 1, null, null, OrderStatus.COMPLETED));
            }
        });
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), D, RunTrigger.MANUAL);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void anAccountManagerSeesOnlyTheirOwnCustomersAtRiskMostValuableFirst() {
        List<ChurnEntry> list = churn.page(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, 0, 50);

        assertThat(list).extracting(ChurnEntry::code).containsExactlyInAnyOrder("E1", "E2");
        assertThat(list).extracting(ChurnEntry::valueAtRisk).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        ChurnEntry e1 = list.stream().filter(e -> e.code().equals("E1")).findFirst().orElseThrow();
        assertThat(e1.stageAtRisk()).isTrue();
        assertThat(e1.daysWithoutOrder()).isEqualTo(400);
        assertThat(e1.pAlive()).as("the recompute renewed the predictions").isNotNull();
        assertThat(e1.valueAtRisk()).isEqualByComparingTo(BigDecimal.ONE.subtract(e1.pAlive())
                .multiply(e1.clv12m()));
        assertThat(churn.count(shop.id(), east.userId(), Role.ACCOUNT_MANAGER)).isEqualTo(2);
    }

    @Test
    void theOwnerSeesEveryCustomerAtRisk() {
        List<ChurnEntry> list = churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 50);

        assertThat(list).extracting(ChurnEntry::code).containsExactlyInAnyOrder("E1", "W1", "E2");
        assertThat(churn.valueAtRisk(shop.id(), shop.owner().userId(), Role.OWNER)).isEqualByComparingTo(
                list.stream().map(ChurnEntry::valueAtRisk).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aCustomerMarkedWonBackOrLostLeavesTheListAndTheLossIsReported() {
        TestTenants.signIn(east);
        long e1 = id("E1");
        long e2 = id("E2");

        assertThatThrownBy(() -> churn.decide(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, e1, ChurnOutcome.LOST,
                null, null)).isInstanceOf(UserFacingException.class);
        churn.logContact(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, e1, ContactChannel.CALL, "没有人接");
        churn.decide(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, e1, ChurnOutcome.LOST,
                ChurnOutcome.Reason.COMPETITOR, "买了别家的");
        churn.decide(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, e2, ChurnOutcome.WON_BACK, null, null);

        assertThat(churn.page(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, 0, 50)).isEmpty();
        assertThat(churn.lastContact(shop.id(), e1)).isNotNull();
        assertThatThrownBy(() -> churn.decide(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, e2,
                ChurnOutcome.LOST, ChurnOutcome.Reason.PRICE, null)).as("decided already")
                .isInstanceOf(UserFacingException.class);
        TestTenants.signIn(shop.owner());
        ChurnSummary week = churn.weeklySummary(shop.id());
        assertThat(week.wonBack()).isEqualTo(1);
        assertThat(week.lost()).isEqualTo(1);
        assertThat(week.lostBy()).containsExactlyEntriesOf(Map.of(ChurnOutcome.Reason.COMPETITOR, 1));
        assertThat(week.perManager()).containsExactly(new ChurnSummary.ManagerOutcomes(east.userId().value(), 1, 1));
        assertThat(week.onTheList()).isEqualTo(1);

        // The next run puts the customers who still qualify back on the list.
        segmentation.runNow(shop.id(), D.plusDays(1), RunTrigger.MANUAL);
        assertThat(churn.page(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, 0, 50)).extracting(ChurnEntry::code)
                .containsExactlyInAnyOrder("E1", "E2");
    }

    @Test
    void aManagerCannotWorkOnAnotherManagersOrAnotherCompanysCustomer() {
        TestTenants.signIn(west);
        long e1 = id("E1");
        assertThatThrownBy(() -> churn.logContact(shop.id(), west.userId(), Role.ACCOUNT_MANAGER, e1,
                ContactChannel.VISIT, null)).isInstanceOf(NotFoundException.class);

        TestTenant other = tenants.signUp("Other Co").signInAsOwner();
        assertThatThrownBy(() -> churn.decide(other.id(), other.owner().userId(), Role.OWNER, e1,
                ChurnOutcome.WON_BACK, null, null)).isInstanceOf(NotFoundException.class);
        assertThat(churn.page(other.id(), other.owner().userId(), Role.OWNER, 0, 50)).isEmpty();
    }

    @Test
    void theCsvExportHasTheWholeListWithItsReasonsInWords() {
        var out = new StringWriter();

        churn.export(shop.id(), shop.owner().userId(), Role.OWNER, out, key -> key,
                e -> List.of("no order for " + e.daysWithoutOrder() + " days"));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFchurn.column.code,churn.column.name");
        assertThat(lines).hasSize(4);
        ChurnEntry first = churn.page(shop.id(), shop.owner().userId(), Role.OWNER, 0, 1).getFirst();
        String[] cells = lines[1].split(",");
        assertThat(cells[0]).isEqualTo(first.code());
        assertThat(cells[1]).isEqualTo("Customer " + first.code());
        assertThat(cells[2]).as("value at risk, rounded to cents")
                .isEqualTo(first.valueAtRisk().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        assertThat(cells[3]).as("P(alive), two decimals").matches("0\\.\\d{2}|1\\.00");
        assertThat(cells[4]).as("CLV, rounded to cents").matches("\\d+\\.\\d{2}");
        assertThat(lines[1]).endsWith("no order for " + first.daysWithoutOrder() + " days");
    }

    private long id(String code) {
        return queries.byCode(shop.id(), code).orElseThrow().id();
    }
}
