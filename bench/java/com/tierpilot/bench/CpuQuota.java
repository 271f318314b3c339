package com.tierpilot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux control group that holds its processes to a share of the CPU ({@code cpu.cfs_quota_us} on cgroup v1,
 * {@code cpu.max} on v2), so that one machine can stand in for several small hosts: each node of a cluster gets its
 * own group, the database none. Needs write access to {@code /sys/fs/cgroup} (root, no read-only mount).
 */
final class CpuQuota implements AutoCloseable {

    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final long PERIOD_US = 100_000;

    private final Path group;
    private final Path root;

    private CpuQuota(Path root, Path group) {
        this.root = root;
        this.group = group;
    }

    /** Creates (or reuses) the group {@code name} with {@code cpus} CPUs' worth of time per period. */
    static CpuQuota create(String name, double cpus) throws IOException {
        long quota = Math.round(cpus * PERIOD_US);
        if (Files.isRegularFile(V1.resolve("cpu.cfs_quota_us"))) {
            Path group = Files.createDirectories(V1.resolve(name));
            Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            return new CpuQuota(V1, group);
        }
        Path controllers = V2.resolve("cgroup.controllers");
        if (Files.isRegularFile(controllers) && Files.readString(controllers).contains("cpu")) {
            Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
            Path group = Files.createDirectories(V2.resolve(name));
            Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_US);
            return new CpuQuota(V2, group);
        }
        throw new IOException("No writable cgroup cpu controller under /sys/fs/cgroup: --node-cpus needs one");
    }

    /** Moves the process (all its threads) into the group. */
    void add(long pid) throws IOException {
        Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
    }

    /** Moves {@code pid} back to the root group (a group with processes cannot be removed). */
    void release(long pid) throws IOException {
        Files.writeString(root.resolve("cgroup.procs"), Long.toString(pid));
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(group);
    }
}
