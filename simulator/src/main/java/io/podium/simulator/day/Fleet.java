package io.podium.simulator.day;

import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.server.PodiumServer;
import io.podium.simulator.dsp.MockDsp;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exchange nodes of the day: real {@link PodiumServer}s on loopback, each with its own port,
 * data directory (charge journal) and the shared simulated clock, all on one Redis. A node can be
 * killed (its server stops at once: in-flight requests fail, unflushed charges stay in its
 * journal) and restarted on the same port and data, as after a crash. Requests and notices go to
 * live nodes only, as a load balancer would send them.
 */
final class Fleet implements AutoCloseable {
    /** Shared secrets: notices and SSAI tokens signed on one node verify on every other. */
    static final String NOTICE_SECRET = "simulated-day-notice-secret-0123456789";
    static final String SSAI_SECRET = "simulated-day-ssai-secret-0123456789";
    private static final String[] ERROR_KINDS = {"connect", "http_status", "malformed", "invalid", "too_large"};

    private final Scenario scenario;
    private final CompressedClock clock;
    private final Path dir;
    private final String redisAddress;
    private final List<MockDsp> dsps;
    private final ContentOrigin origin;
    private final PodiumServer[] servers;
    private final int[] ports;
    private final long tickMillis;
    private final AtomicInteger next = new AtomicInteger();
    /** Bidder counts of node incarnations that are gone: bidder → requests, bids, timeouts, errors. */
    private final Map<String, long[]> retired = new LinkedHashMap<>();
    /** Campaign billing notices of gone incarnations: ledger result → micros. */
    private final Map<String, Long> retiredCharges = new LinkedHashMap<>();
    private static final String[] SETTLEMENTS = {"charged_reservation", "charged_remote", "charged_from_bucket",
        "duplicate", "refused_no_budget"};

    Fleet(Scenario scenario, CompressedClock clock, Path dir, String redisAddress, List<MockDsp> dsps,
          ContentOrigin origin) {
        this.scenario = scenario;
        this.clock = clock;
        this.dir = dir;
        this.redisAddress = redisAddress;
        this.dsps = dsps;
        this.origin = origin;
        this.servers = new PodiumServer[scenario.nodes()];
        this.ports = new int[scenario.nodes()];
        // a pacing step every five simulated seconds, at most 200 per real second
        this.tickMillis = Math.max(5, Math.round(5_000 / clock.compression()));
        for (MockDsp d : dsps) {
            retired.put(d.profile().id(), new long[4]);
        }
    }

    void startAll() {
        for (int i = 0; i < servers.length; i++) {
            start(i);
        }
    }

    private synchronized void start(int i) {
        String yaml = config(i, ports[i]);
        PodiumServer s = new PodiumServer(ConfigLoader.fromYaml(yaml, Map.of()), clock).pacingTickMillis(tickMillis);
        s.start();
        ports[i] = s.port();
        servers[i] = s;
    }

    /** The node's configuration: the documented defaults but for what the simulation sets. */
    private String config(int i, int port) {
        StringBuilder sb = new StringBuilder();
        sb.append("server: {host: 127.0.0.1, port: ").append(port).append(", worker_threads: 8}\n");
        sb.append("notices: {secret: \"").append(NOTICE_SECRET).append("\"}\n");
        sb.append("pacing: {redis: [\"").append(redisAddress).append("\"], data_dir: \"")
                .append(dir.resolve("node-" + i).toString().replace("\\", "/")).append("\"");
        scenario.pacing().forEach((k, v) -> sb.append(", ").append(k).append(": ").append(v));
        sb.append("}\n");
        sb.append("ssai: {origins: [\"").append(origin.base()).append("\"], allow_private_ad_hosts: true, secret: \"")
                .append(SSAI_SECRET).append("\"}\n");
        sb.append("advertisers:\n");
        for (String adv : advertisers()) {
            sb.append("  - {id: \"").append(adv).append("\", token: \"").append(token(adv)).append("\"}\n");
        }
        sb.append("bidders:\n");
        for (MockDsp d : dsps) {
            sb.append("  - {id: \"").append(d.profile().id()).append("\", endpoint: \"").append(d.endpoint())
                    .append("\", media_types: [banner, video]}\n");
        }
        return sb.toString();
    }

    Set<String> advertisers() {
        Set<String> a = new TreeSet<>();
        scenario.campaigns().forEach(c -> a.add(c.advertiser()));
        return a;
    }

    static String token(String advertiser) {
        return "simulated-token-" + advertiser + "-0123456789";
    }

    /** A live node, round robin; null when every node is down. */
    synchronized PodiumServer pick() {
        for (int k = 0; k < servers.length; k++) {
            PodiumServer s = servers[Math.floorMod(next.getAndIncrement(), servers.length)];
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    int size() {
        return servers.length;
    }

    synchronized int live() {
        int n = 0;
        for (PodiumServer s : servers) {
            n += s == null ? 0 : 1;
        }
        return n;
    }

    synchronized List<PodiumServer> liveServers() {
        List<PodiumServer> out = new ArrayList<>();
        for (PodiumServer s : servers) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Where a notice URL issued by one node is sent: to that node if it is live and the draw
     * keeps it there, else to another live node (the URL is the same but for the port: every
     * node verifies every node's signatures). URLs of other hosts (a DSP's own pixel) are left alone.
     */
    synchronized URI route(URI notice, boolean elsewhere) {
        boolean ours = false;
        for (int p : ports) {
            ours |= p == notice.getPort();
        }
        if (!ours) {
            return notice;
        }
        List<Integer> live = new ArrayList<>();
        int own = -1;
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] != null) {
                live.add(ports[i]);
                if (ports[i] == notice.getPort()) {
                    own = ports[i];
                }
            }
        }
        if (live.isEmpty()) {
            return notice;
        }
        int port = own;
        if (own < 0 || elsewhere && live.size() > 1) {
            List<Integer> others = live.stream().filter(p -> p != notice.getPort()).toList();
            port = others.get(Math.floorMod(next.getAndIncrement(), others.size()));
        }
        return URI.create(notice.getScheme() + "://" + notice.getHost() + ":" + port + notice.getRawPath()
                + (notice.getRawQuery() == null ? "" : "?" + notice.getRawQuery()));
    }

    /** Stops node {@code i} at once, keeping its data directory. */
    synchronized void kill(int i) {
        PodiumServer s = servers[i];
        if (s != null) {
            servers[i] = null;
            retire(s.metrics());
            s.close();
        }
    }

    /** Starts node {@code i} again on its port and data (its journal's unflushed charges go to Redis). */
    void restart(int i) {
        if (servers[i] == null) {
            start(i);
        }
    }

    private void retire(Metrics m) {
        for (String r : SETTLEMENTS) {
            retiredCharges.merge(r, m.count(MetricName.CAMPAIGN_CHARGE_MICROS, "result", r), Long::sum);
        }
        retired.forEach((id, c) -> {
            long[] now = counts(m, id);
            for (int k = 0; k < c.length; k++) {
                c[k] += now[k];
            }
        });
    }

    private static long[] counts(Metrics m, String bidder) {
        long errors = 0;
        for (String kind : ERROR_KINDS) {
            errors += m.count(MetricName.BIDDER_ERRORS, "bidder", bidder, "kind", kind);
        }
        return new long[] {m.count(MetricName.BIDDER_REQUESTS, "bidder", bidder),
                m.count(MetricName.BIDDER_BIDS, "bidder", bidder), m.count(MetricName.BIDDER_TIMEOUTS, "bidder", bidder),
                errors};
    }

    /** Forgets the bidder counts so far (the warm-up's): {@link #bidderTotals} counts from now on. */
    synchronized void resetBidderTotals() {
        Map<String, long[]> now = bidderTotals();
        now.forEach((id, c) -> {
            long[] r = retired.get(id);
            for (int k = 0; k < c.length; k++) {
                r[k] -= c[k];
            }
        });
    }

    /** Per bidder over every node and incarnation: requests, bids, timeouts, errors. */
    synchronized Map<String, long[]> bidderTotals() {
        Map<String, long[]> out = new LinkedHashMap<>();
        retired.forEach((id, c) -> {
            long[] sum = c.clone();
            for (PodiumServer s : servers) {
                if (s != null) {
                    long[] now = counts(s.metrics(), id);
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += now[k];
                    }
                }
            }
            out.put(id, sum);
        });
        return out;
    }

    /** Micros carried by campaign billing notices over every node and incarnation, by what the ledger did. */
    synchronized Map<String, Long> chargeTotals() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String r : SETTLEMENTS) {
            long sum = retiredCharges.getOrDefault(r, 0L);
            for (PodiumServer s : servers) {
                if (s != null) {
                    sum += s.metrics().count(MetricName.CAMPAIGN_CHARGE_MICROS, "result", r);
                }
            }
            out.put(r, sum);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < servers.length; i++) {
            kill(i);
        }
    }
}
