package com.tierpilot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tierpilot.base.TenantId;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.support.CustomerFigures;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.MutableClock;
import com.tierpilot.support.TestTenants;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.security.Principals;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DemoDataSeederTest {

    private static final Pattern TOKEN_LINE = Pattern.compile("Demo API token: (tp_[A-Za-z0-9_-]{43})");

    @Autowired
    TenantProvisioningService provisioning;
    @Autowired
    TenantService tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    com.tierpilot.segmentation.SegmentationService segmentation;
    @Autowired
    com.tierpilot.prediction.PredictionService predictions;
    @Autowired
    AuthenticationProvider login;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    Principals principals;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theDemoStoreIsSeededOnceAndItsLoginsWork() {
        var seeder = new DemoDataSeeder(provisioning, customers, transaction, segmentation, clock);

        seeder.run(new DefaultApplicationArguments());
        TenantId demo = provisioning.tenantOfLogin(DemoDataSeeder.OWNER).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        var first = CustomerFigures.of(jdbc, demo, today);
        seeder.run(new DefaultApplicationArguments());

        assertThat(CustomerFigures.of(jdbc, demo, today)).as("a second start seeds nothing").isEqualTo(first);
        var run = segmentation.currentRun(demo).orElseThrow();
        assertThat(run.customers()).as("the demo is segmented at once").isEqualTo(2000);
        assertThat(segmentation.runs(demo, 0, 10)).as("three runs, four weeks apart, but only on its first start")
                .extracting(r -> r.asOf()).containsExactlyInAnyOrder(today.minusWeeks(8), today.minusWeeks(4), today);
        assertThat(predictions.model(demo).orElseThrow().asOf()).isEqualTo(run.asOf());
        assertThat(first.customers()).isEqualTo(2000);
        assertThat(first.orders()).isBetween(8_000L, 14_000L);
        var profile = tenants.profile(demo);
        assertThat(profile.name()).isEqualTo("Demo Store");
        assertThat(profile.currency()).isEqualTo("CNY");
        assertThat(profile.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        for (String user : new String[] {DemoDataSeeder.OWNER, DemoDataSeeder.MARKETER,
            DemoDataSeeder.MANAGERS.getFirst()}) {
            assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user,
                    DemoDataSeeder.PASSWORD)).isAuthenticated()).isTrue();
        }
    }

    @Test
    void everyStartLogsANewDemoApiTokenAndRevokesThePreviousOne() {
        var seeder = new DemoDataSeeder(provisioning, customers, transaction, segmentation, clock);

        String first = tokenLoggedBy(() -> seeder.run(new DefaultApplicationArguments()));
        String second = tokenLoggedBy(() -> seeder.run(new DefaultApplicationArguments()));

        TenantId demo = provisioning.tenantOfLogin(DemoDataSeeder.OWNER).orElseThrow();
        assertThat(apiTokens.resolve(second)).hasValueSatisfying(c -> assertThat(c.tenantId()).isEqualTo(demo));
        assertThat(apiTokens.resolve(first)).as("the previous start's token").isEmpty();
        TestTenants.signIn(principals.forLogin(DemoDataSeeder.OWNER).orElseThrow());
        assertThat(apiTokens.list(demo)).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Demo API token");
            assertThat(t.prefix()).isEqualTo(second.substring(0, 7));
        });
    }

    /** The token of the one log line {@code Demo API token: <token>} that the action wrote. */
    private static String tokenLoggedBy(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(DemoDataSeeder.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        List<String> tokens = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Demo API token")).toList();
        assertThat(tokens).as("one line of its own per start").hasSize(1);
        Matcher line = TOKEN_LINE.matcher(tokens.getFirst());
        assertThat(line.matches()).isTrue();
        return line.group(1);
    }
}
