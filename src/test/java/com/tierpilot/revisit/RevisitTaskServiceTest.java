package com.tierpilot.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.CustomerSearchService;
import com.tierpilot.customer.CustomerSort;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentationService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Revisit tasks as the nightly pipeline creates them, night after night, with the clock moving on. */
@IntegrationTest
class RevisitTaskServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerSearchService search;
    @Autowired
    SegmentationService segmentation;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    TierPilotUser manager;

    /** Twenty customers of one manager, who spent 1,000 down to 50: ABC gives each tier some of them. */
    @BeforeEach
    void aShopWithTieredCustomersAndTheAbcPlans() {
        shop = tenants.signUp("Revisit Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH).signInAsOwner();
        manager = shop.addUser(Role.ACCOUNT_MANAGER);
        LocalDate today = tasks.today(shop.id());
        List<OrderRecord> orders = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            customers.upsertCustomers(shop.id(), List.of(new CustomerRecord("R" + i, "Customer " + i, null, null,
                    null, i == 1 ? today.minusYears(30).plusDays(10) : null, null, null, null, null, null, Set.of(),
                    manager.userId(), LocalDate.of(2024, 1, 1), true, Map.of())));
            orders.add(new OrderRecord("RO-" + i, "R" + i, today.minusDays(20).atTime(10, 0),
                    BigDecimal.valueOf(i == 1 ? 5000 : 1050 - 50L * i), 1, null, null, OrderStatus.COMPLETED));
        }
        customers.upsertOrders(shop.id(), orders);
        segmentation.runNow(shop.id(), today, RunTrigger.MANUAL);
        plans.addAbcPresets(shop.id());
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void fourMonthsOfNightsGiveAMonthlyVisitAHalfMonthlyCallAndAQuarterlyMessageOnWorkingDays() {
        String a = firstOfTier("A");
        String b = firstOfTier("B");
        String c = firstOfTier("C");
        LocalDate start = tasks.today(shop.id());
        Map<String, List<LocalDate>> dueDays = new TreeMap<>();

        for (int night = 0; night < 120; night++) {
            LocalDate today = tasks.today(shop.id());
            tasks.generate(shop.id(), today);
            // The manager works today's list, every day.
            for (RevisitTask task : tasks.open(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null,
                    TaskWindow.TODAY, today, 0, 100)) {
                dueDays.computeIfAbsent(task.customerCode(), k -> new ArrayList<>()).add(task.dueOn());
                tasks.logOutcome(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, task.id(), TaskOutcome.REACHED,
                        null, null);
            }
            assertThat(tasks.countOpen(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null, TaskWindow.OVERDUE,
                    today)).as("nothing left overdue on night %d", night).isZero();
            clock.advance(Duration.ofDays(1));
        }

        assertThat(dueDays.values().stream().flatMap(List::stream)).as("tasks fall on working days")
                .allMatch(WorkingDays::isWorkingDay);
        // The first contact falls within the first period of the cadence, the next ones a period after the last.
        assertThat(days(start, dueDays.get(a).getFirst())).as("A: first visit").isBetween(0L, 32L);
        assertThat(gaps(dueDays.get(a))).as("A: monthly visits").isNotEmpty().allMatch(g -> g >= 28 && g <= 33);
        assertThat(days(start, dueDays.get(b).getFirst())).as("B: first call").isBetween(0L, 17L);
        assertThat(gaps(dueDays.get(b))).as("B: half-monthly calls").hasSizeGreaterThan(5)
                .allMatch(g -> g >= 15 && g <= 17);
        assertThat(days(start, dueDays.get(c).getFirst())).as("C: a quarterly message").isBetween(0L, 93L);
        assertThat(gaps(dueDays.get(c))).allMatch(g -> g >= 89);
    }

    @Test
    void theNightCreatesNoDuplicatesAndADateTheManagerSetIsKept() {
        LocalDate today = tasks.today(shop.id());
        int first = tasks.generate(shop.id(), today);
        int again = tasks.generate(shop.id(), today);

        // The first contacts spread over each plan's first period: only the coming week's are created now.
        assertThat(first).isPositive().isLessThanOrEqualTo(tieredCustomers());
        assertThat(again).isZero();
        RevisitTask task = allOpen().getFirst();
        tasks.logOutcome(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, task.id(), TaskOutcome.FOLLOW_UP,
                "Wants the new catalogue", today.plusDays(3));
        tasks.generate(shop.id(), today);

        assertThat(openOf(task.customerCode())).singleElement().satisfies(t -> assertThat(t.dueOn())
                .as("the date the manager set").isEqualTo(today.plusDays(3)));
        assertThat(tasks.ofCustomer(shop.id(), task.customerId(), 10)).extracting(RevisitTask::outcome)
                .containsExactly(null, TaskOutcome.FOLLOW_UP);
    }

    @Test
    void aCustomerWhoMovesToAnotherTierFollowsTheNewTiersCadenceFromTheLastContact() {
        String b = firstOfTier("B");
        // Nights until the B customer's first call is on the list.
        for (int night = 0; openOf(b).isEmpty() && night < 20; night++) {
            clock.advance(Duration.ofDays(1));
            tasks.generate(shop.id(), tasks.today(shop.id()));
        }
        LocalDate called = tasks.today(shop.id());
        tasks.logOutcome(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, openOf(b).getFirst().id(),
                TaskOutcome.REACHED, null, null);
        tasks.generate(shop.id(), called);
        assertThat(openOf(b)).as("the next B call is more than a week away").isEmpty();

        // A big order lifts the customer into tier A.
        customers.upsertOrders(shop.id(), List.of(new OrderRecord("BIG-" + b, b, called.minusDays(1).atTime(9, 0),
                BigDecimal.valueOf(100_000), 1, null, null, OrderStatus.COMPLETED)));
        segmentation.runNow(shop.id(), called, RunTrigger.MANUAL);
        clock.advance(Duration.ofDays(27));
        tasks.generate(shop.id(), tasks.today(shop.id()));

        assertThat(openOf(b)).singleElement().satisfies(t -> {
            assertThat(t.planName()).isEqualTo("revisit.preset.A.name");
            assertThat(t.dueOn()).as("a month after the last call, on a working day")
                    .isEqualTo(WorkingDays.onOrAfter(called.plusMonths(1)));
        });
    }

    @Test
    void aBirthdayGreetingComesOnceAYearAndAManagerClosesOnlyTheirOwnTasks() {
        plans.addBirthdayGreeting(shop.id());
        LocalDate today = tasks.today(shop.id());
        LocalDate birthday = today.plusDays(10);
        clock.advance(Duration.ofDays(5));
        LocalDate fiveDaysLater = tasks.today(shop.id());
        tasks.generate(shop.id(), fiveDaysLater);

        List<RevisitTask> greetings = tasks.open(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null,
                TaskWindow.UPCOMING, fiveDaysLater, 0, 100).stream()
                .filter(t -> t.planName().equals("revisit.preset.birthday.name")).toList();
        assertThat(greetings).singleElement().satisfies(t -> assertThat(t.dueOn()).isEqualTo(birthday));
        TierPilotUser colleague = shop.addUser(Role.ACCOUNT_MANAGER);
        assertThatThrownBy(() -> tasks.logOutcome(shop.id(), colleague.userId(), Role.ACCOUNT_MANAGER,
                greetings.getFirst().id(), TaskOutcome.REACHED, null, null)).isInstanceOf(NotFoundException.class);
        tasks.logOutcome(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, greetings.getFirst().id(),
                TaskOutcome.REACHED, "Sent a card", null);
        tasks.generate(shop.id(), fiveDaysLater);

        assertThat(tasks.open(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null, TaskWindow.UPCOMING,
                fiveDaysLater, 0, 100)).noneMatch(t -> t.planName().equals("revisit.preset.birthday.name"));
    }

    /** The customer's open tasks, whenever due. */
    private List<RevisitTask> openOf(String code) {
        return allOpen().stream().filter(t -> t.customerCode().equals(code)).toList();
    }

    private List<RevisitTask> allOpen() {
        LocalDate today = tasks.today(shop.id());
        List<RevisitTask> open = new ArrayList<>();
        for (TaskWindow window : TaskWindow.values()) {
            open.addAll(tasks.open(shop.id(), manager.userId(), Role.ACCOUNT_MANAGER, null, window, today, 0, 100));
        }
        return open;
    }

    private static List<Long> gaps(List<LocalDate> days) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            gaps.add(days(days.get(i - 1), days.get(i)));
        }
        return gaps;
    }

    private String firstOfTier(String tier) {
        return search.page(shop.id(), new CustomerFilter(null, null, null, null, null, tier, null, null),
                CustomerSort.CODE, true, 0, 1).stream().map(CustomerRow::code).findFirst().orElseThrow();
    }

    private int tieredCustomers() {
        return List.of("A", "B", "C").stream().mapToInt(t -> (int) search.count(shop.id(), new CustomerFilter(null,
                null, null, null, null, t, null, null)).value()).sum();
    }

    private static long days(LocalDate from, LocalDate to) {
        return from.until(to, java.time.temporal.ChronoUnit.DAYS);
    }
}
