package com.tierpilot.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.customer.CustomerAssignmentService;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.OwnerAction;
import com.tierpilot.customer.OwnerChange;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.scheduling.NightlyPipelineService;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ownership (管户) and the shared pool (公海): claims within the limits, exactly one owner when many claim at once,
 * a trail of every change, and customers nobody followed up going back to the pool at night, the owner told the
 * night before.
 */
@IntegrationTest
class SharedPoolServiceTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    CustomerAssignmentService assignment;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    FollowUpLogService logs;
    @Autowired
    SharedPoolService pool;
    @Autowired
    SalesSettingsService settings;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    NightlyPipelineService pipeline;
    @Autowired
    MutableClock clock;

    TestTenant shop;
    TierPilotUser east;
    TierPilotUser south;

    @BeforeEach
    void aCompanyWithTwoManagersAndAPool() {
        shop = fixtures.companyWith("Pool Co", "P1", "P2", "P3", "P4");
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        south = shop.addUser(Role.ACCOUNT_MANAGER);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void twentyManagersClaimingTheSameCustomerAtOnceGiveItExactlyOneOwner() throws Exception {
        List<TierPilotUser> managers = IntStream.range(0, 20).mapToObj(i -> shop.addUser(Role.ACCOUNT_MANAGER))
                .toList();
        long p1 = fixtures.id(shop, "P1");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<@Nullable Object>> answers = new ArrayList<>();
            for (TierPilotUser manager : managers) {
                answers.add(threads.submit((Callable<@Nullable Object>) () -> {
                    TestTenants.signIn(manager);
                    start.await();
                    try {
                        return assignment.claim(shop.id(), manager.userId(), p1);
                    } catch (ConflictException taken) {
                        return taken;
                    } finally {
                        TestTenants.signOut();
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<@Nullable Object> answer : answers) {
                results.add(answer.get());
            }
            assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(19);
        } finally {
            threads.shutdownNow();
        }
        var owner = queries.byId(shop.id(), p1).orElseThrow().accountManager();
        assertThat(managers).extracting(TierPilotUser::userId).contains(owner);
        assertThat(assignment.history(shop.id(), p1, 50)).singleElement()
                .satisfies(c -> assertThat(c.action()).isEqualTo(OwnerAction.CLAIM))
                .satisfies(c -> assertThat(c.newManager()).isEqualTo(owner.value()));
    }

    @Test
    void aCustomerNobodyFollowedUpGoesBackToThePoolThatNightTheOwnerToldTheNightBeforeAndAnotherManagerClaimsIt() {
        LocalDate day0 = grades.today(shop.id());
        fixtures.set(shop, "P1", new SalesState(SalesStage.NEGOTIATING, null, day0.plusDays(20), null, SalesNeed.NOW,
                null, null));
        long p1 = fixtures.id(shop, "P1");
        TestTenants.signIn(east);
        assignment.claim(shop.id(), east.userId(), p1);
        night();
        assertThat(grades.find(shop.id(), p1).orElseThrow().grade()).as("A: back after 7 days by default")
                .isEqualTo(ProspectGrade.A);

        clock.advance(Duration.ofDays(5));
        logs.log(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, p1, FollowUpKind.CALL, FollowUpOutcome.REACHED,
                "Wants a quote", null);
        clock.advance(Duration.ofDays(6));
        night();
        assertThat(owner(p1)).as("11 days after the claim, 6 after the call").isEqualTo(east.userId().value());
        assertThat(pool.notices(shop.id(), east.userId().value(), day0.plusDays(11)))
                .singleElement().satisfies(n -> {
                    assertThat(n.code()).isEqualTo("P1");
                    assertThat(n.returnsOn()).isEqualTo(day0.plusDays(12));
                });

        clock.advance(Duration.ofDays(1));
        night();
        assertThat(owner(p1)).as("7 days without a follow-up").isNull();
        assertThat(assignment.history(shop.id(), p1, 10).getFirst()).satisfies(c -> {
            assertThat(c.action()).isEqualTo(OwnerAction.RETURN);
            assertThat(c.oldManager()).isEqualTo(east.userId().value());
            assertThat(c.changedBy()).isNull();
        });

        TestTenants.signIn(south);
        assignment.claim(shop.id(), south.userId(), p1);
        assertThat(owner(p1)).isEqualTo(south.userId().value());
        night();
        assertThat(owner(p1)).as("south's own days count from the claim").isEqualTo(south.userId().value());
    }

    @Test
    void aCustomerWithoutAGradeStaysWithItsManagerUnlessTheCompanyPoolsUngradedCustomers() {
        long p2 = fixtures.id(shop, "P2");
        TestTenants.signIn(east);
        assignment.claim(shop.id(), east.userId(), p2);
        night();
        clock.advance(Duration.ofDays(400));
        night();
        assertThat(owner(p2)).as("a buyer without a sales state is not a prospect: kept by default")
                .isEqualTo(east.userId().value());

        TestTenants.signIn(shop.owner());
        settings.savePoolRules(shop.id(), new PoolRules(800, 20, PoolRules.DEFAULT.returnDays(), 30));
        night();
        assertThat(owner(p2)).as("the company chose to pool them after 30 days without a follow-up").isNull();
    }

    @Test
    void claimsStopAtTheManagersLimitAndAtTheDailyLimitWithTheLimitInTheMessage() {
        settings.savePoolRules(shop.id(), new PoolRules(2, 3, PoolRules.DEFAULT.returnDays(), 30));
        TestTenants.signIn(east);
        assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P1"));
        assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P2"));
        assertThatThrownBy(() -> assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P3")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("ownership.error.limit");
        assertThat(assignment.load(shop.id(), east.userId()).customers()).isEqualTo(2);

        assignment.release(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, fixtures.id(shop, "P1"));
        assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P3"));
        assignment.release(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, fixtures.id(shop, "P3"));
        assertThat(assignment.claimsLeftToday(shop.id(), east.userId())).isZero();
        assertThatThrownBy(() -> assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P4")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("ownership.error.dailyClaims");
        assertThatThrownBy(() -> assignment.claim(shop.id(), east.userId(), fixtures.id(shop, "P2")))
                .as("a customer with an owner is not in the pool").isInstanceOf(UserFacingException.class);

        shop.signInAsOwner();
        assertThatThrownBy(() -> settings.savePoolRules(shop.id(), new PoolRules(2, 3, Map.of(ProspectGrade.A, 0),
                30))).isInstanceOf(UserFacingException.class).hasMessageContaining("pool.settings.error.days");
    }

    @Test
    void everyChangeOfOwnerIsRecordedAndAManagerCanNeitherReleaseNorLogOnAColleaguesCustomer() {
        assignment.assignMatching(shop.id(), new CustomerFilter(null, "浙江", null, null, null, null, null, null),
                east.userId().value());
        assignment.roundRobin(shop.id(), "浙江", List.of(east.userId().value(), south.userId().value()), false);
        long p2 = fixtures.id(shop, "P2");
        assertThat(owner(p2)).isEqualTo(south.userId().value());
        assertThat(assignment.history(shop.id(), p2, 10)).extracting(OwnerChange::action, OwnerChange::oldManager,
                OwnerChange::newManager).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OwnerAction.ASSIGN, east.userId().value(),
                                south.userId().value()),
                        org.assertj.core.groups.Tuple.tuple(OwnerAction.ASSIGN, null, east.userId().value()));
        assertThat(assignment.history(shop.id(), fixtures.id(shop, "P1"), 10)).as("east kept P1: one change")
                .hasSize(1);

        TestTenants.signIn(east);
        assertThatThrownBy(() -> assignment.release(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, p2))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> logs.log(shop.id(), east.userId(), Role.ACCOUNT_MANAGER, p2, FollowUpKind.NOTE,
                null, "not mine", null)).isInstanceOf(NotFoundException.class);
        assertThat(logs.ofCustomer(shop.id(), p2, 10)).isEmpty();

        shop.signInAsOwner();
        assignment.assignOne(shop.id(), "P2", null);
        assertThat(owner(p2)).isNull();
        assertThat(assignment.history(shop.id(), p2, 10).getFirst()).satisfies(c -> {
            assertThat(c.action()).isEqualTo(OwnerAction.RELEASE);
            assertThat(c.changedBy()).isEqualTo(shop.owner().userId());
        });
    }

    private void night() {
        assertThat(pipeline.runScheduled(shop.id(), RunTrigger.SCHEDULE, 1, false, null).succeeded()).isTrue();
    }

    private @Nullable Long owner(long customer) {
        var manager = queries.byId(shop.id(), customer).orElseThrow().accountManager();
        return manager == null ? null : manager.value();
    }
}
