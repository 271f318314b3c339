package com.tierpilot.campaign;

import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The same night of an always-on campaign run by six callers at once (three nodes, each retrying), on the suite's
 * database (H2, or MySQL/MariaDB in the MySQL suite): every entrant is enrolled once and every step (a code, double
 * points, a revisit task) is done once per entry, however the callers interleave; a caller that lost a race is the
 * pipeline's retry, and a night run after them all finds nothing left to do.
 */
@IntegrationTest
class AlwaysOnExactlyOnceTest {

    private static final Logger log = LoggerFactory.getLogger(AlwaysOnExactlyOnceTest.class);

    @Autowired
    ApplicationContext context;
    @Autowired
    AlwaysOnCampaignService alwaysOn;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void sixCallersOfOneNightEnrolEachEntrantOnceAndDoEachStepOnce() throws Exception {
        var fixture = ExactlyOnceNight.in(context);
        var night = fixture.atRiskTonight("Exactly Once Co", "EO");

        var auth = SecurityContextHolder.getContext();
        List<Callable<String>> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(() -> {
                SecurityContextHolder.setContext(auth);
                try {
                    var done = alwaysOn.night(night.shop().id(), night.date());
                    return "entered " + done.entered() + ", steps " + done.stepsDone();
                } catch (RuntimeException lostARace) {
                    log.info("A caller failed, as a node's run may; the pipeline retries it", lostARace);
                    return "failed: " + lostARace.getClass().getSimpleName();
                }
            });
        }
        List<String> outcomes = Concurrently.all(callers);
        log.info("Six callers of one night: {}", outcomes);
        fixture.assertEachEnteredOnceAndEachStepDoneOnce(night, Instant.now());
    }
}
