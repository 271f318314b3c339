package com.tierpilot.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpilot.support.AppNode;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Issue 18: two real nodes, each a JVM of its own ({@link AlwaysOnNightNode}) on the suite's MySQL/MariaDB schema,
 * run the same company's always-on night at the same moment, three callers each (as retries and a recovered job
 * would): every entrant is enrolled once, and every step (a code, double points, a revisit task) is done once per
 * entry; a night run after them finds nothing left. MySQL profile only: H2 in memory cannot be shared.
 */
@IntegrationTest
class AlwaysOnTwoNodesTest {

    private static final Logger log = LoggerFactory.getLogger(AlwaysOnTwoNodesTest.class);
    private static final int CALLERS_PER_NODE = 3;

    @Autowired
    Environment environment;
    @Autowired
    ApplicationContext context;

    private final List<AppNode> nodes = new ArrayList<>();

    @AfterEach
    void stopTheNodes() {
        nodes.forEach(AppNode::stop);
        TestTenants.signOut();
    }

    @Test
    void twoNodesRunningOneNightAtOnceEnrolEachEntrantOnceAndDoEachStepOnce() throws Exception {
        assumeTrue(environment.acceptsProfiles(Profiles.of("mysql")),
                "Two nodes need one database that both processes reach: runs on the MySQL profile only");
        var fixture = ExactlyOnceNight.in(context);
        var night = fixture.atRiskTonight("Two Nodes Co", "TN");

        for (String name : List.of("night-a", "night-b")) {
            nodes.add(AppNode.startMain(name, AlwaysOnNightNode.class.getName(),
                    environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password", ""), "--spring.quartz.auto-startup=false",
                    "--tenant=" + night.shop().id().value(), "--as-of=" + night.date(),
                    "--callers=" + CALLERS_PER_NODE));
        }
        for (AppNode node : nodes) {
            await().atMost(Duration.ofMinutes(10)).until(() -> { // minutes on a loaded 2-core host
                assertThat(node.isAlive()).as(node.name() + " died; see " + node.logFile()).isTrue();
                return Files.readString(node.logFile()).contains("NODE READY");
            });
        }
        Instant go = Instant.now();
        for (AppNode node : nodes) {
            node.send("go");
        }
        List<String> outcomes = new ArrayList<>();
        for (AppNode node : nodes) {
            assertThat(node.awaitExit(Duration.ofMinutes(6))).as(node.name() + " ended well; see " + node.logFile())
                    .isZero();
            List<String> nights = Files.readAllLines(node.logFile()).stream().filter(l -> l.startsWith("NIGHT "))
                    .toList();
            assertThat(nights).as(node.name() + " ran the night with all its callers").hasSize(CALLERS_PER_NODE);
            nights.forEach(n -> outcomes.add(node.name() + ": " + n));
        }
        log.info("Two nodes ran one night from {}, {} callers each: {}", go, CALLERS_PER_NODE, outcomes);

        fixture.assertEachEnteredOnceAndEachStepDoneOnce(night, Instant.now());
        int reportedEntrants = outcomes.stream().map(o -> o.split(" ")).filter(p -> !p[2].equals("failed"))
                .mapToInt(p -> Integer.parseInt(p[2])).sum();
        assertThat(reportedEntrants).as("the callers that ended well enrolled nobody twice between them")
                .isLessThanOrEqualTo(ExactlyOnceNight.CUSTOMERS);
    }
}
