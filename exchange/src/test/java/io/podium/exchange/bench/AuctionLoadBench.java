package io.podium.exchange.bench;

import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.server.PodiumServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Load test of the bid endpoint: Podium in this JVM, fast bidders on loopback, wrk as the
 * load generator (all on the same cores). For each outbound client it finds the saturating
 * rate (wrk, closed model, 32 connections) and then runs at about half of it (paced wrk
 * connections) and reads Podium's own HdrHistogram of the exchange overhead: end-to-end
 * time minus the wait for the slowest bidder.
 *
 * <p>Run: {@code ./podium loadtest [--bidders N] [--seconds S] [--clients jdk,undertow,netty]}.
 */
public final class AuctionLoadBench {
    private static final int WARM_UP_SECONDS = 10;
    /** tmax 200 of the request file minus the default 15 ms margin. */
    private static final long DEADLINE_MS = 185;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private AuctionLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int bidders = 3;
        int seconds = 15;
        List<String> clients = List.of("jdk", "undertow", "netty");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bidders":
                    bidders = Integer.parseInt(args[++i]);
                    break;
                case "--seconds":
                    seconds = Integer.parseInt(args[++i]);
                    break;
                case "--clients":
                    clients = List.of(args[++i].split(","));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%d bidder(s) answering at once; one banner imp; wrk on the same cores%n%n", bidders);
        System.out.println("| client | saturating auctions/s | paced rate/s | overhead p50 µs | p99 µs | p99.9 µs | max µs "
                + "| e2e p99 µs | e2e max µs | answers after the deadline | bidder timeouts | non-2xx |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String client : clients) {
            List<FastBidder> dsps = new ArrayList<>();
            for (int b = 0; b < bidders; b++) {
                dsps.add(new FastBidder("dsp" + b, 1.0 + b * 0.25));
            }
            try {
                double saturating = phase(client, dsps, seconds, 32, 0).rps;
                int connections = 16;
                double half = saturating / 2;
                int delayMs = (int) Math.max(1, Math.round(connections * 1000.0 / half));
                // calibrate the pacing once: the delay excludes the response time
                double probe = phase(client, dsps, 3, connections, delayMs).rps;
                delayMs = (int) Math.max(1, Math.round(delayMs * probe / half));
                Result paced = phase(client, dsps, seconds, connections, delayMs);
                long overDeadline = paced.latency.getTotalCount()
                        - paced.latency.getCountBetweenValues(0, DEADLINE_MS * 1_000_000L);
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", client,
                        saturating, paced.rps, micros(paced.overhead, 50), micros(paced.overhead, 99),
                        micros(paced.overhead, 99.9), paced.overhead.getMaxValue() / 1000, micros(paced.latency, 99),
                        paced.latency.getMaxValue() / 1000, overDeadline, paced.late, paced.non2xx);
            } finally {
                for (FastBidder d : dsps) {
                    d.close();
                }
            }
        }
    }

    private record Result(double rps, Histogram overhead, Histogram latency, long late, long non2xx) {
    }

    private static Result phase(String client, List<FastBidder> dsps, int seconds, int connections, int delayMs)
            throws Exception {
        boolean undertow = "undertow".equals(client);
        StringBuilder yaml = new StringBuilder("server: {port: 0, host: 127.0.0.1, io_threads: 2, max_concurrent_auctions: 100000}\n"
                + "notices: {secret: 'load-test-secret-0123456789'}\n"
                + "http_client: {implementation: " + (undertow ? "jdk" : client) + "}\nbidders:\n");
        for (int i = 0; i < dsps.size(); i++) {
            yaml.append("  - {id: dsp").append(i).append(", endpoint: '").append(dsps.get(i).endpoint()).append("'}\n");
        }
        PodiumConfig config = io.podium.exchange.testing.TestConfigs.load(yaml.toString());
        PodiumServer created = new PodiumServer(config, Clock.systemUTC());
        if (undertow) {
            created.outboundHttp(new UndertowOutboundHttp("Podium-bench"));
        }
        try (PodiumServer server = created.start()) {
            String url = "http://127.0.0.1:" + server.port() + "/openrtb2/auction";
            runWrk(url, WARM_UP_SECONDS, connections, delayMs); // warm-up (JIT), discarded
            Histogram overheadBefore = server.metrics().histogram(MetricName.EXCHANGE_OVERHEAD);
            Histogram latencyBefore = server.metrics().histogram(MetricName.AUCTION_LATENCY);
            long lateBefore = late(server, dsps.size());
            String out = runWrk(url, seconds, connections, delayMs);
            Histogram overhead = server.metrics().histogram(MetricName.EXCHANGE_OVERHEAD);
            overhead.subtract(overheadBefore);
            Histogram latency = server.metrics().histogram(MetricName.AUCTION_LATENCY);
            latency.subtract(latencyBefore);
            return new Result(parse(RPS, out), overhead, latency, late(server, dsps.size()) - lateBefore,
                    (long) parse(NON2XX, out));
        }
    }

    private static long late(PodiumServer server, int bidders) {
        long n = 0;
        for (int i = 0; i < bidders; i++) {
            n += server.metrics().count(MetricName.BIDDER_TIMEOUTS, "bidder", "dsp" + i);
        }
        return n;
    }

    private static String runWrk(String url, int seconds, int connections, int delayMs) throws IOException, InterruptedException {
        Path script = Files.createTempFile("podium-wrk", ".lua");
        String body = new String(AuctionLoadBench.class.getResourceAsStream("/bench/banner-request.json").readAllBytes(),
                StandardCharsets.UTF_8).trim().replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = \"" + body + "\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + (delayMs > 0 ? "function delay()\n  return " + delayMs + "\nend\n" : ""));
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "2s",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.deleteIfExists(script);
        return out;
    }

    private static double parse(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000;
    }
}
