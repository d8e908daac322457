package io.podium.simulator.day;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.podium.simulator.dsp.DspProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Scenario} from YAML. Unknown keys, wrong types and values out of range are
 * refused with a message naming the key ({@code traffic.render_rate: must be within 0..1, got 2}).
 */
public final class ScenarioReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioReader() {
    }

    /** The problem with a scenario file, naming the key. */
    public static final class ScenarioException extends RuntimeException {
        ScenarioException(String message) {
            super(message);
        }
    }

    public static Scenario read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    public static Scenario parse(String yaml, String source) {
        Object root;
        try {
            root = YAML.readValue(yaml, Object.class);
        } catch (IOException e) {
            throw new ScenarioException(source + ": not YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScenarioException(source + ": the scenario must be a mapping");
        }
        Node n = new Node(map, "", source);
        n.allow("name", "seed", "day", "real_seconds", "nodes", "traffic", "dsps", "campaigns", "faults", "pacing", "held_to");
        List<String> heldTo = n.strings("held_to", Scenario.TARGETS);
        for (String h : heldTo) {
            if (!Scenario.TARGETS.contains(h)) {
                throw n.fail("held_to", "targets are " + String.join(", ", Scenario.TARGETS) + "; got " + h);
            }
        }
        Node pn = n.child("pacing");
        pn.allow(Scenario.PACING_KEYS.stream().sorted().toArray(String[]::new));
        java.util.Map<String, Long> pacing = new java.util.TreeMap<>();
        for (String k : Scenario.PACING_KEYS) {
            if (pn.map.containsKey(k)) {
                pacing.put(k, pn.integer(k, null, 0, 86_400));
            }
        }
        Node t = n.child("traffic");
        t.allow("requests_per_day", "mix", "publishers", "render_rate", "cross_node_notices", "tmax_ms", "max_in_flight",
                "banner_imps");
        Node mix = t.child("mix");
        mix.allow("banner", "video", "pod", "ssai");
        double banner = mix.number("banner", 0.6, 0, 1);
        double video = mix.number("video", 0.25, 0, 1);
        double pod = mix.number("pod", 0.1, 0, 1);
        double ssai = mix.number("ssai", 0.05, 0, 1);
        double sum = banner + video + pod + ssai;
        if (Math.abs(sum - 1) > 1e-6) {
            throw new ScenarioException(source + ": traffic.mix: shares must add up to 1, got " + sum);
        }
        Scenario.Traffic traffic = new Scenario.Traffic(t.integer("requests_per_day", 150_000, 100, 100_000_000),
                banner, video, pod, ssai, (int) t.integer("publishers", 40, 2, 10_000),
                t.number("render_rate", 0.97, 0, 1), t.number("cross_node_notices", 0.1, 0, 1),
                (int) t.integer("tmax_ms", 150, 20, 5_000), (int) t.integer("max_in_flight", 256, 1, 100_000),
                t.map.containsKey("banner_imps") ? t.range("banner_imps", 21) : new int[] {2, 5});
        if (traffic.bannerImps()[0] < 1) {
            throw new ScenarioException(source + ": traffic.banner_imps: at least 1 imp, got " + traffic.bannerImps()[0]);
        }
        List<DspProfile> dsps = new ArrayList<>();
        Set<String> dspIds = new HashSet<>();
        int i = 0;
        for (Map<?, ?> d : n.list("dsps")) {
            try {
                @SuppressWarnings("unchecked")
                DspProfile p = DspProfile.fromMap((Map<String, ?>) d);
                if (!dspIds.add(p.id())) {
                    throw new IllegalArgumentException("duplicate id " + p.id());
                }
                dsps.add(p);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new ScenarioException(source + ": dsps[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        if (dsps.isEmpty()) {
            throw new ScenarioException(source + ": dsps: at least one DSP is needed");
        }
        List<Scenario.CampaignSpec> campaigns = new ArrayList<>();
        Set<String> campaignIds = new HashSet<>();
        i = 0;
        for (Map<?, ?> c : n.list("campaigns")) {
            Node cn = new Node(c, "campaigns[" + i++ + "].", source);
            cn.allow("id", "advertiser", "budget_micros", "max_cpm_micros", "media", "reach", "publishers");
            String id = cn.text("id", null);
            if (!campaignIds.add(id)) {
                throw new ScenarioException(source + ": " + cn.path + "id: duplicate " + id);
            }
            List<String> media = cn.strings("media", List.of("banner"));
            for (String m : media) {
                if (!m.equals("banner") && !m.equals("video")) {
                    throw new ScenarioException(source + ": " + cn.path + "media: banner or video, got " + m);
                }
            }
            campaigns.add(new Scenario.CampaignSpec(id, cn.text("advertiser", "adv-1"),
                    cn.integer("budget_micros", null, 1_000, Long.MAX_VALUE / 4),
                    cn.integer("max_cpm_micros", null, 1_000, 1_000_000_000L), media, cn.number("reach", 0.5, 0.01, 1),
                    cn.range("publishers", traffic.publishers())));
        }
        if (campaigns.size() > 64) {
            throw new ScenarioException(source + ": campaigns: at most 64, got " + campaigns.size());
        }
        List<Scenario.FaultSpec> faults = new ArrayList<>();
        i = 0;
        int nodes = (int) n.integer("nodes", 3, 1, 16);
        for (Map<?, ?> f : n.list("faults")) {
            Node fn = new Node(f, "faults[" + i++ + "].", source);
            fn.allow("kind", "from", "to", "node", "dsp", "factor");
            String kind = fn.text("kind", null);
            LocalTime from = fn.time("from");
            LocalTime to = fn.time("to");
            if (!to.isAfter(from)) {
                throw new ScenarioException(source + ": " + fn.path + "to: must be after from (" + from + ")");
            }
            switch (kind) {
                case Scenario.FaultSpec.REDIS_OUTAGE -> faults.add(new Scenario.FaultSpec(kind, from, to, -1, null, 1));
                case Scenario.FaultSpec.NODE_KILL -> faults.add(new Scenario.FaultSpec(kind, from, to,
                        (int) fn.integer("node", null, 0, nodes - 1), null, 1));
                case Scenario.FaultSpec.DSP_SLOWDOWN -> {
                    String dsp = fn.text("dsp", null);
                    if (!dspIds.contains(dsp)) {
                        throw new ScenarioException(source + ": " + fn.path + "dsp: no DSP " + dsp);
                    }
                    faults.add(new Scenario.FaultSpec(kind, from, to, -1, dsp, fn.number("factor", 5, 0.01, 1_000)));
                }
                default -> throw new ScenarioException(source + ": " + fn.path
                        + "kind: redis_outage, node_kill or dsp_slowdown, got " + kind);
            }
        }
        LocalDate day;
        try {
            day = LocalDate.parse(n.text("day", "2026-11-23"));
        } catch (DateTimeParseException e) {
            throw new ScenarioException(source + ": day: expected YYYY-MM-DD, got " + n.map.get("day"));
        }
        return new Scenario(n.text("name", "unnamed"), n.integer("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE), day,
                (int) n.integer("real_seconds", 240, 10, 86_400), nodes, traffic, dsps, campaigns, faults, pacing, heldTo);
    }

    /** One mapping of the YAML, with its path for messages. */
    private static final class Node {
        final Map<?, ?> map;
        final String path;
        final String source;

        Node(Map<?, ?> map, String path, String source) {
            this.map = map;
            this.path = path;
            this.source = source;
        }

        void allow(String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Object k : map.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    throw fail(String.valueOf(k), "unknown key (known: " + String.join(", ", keys) + ")");
                }
            }
        }

        ScenarioException fail(String key, String message) {
            return new ScenarioException(source + ": " + path + key + ": " + message);
        }

        Node child(String key) {
            Object v = map.get(key);
            if (v == null) {
                return new Node(Map.of(), path + key + ".", source);
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw fail(key, "expected a mapping");
            }
            return new Node(m, path + key + ".", source);
        }

        List<Map<?, ?>> list(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw fail(key, "expected a list");
            }
            List<Map<?, ?>> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw fail(key, "every entry must be a mapping");
                }
                out.add(m);
            }
            return out;
        }

        String text(String key, String dflt) {
            Object v = map.get(key);
            if (v == null) {
                if (dflt == null) {
                    throw fail(key, "required");
                }
                return dflt;
            }
            if (v instanceof Map || v instanceof List) {
                throw fail(key, "expected a string");
            }
            return String.valueOf(v);
        }

        List<String> strings(String key, List<String> dflt) {
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (!(v instanceof List<?> l) || l.isEmpty()) {
                throw fail(key, "expected a non-empty list");
            }
            return l.stream().map(String::valueOf).toList();
        }

        long integer(String key, Number dflt, long min, long max) {
            Object v = map.get(key);
            if (v == null) {
                if (dflt == null) {
                    throw fail(key, "required");
                }
                return dflt.longValue();
            }
            if (!(v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger)) {
                throw fail(key, "expected an integer, got " + v);
            }
            long x = ((Number) v).longValue();
            if (x < min || x > max) {
                throw fail(key, "must be within " + min + ".." + max + ", got " + x);
            }
            return x;
        }

        double number(String key, double dflt, double min, double max) {
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (!(v instanceof Number num)) {
                throw fail(key, "expected a number, got " + v);
            }
            double x = num.doubleValue();
            if (!(x >= min && x <= max)) {
                throw fail(key, "must be within " + min + ".." + max + ", got " + x);
            }
            return x;
        }

        /** {@code "a-b"}: a to b inclusive, within {@code 0..count-1} (publisher indexes, imp counts); null when absent. */
        int[] range(String key, int count) {
            if (!map.containsKey(key)) {
                return null;
            }
            String s = text(key, null).trim();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*-\\s*(\\d+)").matcher(s);
            if (!m.matches()) {
                throw fail(key, "expected \"first-last\", got " + s);
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a > b || b >= count) {
                throw fail(key, "must satisfy first <= last < " + count + ", got " + s);
            }
            return new int[] {a, b};
        }

        LocalTime time(String key) {
            Object v = map.get(key);
            if (v instanceof Integer minutes) {
                // unquoted 10:00 is a YAML 1.1 base-60 integer: 600, the minutes since midnight
                if (minutes < 0 || minutes > 1440) {
                    throw fail(key, "expected HH:MM, got " + minutes);
                }
                return minutes == 1440 ? LocalTime.MAX : LocalTime.ofSecondOfDay(minutes * 60L);
            }
            String s = text(key, null);
            if (s.equals("24:00")) {
                return LocalTime.MAX;
            }
            try {
                return LocalTime.parse(s);
            } catch (DateTimeParseException e) {
                throw fail(key, "expected HH:MM, got " + s);
            }
        }
    }
}
