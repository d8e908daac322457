package io.podium.simulator.day;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the day's traffic is made of: its publishers (sites and apps with an id, a country, a
 * device type and a floor) and the requests each kind of traffic sends. Everything is drawn from
 * the scenario's seed.
 */
final class TrafficFactory {
    /** The kinds of request in the mix. */
    enum Kind { BANNER, VIDEO, POD, SSAI }

    /** A publisher of banner and video requests; campaigns target them by {@code id}. */
    record Publisher(String id, boolean app, String name, String country, int deviceType, long floorMicros) {
    }

    private static final String[] COUNTRIES = {"USA", "GBR", "DEU", "FRA", "CAN"};
    private static final int[][] BANNER_SIZES = {{300, 250}, {728, 90}, {320, 50}, {300, 600}};
    /** The CTV app that sends pod requests and SSAI sessions (no campaign targets it: DSP demand only). */
    static final String CTV_BUNDLE = "tv.example.ctv";

    private final Scenario.Traffic traffic;
    private final List<Publisher> publishers = new ArrayList<>();

    TrafficFactory(Scenario scenario) {
        this.traffic = scenario.traffic();
        SplittableRandom r = new SplittableRandom(scenario.seed() ^ 0x5EED_0F_9B11L);
        for (int i = 0; i < traffic.publishers(); i++) {
            boolean app = i % 2 == 1;
            String id = String.format(Locale.ROOT, "pub-%03d", i);
            String name = app ? "com.example.app" + i : "site" + i + ".example";
            int deviceType = app ? 4 : (r.nextBoolean() ? 2 : 4);
            long floor = 200_000 + 50_000L * r.nextInt(13); // 0.20 to 0.80
            publishers.add(new Publisher(id, app, name, COUNTRIES[r.nextInt(COUNTRIES.length)], deviceType, floor));
        }
    }

    List<Publisher> publishers() {
        return publishers;
    }

    /** The publishers a campaign targets: its range, else {@code ceil(reach × publishers)} of them chosen by the seed. */
    List<String> targetedPublishers(long seed, int campaignIndex, Scenario.CampaignSpec spec) {
        if (spec.publishers() != null) {
            return publishers.subList(spec.publishers()[0], spec.publishers()[1] + 1).stream().map(Publisher::id).toList();
        }
        double reach = spec.reach();
        int k = Math.max(1, (int) Math.ceil(reach * publishers.size()));
        List<String> ids = new ArrayList<>(publishers.stream().map(Publisher::id).toList());
        SplittableRandom r = new SplittableRandom(seed * 31 + campaignIndex);
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        List<String> chosen = new ArrayList<>(ids.subList(0, k));
        chosen.sort(null);
        return chosen;
    }

    Kind kind(SplittableRandom r) {
        double x = r.nextDouble();
        if ((x -= traffic.banner()) < 0) {
            return Kind.BANNER;
        }
        if ((x -= traffic.video()) < 0) {
            return Kind.VIDEO;
        }
        return x - traffic.pod() < 0 ? Kind.POD : Kind.SSAI;
    }

    Publisher publisher(SplittableRandom r) {
        return publishers.get(r.nextInt(publishers.size()));
    }

    /** An OpenRTB 2.6 banner request with {@code traffic.banner_imps} imps (a page's ad slots) (one size each, the publisher's floor). */
    byte[] banner(String id, Publisher p, String user, SplittableRandom r) {
        int[] range = traffic.bannerImps();
        int imps = range[0] + r.nextInt(range[1] - range[0] + 1);
        StringBuilder sb = head(id);
        for (int i = 0; i < imps; i++) {
            int[] size = BANNER_SIZES[r.nextInt(BANNER_SIZES.length)];
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i + 1).append("\",\"tagid\":\"slot-").append(i + 1)
                    .append("\",\"banner\":{\"w\":").append(size[0]).append(",\"h\":").append(size[1])
                    .append(",\"format\":[{\"w\":").append(size[0]).append(",\"h\":").append(size[1]).append("}]},")
                    .append("\"bidfloor\":").append(price(p.floorMicros())).append(",\"bidfloorcur\":\"USD\"}");
        }
        return tail(sb, p, user);
    }

    /** An OpenRTB 2.6 instream video request: one imp, 5 to 30 s, three times the publisher's floor. */
    byte[] video(String id, Publisher p, String user) {
        StringBuilder sb = head(id);
        sb.append("{\"id\":\"1\",\"video\":{\"mimes\":[\"video/mp4\",\"application/x-mpegURL\"],\"minduration\":5,"
                        + "\"maxduration\":30,\"protocols\":[2,3,7,8],\"w\":1280,\"h\":720,\"plcmt\":1,\"startdelay\":0,"
                        + "\"linearity\":1},\"bidfloor\":").append(price(3 * p.floorMicros()))
                .append(",\"bidfloorcur\":\"USD\"}");
        return tail(sb, p, user);
    }

    /** The query of a player's ad-pod request ({@code GET /vast/v1/pod}) from the CTV app. */
    String podQuery(String user, SplittableRandom r) {
        int dur = r.nextBoolean() ? 60 : 90;
        return "dur=" + dur + "&maxads=" + (dur / 15) + "&pos=" + (r.nextBoolean() ? "mid" : "pre")
                + "&app_bundle=" + CTV_BUNDLE + "&content_id=ep-" + r.nextInt(50) + "&devicetype=3&uid=" + user;
    }

    private StringBuilder head(String id) {
        return new StringBuilder(1024).append("{\"id\":\"").append(id).append("\",\"at\":2,\"tmax\":")
                .append(traffic.tmaxMs()).append(",\"cur\":[\"USD\"],\"imp\":[");
    }

    private static byte[] tail(StringBuilder sb, Publisher p, String user) {
        sb.append("],");
        if (p.app()) {
            sb.append("\"app\":{\"id\":\"").append(p.id()).append("\",\"bundle\":\"").append(p.name())
                    .append("\",\"publisher\":{\"id\":\"").append(p.id()).append("\"}},");
        } else {
            sb.append("\"site\":{\"id\":\"").append(p.id()).append("\",\"domain\":\"").append(p.name())
                    .append("\",\"page\":\"https://").append(p.name()).append("/article\",\"publisher\":{\"id\":\"")
                    .append(p.id()).append("\"}},");
        }
        sb.append("\"device\":{\"ua\":\"Mozilla/5.0 (simulated)\",\"ip\":\"198.51.100.").append(Math.abs(user.hashCode()) % 250 + 1)
                .append("\",\"devicetype\":").append(p.deviceType()).append(",\"geo\":{\"country\":\"").append(p.country())
                .append("\"}},\"user\":{\"id\":\"").append(user).append("\"},\"source\":{\"tid\":\"").append(user)
                .append("\"}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String price(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1e6);
    }
}
