package com.tierpilot.bench;

import com.tierpilot.TierPilotApplication;
import com.tierpilot.scheduling.TenantScheduleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly run of many tenants all due at the same moment, on the clustered Quartz scheduler: by default 1,000
 * tenants with 1,000 customers and 10 orders each (10,000,000 orders). Two nights that are not measured warm up
 * both JVMs and give every tenant a last run to compare with: one on node 1 (this JVM), one on node 2 (a second JVM
 * started like a real node, against the same schema). The measured nights: one on both nodes, then one on node 1
 * after node 2 has stopped. Each measures the wall time from the moment all tenants are due to the end of the last tenant's pipeline
 * (recompute and prediction). Prints both figures and their ratio.
 *
 * <p>{@code -Dbench.args="--tenants 100"} for a smaller run; {@code --prediction false} leaves the prediction step
 * out (the pipeline is then the recompute alone).
 *
 * <p>{@code --node-cpus 0.5} holds each node to half a CPU with a cgroup quota, the database to none: one machine
 * standing in for one small host per node and a database server. Without it, both nodes and the database share the
 * machine's cores, and a second node adds Quartz threads but no CPU once the first node and the database use them
 * all. Each round prints the CPU time each node and the database used.
 */
public final class NightlyBench {

    private static final String SCHEMA = "tp_quartz_bench";

    private static String threadCount = "";

    public static void main(String[] args) throws Exception {
        int tenants = 1_000;
        int customers = 1_000;
        int orders = 10;
        boolean prediction = true;
        int threads = 0;
        double nodeCpus = 0;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--tenants" -> tenants = Integer.parseInt(args[i + 1]);
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--prediction" -> prediction = Boolean.parseBoolean(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--node-cpus" -> nodeCpus = Double.parseDouble(args[i + 1]);
                default -> { }
            }
        }
        String url = BenchDatabase.recreate(SCHEMA);
        // --threads N: N Quartz threads per node (default: as shipped), for a node whose own capacity is the limit.
        threadCount = threads > 0 ? "--spring.quartz.properties.org.quartz.threadPool.threadCount=" + threads
                : "--tierpilot.bench.threads=shipped";
        CpuQuota quota1 = nodeCpus > 0 ? CpuQuota.create("tierpilot-bench-node-1", nodeCpus) : null;
        CpuQuota quota2 = nodeCpus > 0 ? CpuQuota.create("tierpilot-bench-node-2", nodeCpus) : null;
        long self = ProcessHandle.current().pid();
        try (ConfigurableApplicationContext app = node(url, "bench-1", prediction)) {
            long load = System.nanoTime();
            generate(tenants, customers, orders);
            System.out.printf("Loaded %,d tenants, %,d customers, %,d orders in %.0f s%n", tenants,
                    (long) tenants * customers, (long) tenants * customers * orders, seconds(load));
            app.getBean(TenantScheduleService.class).reconcile();
            Scheduler scheduler = app.getBean(Scheduler.class);
            // Every measured night is a tenant's next night (it compares with the last run and logs tier changes),
            // on JVMs past their JIT warm-up: first a night on node 1 alone, then one on node 2 alone, not measured.
            List<Long> ids = tenantIds();
            double first = round(scheduler, ids, "first-night", Instant.now().plusSeconds(2), true);
            System.out.printf("Warm-up night on node 1 (not measured, no quota): %.1f s%n", first);
            Process second = startSecondNode(url, prediction);
            double one;
            double two;
            try {
                awaitNode(scheduler, "bench-2");
                double warm = round(scheduler, ids, "warm-up-2", Instant.now().plusSeconds(2), false);
                System.out.printf("Warm-up night on node 2 (not measured, no quota): %.1f s%n", warm);
                if (quota1 != null) {
                    quota1.add(self);
                    quota2.add(second.pid());
                    System.out.printf("Each node held to %.2f CPU (cgroup quota); the database unlimited%n",
                            nodeCpus);
                }
                Instant twoDue = Instant.now().plusSeconds(5);
                CpuClock cpu = new CpuClock(ProcessHandle.current(), second.toHandle());
                two = round(scheduler, ids, "two-nodes", twoDue, true);
                System.out.printf("Two nodes: %d tenants in %.1f s (%.2f tenants/s); per node: %s; CPU %s%n", tenants,
                        two, tenants / two, perNode(twoDue), cpu.used());
            } finally {
                second.destroy();
                second.waitFor();
            }
            Instant oneDue = Instant.now().plusSeconds(5);
            CpuClock cpu = new CpuClock(ProcessHandle.current(), null);
            one = round(scheduler, ids, "one-node", oneDue, true);
            System.out.printf("One node: %d tenants in %.1f s (%.2f tenants/s); %s; CPU %s%n", tenants, one,
                    tenants / one, perNode(oneDue), cpu.used());
            System.out.printf("Ratio one node / two nodes: %.2f%n", one / two);
        } finally {
            if (quota1 != null) {
                quota1.release(self);
                quota1.close();
                quota2.close();
            }
        }
    }

    /** CPU seconds used since construction by node 1 (this JVM), node 2 (if running) and the database server. */
    private record CpuClock(ProcessHandle node1, ProcessHandle node2, double start1, double start2, double startDb) {

        CpuClock(ProcessHandle node1, ProcessHandle node2) {
            this(node1, node2, cpu(node1), cpu(node2), cpu(database()));
        }

        String used() {
            String nodes = node2 == null ? String.format("node %.0f s", cpu(node1) - start1)
                    : String.format("nodes %.0f + %.0f s", cpu(node1) - start1, cpu(node2) - start2);
            return nodes + String.format(", database %.0f s", cpu(database()) - startDb);
        }

        private static ProcessHandle database() {
            return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("mariadbd")
                    || p.info().command().orElse("").endsWith("mysqld")).findFirst().orElse(null);
        }

        private static double cpu(ProcessHandle process) {
            return process == null ? 0 : process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0)
                    .orElse(Double.NaN);
        }
    }

    private static ConfigurableApplicationContext node(String url, String name, boolean prediction) {
        // Command-line arguments: they win over application.properties (default properties would not).
        return new SpringApplicationBuilder(TierPilotApplication.class).web(WebApplicationType.SERVLET)
                .profiles("mysql").run("--spring.datasource.url=" + url, "--spring.datasource.username=root",
                        "--spring.datasource.password=", "--server.port=0", "--tierpilot.demo.enabled=false",
                        "--spring.quartz.auto-startup=false", "--tierpilot.node-name=" + name,
                        "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
                        "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=2000",
                        "--tierpilot.prediction.after-recompute=" + prediction, threadCount,
                        "--logging.level.root=WARN", "--logging.level.com.tierpilot=WARN");
    }

    /**
     * Puts one trigger per tenant, all due at the same second, starts this node's scheduler (unless {@code here} is
     * false: then only the other node runs them), and waits until every tenant's run has finished.
     */
    private static double round(Scheduler scheduler, List<Long> ids, String name, Instant due, boolean here)
            throws Exception {
        int tenants = ids.size();
        scheduler.standby();
        for (long id : ids) {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-" + id, "bench")
                    .forJob(JobKey.jobKey("tenant-" + id, "nightly")).usingJobData("trigger", "SCHEDULE")
                    .usingJobData("attempt", 1).startAt(Date.from(due))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            scheduler.scheduleJob(trigger);
        }
        if (here) {
            scheduler.start();
        }
        while (true) {
            Thread.sleep(1000);
            try (Connection c = BenchDatabase.loadingConnection(SCHEMA); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), sum(status = 'RUNNING'), max(finished_at)"
                            + " from nightly_run where started_at >= '" + Timestamp.from(due.minusSeconds(1))
                            + "'")) {
                rs.next();
                int started = rs.getInt(1);
                int running = rs.getInt(2);
                if (started >= tenants && running == 0) {
                    Instant last = rs.getTimestamp(3).toInstant();
                    return Duration.between(due, last).toMillis() / 1000.0;
                }
            }
        }
    }

    private static String perNode(Instant due) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(SCHEMA); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select node, count(*), sum(status = 'FAILED') from nightly_run"
                        + " where started_at >= '" + Timestamp.from(due.minusSeconds(1)) + "' group by node"
                        + " order by node")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " runs (failed " + rs.getInt(3) + ")");
            }
            return String.join(", ", rows);
        }
    }

    private static List<Long> tenantIds() throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(SCHEMA); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from tenant order by id")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    /** Tenants, customers and orders straight in SQL (MariaDB's sequence tables), 100 tenants per statement. */
    private static void generate(int tenants, int customers, int orders) throws Exception {
        try (Connection c = BenchDatabase.loadingConnection(SCHEMA); Statement s = c.createStatement()) {
            s.execute("set foreign_key_checks = 0, unique_checks = 0");
            s.executeUpdate("insert into tenant (name, time_zone, currency, locale, active, created_at)"
                    + " select concat('Bench ', seq), if(seq % 2 = 0, 'Asia/Shanghai', 'America/New_York'), 'CNY',"
                    + " 'en', true, now(6) from seq_1_to_" + tenants);
            for (int from = 1; from <= tenants; from += 100) {
                int to = Math.min(tenants, from + 99);
                s.executeUpdate("insert into customer (tenant_id, code, name, region, created_on, created_at,"
                        + " updated_at) select t.id, concat('C', lpad(q.seq, 6, '0')), concat('Customer ', q.seq),"
                        + " 'East', '2024-01-01', now(6), now(6) from tenant t join seq_1_to_" + customers
                        + " q where t.id between " + from + " and " + to);
                s.executeUpdate("insert into customer_order (tenant_id, order_no, customer_id, ordered_at,"
                        + " order_date, amount, quantity, status, created_at)"
                        + " select c.tenant_id, concat(c.code, '-', o.seq), c.id,"
                        + " date_sub(date(now()), interval (1 + (c.id * 7 + o.seq * 37) % 700) day),"
                        + " date_sub(date(now()), interval (1 + (c.id * 7 + o.seq * 37) % 700) day),"
                        + " 1 + ((c.id * 37 + o.seq * 11) % 50000) / 100, 1, 'COMPLETED', now(6)"
                        + " from customer c join seq_1_to_" + orders + " o where c.tenant_id between " + from
                        + " and " + to);
                // The order summary a run as of today reads, as the order writers would have kept it (all orders
                // completed; no summary window yet, so the window's figures are the lifetime ones).
                s.executeUpdate("insert into customer_order_summary (tenant_id, customer_id, window_orders,"
                        + " window_revenue, first_order, last_order, orders, revenue, first_active, last_active)"
                        + " select tenant_id, customer_id, count(*), sum(amount), min(order_date), max(order_date),"
                        + " count(*), sum(amount), min(order_date), max(order_date) from customer_order"
                        + " where tenant_id between " + from + " and " + to + " group by tenant_id, customer_id");
                System.out.printf("  tenants %d-%d loaded%n", from, to);
            }
        }
    }

    private static Process startSecondNode(String url, boolean prediction) throws Exception {
        Path log = Files.createTempFile("nightly-bench-node-2-", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m", "-cp", System.getProperty("java.class.path"), TierPilotApplication.class.getName(),
                "--spring.profiles.active=mysql", "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=root", "--spring.datasource.password=", "--tierpilot.demo.enabled=false",
                "--tierpilot.node-name=bench-2", "--tierpilot.prediction.after-recompute=" + prediction, threadCount,
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=bench-2",
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=2000",
                "--logging.level.root=WARN");
        System.out.println("Second node log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the other node checks in to the cluster. */
    private static void awaitNode(Scheduler scheduler, String instance) throws Exception {
        scheduler.standby();
        for (int i = 0; i < 600; i++) {
            try (Connection c = BenchDatabase.loadingConnection(SCHEMA); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from QRTZ_SCHEDULER_STATE where INSTANCE_NAME = '"
                            + instance + "'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(instance + " did not join the cluster");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
