package io.podium.pacing.testing;

import io.podium.pacing.redis.RedisServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real three-master Redis Cluster of {@link RedisServerProcess}es on loopback, for tests. */
public final class RedisClusterProcesses implements AutoCloseable {
    private final List<RedisServerProcess> nodes;

    private RedisClusterProcesses(List<RedisServerProcess> nodes) {
        this.nodes = nodes;
    }

    public static RedisClusterProcesses start() throws IOException, InterruptedException {
        List<RedisServerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(RedisServerProcess.start(List.of("--cluster-enabled", "yes", "--cluster-config-file",
                    "nodes.conf", "--cluster-node-timeout", "2000")));
        }
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        for (RedisServerProcess n : nodes) {
            cmd.add("127.0.0.1:" + n.port());
        }
        cmd.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("redis-cli --cluster create failed:\n" + out);
        }
        RedisClusterProcesses cluster = new RedisClusterProcesses(nodes);
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            if (cluster.allOk()) {
                return cluster;
            }
            Thread.sleep(100);
        }
        cluster.close();
        throw new IOException("the cluster did not reach cluster_state:ok");
    }

    private boolean allOk() throws IOException, InterruptedException {
        for (RedisServerProcess n : nodes) {
            Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(n.port()), "cluster", "info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (!out.contains("cluster_state:ok")) {
                return false;
            }
        }
        return true;
    }

    public List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (RedisServerProcess n : nodes) {
            out.add(n.address());
        }
        return out;
    }

    @Override
    public void close() {
        for (RedisServerProcess n : nodes) {
            n.close();
        }
    }
}
