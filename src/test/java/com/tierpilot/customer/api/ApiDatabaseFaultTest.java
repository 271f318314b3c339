package com.tierpilot.customer.api;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.support.AppNode;
import com.tierpilot.support.HttpApi;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TcpProxy;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The REST API while its database goes away, on a real node: a JVM of its own whose database connections run through
 * a TCP proxy in this test, which cuts every connection twice during a minute of steady writes (points and orders
 * from several threads): once for a few seconds, and once for longer than the pool's connection time-out. No write
 * may be acknowledged (2xx) and missing from the database, no answer under /api/ may be a page or a redirect, every
 * refusal is 503 with Retry-After, and the node serves again after the cuts without a restart. MySQL profile only:
 * the node and this test share the database.
 */
@IntegrationTest
class ApiDatabaseFaultTest {

    private static final Logger log = LoggerFactory.getLogger(ApiDatabaseFaultTest.class);
    private static final Pattern MYSQL_URL = Pattern.compile("jdbc:(mysql|mariadb)://([^:/?]+)(?::(\\d+))?(/.*)");
    private static final int WRITERS = 4;
    /** The node's pool waits this long for a connection (application.properties). */
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STEADY = Duration.ofSeconds(15);
    private static final Duration SHORT_CUT = Duration.ofSeconds(6);
    private static final Duration LONG_CUT = POOL_TIMEOUT.plusSeconds(6);

    @Autowired
    Environment environment;
    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    JdbcClient jdbc;

    private AppNode node;
    private TcpProxy proxy;

    /** One write the client sent, and what it got. */
    record Attempt(String kind, String key, int status, String mediaType, boolean retryAfter, Instant at) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        boolean pageOrRedirect() {
            return status >= 300 && status < 400 || status > 0 && !mediaType.equals("application/json")
                    && !mediaType.equals("application/problem+json");
        }
    }

    @AfterEach
    void stopTheNode() {
        if (node != null) {
            node.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        TestTenants.signOut();
    }

    @Test
    void whileTheDatabaseIsCutTwiceNoWriteIsAcknowledgedAndLostAndTheNodeRecoversWithoutARestart()
            throws Exception {
        assumeTrue(environment.acceptsProfiles(Profiles.of("mysql")),
                "The node and the test share one database: runs on the MySQL profile only");
        Matcher url = MYSQL_URL.matcher(environment.getRequiredProperty("spring.datasource.url"));
        assertThat(url.matches()).as("a MySQL URL").isTrue();
        proxy = new TcpProxy(url.group(2), url.group(3) == null ? 3306 : Integer.parseInt(url.group(3)));
        node = AppNode.start("fault-node", "jdbc:" + url.group(1) + "://127.0.0.1:" + proxy.port() + url.group(4),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""),
                "--spring.quartz.auto-startup=false");

        TestTenant shop = tenants.signUp("Fault Shop", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        customers.upsertCustomers(shop.id(), IntStream.range(0, WRITERS)
                .mapToObj(i -> customer("F-" + i, "Writer " + i, "上海")).toList());
        HttpApi api = new HttpApi(node.url(""), shop.apiToken());
        node.awaitStarted(Duration.ofMinutes(4));
        long pid = node.pid();

        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String customerCode = "F-" + w;
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                while (!stop.get()) {
                    attempts.add(write(api, customerCode, sequence.incrementAndGet()));
                }
            }));
        }
        Instant start = Instant.now();
        Thread.sleep(STEADY.toMillis());
        Instant firstCut = Instant.now();
        proxy.cut();
        Thread.sleep(SHORT_CUT.toMillis());
        proxy.restore();
        Thread.sleep(STEADY.toMillis());
        Instant secondCut = Instant.now();
        proxy.cut();
        Thread.sleep(LONG_CUT.toMillis());
        proxy.restore();
        Instant restored = Instant.now();
        Thread.sleep(STEADY.toMillis());
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(90));
        }
        Instant end = Instant.now();

        // Recovery without a restart: the same process acknowledges writes again.
        await("the node writes again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> write(api, "F-0", sequence.incrementAndGet()).acknowledged());
        assertThat(node.isAlive()).isTrue();
        assertThat(node.pid()).isEqualTo(pid);

        List<Attempt> lost = attempts.stream().filter(Attempt::acknowledged).filter(a -> !written(shop.id(), a))
                .toList();
        List<Attempt> pages = attempts.stream().filter(Attempt::pageOrRedirect).toList();
        List<Attempt> notUnavailable = attempts.stream().filter(a -> !a.acknowledged())
                .filter(a -> a.status() != 503 || !a.retryAfter()).toList();
        Map<Integer, Long> statuses = new TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        long acknowledged = attempts.stream().filter(Attempt::acknowledged).count();
        long unavailable = attempts.stream().filter(a -> a.status() == 503).count();
        long acknowledgedAfterTheCuts = attempts.stream().filter(Attempt::acknowledged)
                .filter(a -> a.at().isAfter(restored)).count();
        log.info("Database fault test: {} requests in {} s (cuts at {} s for {} s and at {} s for {} s; pool time-out"
                + " {} s): {} 2xx, {} 503, {} lost (2xx not in the database), {} pages or redirects, other {};"
                + " by status {}; the proxy dropped {} connections and refused {}", attempts.size(),
                Duration.between(start, end).toSeconds(), Duration.between(start, firstCut).toSeconds(),
                SHORT_CUT.toSeconds(), Duration.between(start, secondCut).toSeconds(), LONG_CUT.toSeconds(),
                POOL_TIMEOUT.toSeconds(), acknowledged, unavailable, lost.size(), pages.size(),
                notUnavailable.size(), statuses, proxy.dropped(), proxy.refused());

        assertThat(lost).as("writes acknowledged and not in the database").isEmpty();
        assertThat(pages).as("pages or redirects under /api/").isEmpty();
        assertThat(notUnavailable).as("refusals other than 503 with Retry-After").isEmpty();
        assertThat(unavailable).as("the cuts were felt: some writes were refused with 503").isPositive();
        assertThat(acknowledgedAfterTheCuts).as("writes acknowledged after the second cut").isPositive();
    }

    /** A point award or an order, alternately, each with a key of its own. */
    private static Attempt write(HttpApi api, String customerCode, int n) {
        boolean points = n % 2 == 0;
        String key = (points ? "fault-pts-" : "FAULT-SO-") + n;
        HttpResponse<String> answer;
        try {
            answer = points
                    ? api.post("/api/v1/loyalty/points", """
                            {"customerCode": "%s", "points": 1, "idempotencyKey": "%s"}""".formatted(customerCode, key))
                    : api.post("/api/v1/orders", """
                            [{"orderNo": "%s", "customerCode": "%s", "orderedAt": "%s", "amount": 9.90}]"""
                            .formatted(key, customerCode, LocalDate.now().minusDays(1)));
        } catch (UncheckedIOException e) {
            return new Attempt(points ? "points" : "order", key, -1, "", false, Instant.now());
        }
        return new Attempt(points ? "points" : "order", key, answer.statusCode(), HttpApi.mediaType(answer),
                answer.headers().firstValue("Retry-After").isPresent(), Instant.now());
    }

    private boolean written(TenantId tenant, Attempt attempt) {
        String sql = attempt.kind().equals("points")
                ? "select count(*) from loyalty_entry where tenant_id = ? and idempotency_key = ?"
                : "select count(*) from customer_order where tenant_id = ? and order_no = ?";
        return jdbc.sql(sql).params(tenant.value(), attempt.key()).query(Integer.class).single() == 1;
    }
}
