package com.tierpilot.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real application node: a JVM of its own running TierPilot from the test class path on loopback, with its own
 * port, Quartz instance id and log file, on the mysql profile (a database that several processes can share).
 */
public final class AppNode {

    private static final Logger log = LoggerFactory.getLogger(AppNode.class);

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;

    private AppNode(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts a node on the database at {@code url}; {@code extraArguments} are further Spring Boot arguments
     * ({@code --name=value}). Returns at once: see {@link #awaitStarted}.
     */
    public static AppNode start(String name, String url, String username, String password,
            String... extraArguments) throws IOException {
        return startMain(name, "com.tierpilot.TierPilotApplication", url, username, password, extraArguments);
    }

    /** {@link #start(String, String, String, String, String...)} with a main class of the test class path. */
    public static AppNode startMain(String name, String mainClass, String url, String username, String password,
            String... extraArguments) throws IOException {
        int port = freePort();
        Path logFile = Files.createTempFile("tierpilot-" + name + "-", ".log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                mainClass, "--spring.profiles.active=mysql", "--server.address=127.0.0.1",
                "--server.port=" + port, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username, "--spring.datasource.password=" + password,
                "--tierpilot.node-name=" + name, "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=2000", "--tierpilot.demo.enabled=false",
                "--logging.level.root=WARN", "--logging.level.com.tierpilot=INFO",
                "--logging.level.org.springframework.boot.StartupInfoLogger=INFO"));
        command.addAll(List.of(extraArguments));
        log.info("Starting {} on port {}, log {}", name, port, logFile);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        return new AppNode(name, port, logFile, builder.start());
    }

    /** Waits until the node has started; fails when it dies or takes longer than {@code timeout}. */
    public void awaitStarted(Duration timeout) {
        await(name + " started (see " + logFile + ")").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(process.isAlive()).as(name + " died; see " + logFile).isTrue();
                    return Files.readString(logFile).contains("Started TierPilotApplication");
                });
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The address of {@code path} on this node. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Sends the node a line on its standard input. */
    public void send(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until the node has ended by itself; returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as(name + " did not end in time; see "
                + logFile).isTrue();
        return process.exitValue();
    }

    /** Kills the node at once (SIGKILL, as {@code kill -9}: no shutdown hook runs) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " killed").isTrue();
    }

    /** Stops the node (SIGTERM), and kills it when it has not stopped after 30 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
