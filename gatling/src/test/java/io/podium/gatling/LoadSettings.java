package io.podium.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The knobs every simulation shares, read once from system properties ({@code -Dname=value} on
 * the Maven command line) and checked before any load starts: a bad value stops the run with one
 * message naming every bad property instead of a half-configured test.
 *
 * <pre>
 * podium.url   http://127.0.0.1:8080   where Podium listens
 * rate         per simulation          target arrival rate, new virtual users per second
 * ramp         10                      seconds to ramp from 1/s to the target rate (open model)
 * duration     50                      seconds held at the target rate after the ramp (60 s in all)
 * p99.ms       per simulation          the run fails when any request name's 99th percentile is not below this
 * errors.pct   1.0                     the run fails when more than this percentage of requests failed
 * </pre>
 *
 * Each simulation passes its own defaults for {@code rate} and {@code p99.ms}; the others are
 * common. Immutable.
 */
final class LoadSettings {
    final URI baseUrl;
    final double ratePerSec;
    final Duration ramp;
    final Duration hold;
    final int p99Millis;
    final double maxErrorPercent;

    private LoadSettings(URI baseUrl, double ratePerSec, Duration ramp, Duration hold, int p99Millis,
            double maxErrorPercent) {
        this.baseUrl = baseUrl;
        this.ratePerSec = ratePerSec;
        this.ramp = ramp;
        this.hold = hold;
        this.p99Millis = p99Millis;
        this.maxErrorPercent = maxErrorPercent;
    }

    /**
     * Reads the common properties with the given per-simulation defaults.
     *
     * @throws IllegalArgumentException naming every bad property
     */
    static LoadSettings read(String simulation, double defaultRate, int defaultP99Millis) {
        List<String> problems = new ArrayList<>();
        URI url = url("podium.url", "http://127.0.0.1:8080", problems);
        double rate = number("rate", defaultRate, 0.01, 100_000, problems);
        long ramp = (long) number("ramp", 10, 0, 3600, problems);
        long hold = (long) number("duration", 50, 1, 86_400, problems);
        int p99 = (int) number("p99.ms", defaultP99Millis, 0, 600_000, problems);
        double errors = number("errors.pct", 1.0, 0, 100, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(simulation + ": " + String.join("; ", problems));
        }
        LoadSettings s = new LoadSettings(url, rate, Duration.ofSeconds(ramp), Duration.ofSeconds(hold), p99, errors);
        System.out.println(simulation + ": " + s);
        return s;
    }

    /**
     * The open workload: arrivals ramp from 1/s (or the rate, when lower) to the target rate,
     * then hold it. Arrivals are randomized, not evenly spaced, as independent clients are; the
     * rate does not drop when Podium slows down, so queueing shows up in the response times.
     */
    List<OpenInjectionStep> openModel() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!ramp.isZero()) {
            steps.add(rampUsersPerSec(Math.min(1.0, ratePerSec)).to(ratePerSec).during(ramp).randomized());
        }
        steps.add(constantUsersPerSec(ratePerSec).during(hold).randomized());
        return steps;
    }

    /**
     * The pass/fail rule of every simulation: the 99th percentile of <em>each</em> request name
     * (so many fast requests cannot hide a slow kind) below {@code p99.ms}, and failed requests
     * of the whole run at most {@code errors.pct} percent.
     */
    List<Assertion> assertions() {
        return List.of(
                forAll().responseTime().percentile(99.0).lt(p99Millis),
                global().failedRequests().percent().lte(maxErrorPercent));
    }

    /** The base URL as Gatling wants it: no trailing slash. */
    String base() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A string property, or the default when unset or blank. */
    static String text(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** A yes/no property (true/false/yes/no/1/0). */
    static boolean flag(String key, boolean fallback) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    /** A whole-number property such as a seed. */
    static long integer(String key, long fallback) {
        String v = text(key, null);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    static URI url(String key, String fallback, List<String> problems) {
        String v = text(key, fallback);
        try {
            URI u = new URI(v);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                problems.add(key + " must be an absolute http(s) URL, got '" + v + "'");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            problems.add(key + " must be an absolute http(s) URL, got '" + v + "'");
            return null;
        }
    }

    static double number(String key, double fallback, double min, double max, List<String> problems) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                problems.add(key + " must be within " + fmt(min) + ".." + fmt(max) + ", got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number, got '" + v + "'");
            return fallback;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return "podium.url=" + base() + " rate=" + fmt(ratePerSec) + "/s ramp=" + ramp.toSeconds() + "s duration="
                + hold.toSeconds() + "s p99.ms<" + p99Millis + " errors.pct<=" + fmt(maxErrorPercent);
    }
}
