package io.podium.exchange.metrics;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters, gauges and latency summaries, exported in the Prometheus text format.
 * Recording is lock-free (LongAdder, HdrHistogram {@link Recorder}); a series is created on
 * first use. Labels are given as alternating name/value pairs.
 */
public final class Metrics {
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    private static final long MAX_TRACKED_NANOS = 60_000_000_000L;

    private final ConcurrentMap<Series, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Summary> summaries = new ConcurrentHashMap<>();

    /**
     * A series key: the metric and its label name/value pairs. The pairs are kept as given
     * and rendered only at export, so recording builds no strings.
     */
    private static final class Series {
        private final MetricName name;
        private final String[] pairs;
        private final int hash;

        Series(MetricName name, String[] pairs) {
            if (pairs.length % 2 != 0) {
                throw new IllegalArgumentException("labels come in name/value pairs");
            }
            this.name = name;
            this.pairs = pairs;
            this.hash = 31 * name.hashCode() + java.util.Arrays.hashCode(pairs);
        }

        MetricName name() {
            return name;
        }

        String labels() {
            return Metrics.labels(pairs);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && s.name == name && java.util.Arrays.equals(s.pairs, pairs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Summary {
        final Recorder recorder = new Recorder(MAX_TRACKED_NANOS, 3);
        final Histogram total = new Histogram(MAX_TRACKED_NANOS, 3);
        Histogram interval;

        synchronized Histogram snapshot() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            return total.copy();
        }
    }

    public void increment(MetricName name, String... labels) {
        add(name, 1, labels);
    }

    public void add(MetricName name, long delta, String... labels) {
        counters.computeIfAbsent(new Series(name, labels), s -> new LongAdder()).add(delta);
    }

    public long count(MetricName name, String... labels) {
        LongAdder a = counters.get(new Series(name, labels));
        return a == null ? 0 : a.sum();
    }

    /** Registers a gauge read at export time. */
    public void gauge(MetricName name, LongSupplier value, String... labels) {
        gauges.put(new Series(name, labels), value);
    }

    public void recordNanos(MetricName name, long nanos, String... labels) {
        long v = Math.max(1, Math.min(nanos, MAX_TRACKED_NANOS));
        summaries.computeIfAbsent(new Series(name, labels), s -> new Summary()).recorder.recordValue(v);
    }

    /** A copy of everything recorded so far for one series, in nanoseconds; empty if none. */
    public Histogram histogram(MetricName name, String... labels) {
        Summary s = summaries.get(new Series(name, labels));
        return s == null ? new Histogram(MAX_TRACKED_NANOS, 3) : s.snapshot();
    }

    /** Writes all series in the Prometheus text exposition format 0.0.4. */
    public void writePrometheus(Writer out) throws IOException {
        for (MetricName name : MetricName.values()) {
            boolean headed = false;
            for (Map.Entry<Series, LongAdder> e : counters.entrySet()) {
                if (e.getKey().name() == name) {
                    headed = head(out, name, headed);
                    line(out, name.promName(), e.getKey().labels(), Long.toString(e.getValue().sum()));
                }
            }
            for (Map.Entry<Series, LongSupplier> e : gauges.entrySet()) {
                if (e.getKey().name() == name) {
                    headed = head(out, name, headed);
                    line(out, name.promName(), e.getKey().labels(), Long.toString(e.getValue().getAsLong()));
                }
            }
            for (Map.Entry<Series, Summary> e : summaries.entrySet()) {
                if (e.getKey().name() == name) {
                    headed = head(out, name, headed);
                    Histogram h = e.getValue().snapshot();
                    String labels = e.getKey().labels();
                    for (double q : QUANTILES) {
                        String ql = "quantile=\"" + q + "\"";
                        String all = labels.isEmpty() ? ql : labels + "," + ql;
                        line(out, name.promName(), all, seconds(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(q * 100)));
                    }
                    line(out, name.promName() + "_sum", labels, seconds((long) (h.getMean() * h.getTotalCount())));
                    line(out, name.promName() + "_count", labels, Long.toString(h.getTotalCount()));
                }
            }
        }
    }

    private static boolean head(Writer out, MetricName name, boolean headed) throws IOException {
        if (!headed) {
            out.write("# HELP " + name.promName() + " " + name.help() + "\n");
            out.write("# TYPE " + name.promName() + " " + name.type().name().toLowerCase(java.util.Locale.ROOT) + "\n");
        }
        return true;
    }

    private static void line(Writer out, String name, String labels, String value) throws IOException {
        out.write(name);
        if (!labels.isEmpty()) {
            out.write('{');
            out.write(labels);
            out.write('}');
        }
        out.write(' ');
        out.write(value);
        out.write('\n');
    }

    private static String seconds(long nanos) {
        return Double.toString(nanos / 1e9);
    }

    private static String labels(String... kv) {
        if (kv.length == 0) {
            return "";
        }
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(kv[i]).append("=\"");
            String v = kv[i + 1] == null ? "" : kv[i + 1];
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '\\' || c == '"') {
                    sb.append('\\').append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.toString();
    }
}
