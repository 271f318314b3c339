package com.tierpilot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.revisit.RevisitPlan;
import com.tierpilot.revisit.RevisitPlanService;
import com.tierpilot.revisit.RevisitTaskService;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The ABC presets on the demo tenant (2,000 customers, four account managers), night after night. */
@IntegrationTest
class DemoRevisitPresetsTest {

    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    Principals principals;
    @Autowired
    RevisitPlanService plans;
    @Autowired
    RevisitTaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetTheClock() {
        clock.reset();
        TestTenants.signOut();
    }

    @Test
    void theAbcPresetsGiveNoManagerMoreThanTheirCapacityOnAnyDayAndCannotBeAddedTwice() {
        new DemoDataSeeder(provisioning, customers, transaction, segmentation, clock)
                .run(new org.springframework.boot.DefaultApplicationArguments());
        TenantId demo = provisioning.tenantOfLogin(DemoDataSeeder.OWNER).orElseThrow();
        TestTenants.signIn(principals.forLogin(DemoDataSeeder.OWNER).orElseThrow());
        long east = principals.forLogin(DemoDataSeeder.MANAGERS.getFirst()).orElseThrow().userId().value();

        List<RevisitPlan> added = plans.addAbcPresets(demo);
        assertThat(added).extracting(RevisitPlan::preset).containsExactly("ABC_A", "ABC_B", "ABC_C");
        assertThatThrownBy(() -> plans.addAbcPresets(demo)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("revisit.preset.abc.exists");
        assertThat(plans.list(demo)).filteredOn(p -> p.preset() != null).hasSize(3);
        assertThat(plans.missingPresets(demo)).containsExactly("BIRTHDAY", "GRADE_A", "GRADE_B", "GRADE_C", "GRADE_D");
        // The plans' customers per manager, about as many a week as the form shows before saving.
        Map<Long, Double> weekly = plans.weeklyTasks(demo, added.getFirst().draft());
        assertThat(weekly.get(east)).isPositive();

        tasks.setCapacity(demo, east, 5);
        int firstNight = tasks.generate(demo, tasks.today(demo));
        for (int night = 1; night < 30; night++) { // a month of nights; nobody works the tasks off
            clock.advance(Duration.ofDays(1));
            tasks.generate(demo, tasks.today(demo));
        }

        List<DayLoad> load = jdbc.sql("""
                select manager_id, due_on, count(*) from revisit_task
                 where tenant_id = ? and status = 'OPEN' and manager_id is not null
                 group by manager_id, due_on""").param(demo.value())
                .query((rs, i) -> new DayLoad(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list();
        assertThat(firstNight).as("the first night does not hand out all 2,000 customers").isLessThan(1000);
        assertThat(load).isNotEmpty().allSatisfy(day -> {
            assertThat(day.tasks()).as("tasks of manager %d on %s", day.manager(), day.on())
                    .isLessThanOrEqualTo(day.manager() == east ? 5 : RevisitTaskService.DEFAULT_CAPACITY);
            assertThat(day.on().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(load).filteredOn(day -> day.manager() == east).extracting(DayLoad::tasks).contains(5);
        assertThat(load).filteredOn(day -> day.manager() != east).extracting(DayLoad::tasks)
                .contains(RevisitTaskService.DEFAULT_CAPACITY);
    }

    record DayLoad(long manager, LocalDate on, int tasks) {
    }
}
