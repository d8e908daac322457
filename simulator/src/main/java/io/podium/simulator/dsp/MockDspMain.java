package io.podium.simulator.dsp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts mock DSPs standalone and prints one line per DSP: its id and its bid endpoint.
 *
 * <pre>
 * MockDspMain [--host 127.0.0.1] [--port 0] [--seed 1] [--count 3] [--bid-rate 0.8]
 *             [--median-cpm 2.0] [--latency-ms 20]
 * MockDspMain --config dsps.yaml
 * </pre>
 *
 * With {@code --count}, DSP {@code i} is named {@code dsp-i}, listens on {@code port + i}
 * (or an ephemeral port when {@code --port} is 0) and uses seed {@code seed + i}. A config
 * file looks like
 * <pre>
 * host: 127.0.0.1
 * dsps:
 *   - {id: dsp-a, port: 9001, seed: 7, bidRate: 0.7, price: {medianCpm: 3.0, sigma: 0.5}}
 *   - {id: dsp-b, faults: {timeout: 0.05, timeoutDelayMs: 2000, serverError: 0.02}}
 * </pre>
 * where each entry is a {@link DspProfile#fromMap profile} plus optional {@code port} and
 * {@code seed}. Runs until interrupted.
 */
public final class MockDspMain {
    private MockDspMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<MockDsp> dsps;
        try {
            dsps = startAll(args, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("mock-dsp: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dsps.forEach(MockDsp::close);
            stopped.countDown();
        }, "mock-dsp-shutdown"));
        stopped.await();
    }

    /**
     * Starts the DSPs the arguments describe and prints their endpoints to {@code out}.
     * On a bad argument nothing stays started.
     *
     * @throws IllegalArgumentException on an unknown option or invalid value
     * @throws IOException              when the config file cannot be read
     */
    public static List<MockDsp> startAll(String[] args, PrintStream out) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!List.of("--config", "--host", "--port", "--seed", "--count", "--bid-rate", "--median-cpm",
                    "--latency-ms").contains(key)) {
                throw new IllegalArgumentException("unknown option " + key + "; see the class documentation");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            opts.put(key, args[++i]);
        }
        String host = opts.getOrDefault("--host", "127.0.0.1");
        List<Spec> specs = opts.containsKey("--config") ? fromYaml(Path.of(opts.get("--config")), host) : fromOptions(opts, host);
        List<MockDsp> started = new ArrayList<>();
        try {
            for (Spec s : specs) {
                MockDsp dsp = MockDsp.start(s.profile, s.seed, s.host, s.port);
                started.add(dsp);
                out.println(s.profile.id() + " " + dsp.endpoint() + " seed=" + s.seed);
            }
        } catch (RuntimeException e) {
            started.forEach(MockDsp::close);
            throw e;
        }
        return started;
    }

    private record Spec(DspProfile profile, long seed, String host, int port) {
    }

    private static List<Spec> fromOptions(Map<String, String> opts, String host) {
        int count = (int) parseLong(opts, "--count", 1);
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("--count must be within 1..1000, got " + count);
        }
        int port = (int) parseLong(opts, "--port", 0);
        long seed = parseLong(opts, "--seed", 1);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DspProfile.Builder b = DspProfile.builder("dsp-" + i);
            if (opts.containsKey("--bid-rate")) {
                b.bidRate(parseDouble(opts, "--bid-rate"));
            }
            if (opts.containsKey("--median-cpm")) {
                b.price(new DspProfile.Price(parseDouble(opts, "--median-cpm"), 0.5));
            }
            if (opts.containsKey("--latency-ms")) {
                b.latency(new DspProfile.Latency(parseDouble(opts, "--latency-ms"), 0.4, 0.01, 10));
            }
            specs.add(new Spec(b.build(), seed + i, host, port == 0 ? 0 : port + i));
        }
        return specs;
    }

    @SuppressWarnings("unchecked")
    private static List<Spec> fromYaml(Path file, String defaultHost) throws IOException {
        Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file), Map.class);
        if (root == null || !(root.get("dsps") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs a non-empty list 'dsps'");
        }
        String host = root.get("host") == null ? defaultHost : String.valueOf(root.get("host"));
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(file + ": dsps[" + i + "] must be a map");
            }
            Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) entry);
            Object port = profile.remove("port");
            Object seed = profile.remove("seed");
            try {
                specs.add(new Spec(DspProfile.fromMap(profile), seed instanceof Number n ? n.longValue() : 1 + i, host,
                        port instanceof Number n ? n.intValue() : 0));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": dsps[" + i + "]: " + e.getMessage(), e);
            }
        }
        return specs;
    }

    private static long parseLong(Map<String, String> opts, String key, long fallback) {
        String v = opts.get(key);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
    }

    private static double parseDouble(Map<String, String> opts, String key) {
        String v = opts.get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }
}
