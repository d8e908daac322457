package io.podium.simulator.day;

import io.podium.exchange.http.HttpReply;
import io.podium.exchange.http.OutboundHttp;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.server.PodiumServer;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.SeatBid;
import io.podium.pacing.plan.DiurnalTraffic;
import io.podium.simulator.replay.OpportunityLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day's traffic, open model: for every simulated second, a Poisson number of requests
 * (mean from the diurnal profile) is sent when the compressed clock reaches that second, each
 * to a live node in turn, without waiting for earlier answers (at most
 * {@code traffic.max_in_flight} at once; time spent waiting for that is reported). What each
 * kind of request does:
 * <ul>
 *   <li>banner and video: {@code POST /openrtb2/auction}; for each won imp the publisher fires
 *       the {@code burl} with probability {@code render_rate} (to another node with probability
 *       {@code cross_node_notices}); every imp is logged for the baselines with the campaigns it
 *       was open to and the best DSP price that arrived in time;</li>
 *   <li>pod: {@code GET /vast/v1/pod}; the player fires Podium's impression (billing) URLs of
 *       the ads it renders;</li>
 *   <li>SSAI: the master playlist (one pod auction per break), the first variant, then every
 *       beacon segment of the stitched ads (which fires the impressions and quartiles).</li>
 * </ul>
 */
final class TrafficRunner {
    private static final OpenRtbJsonCodec CODEC = new OpenRtbJsonCodec();
    private static final Pattern IMPRESSION = Pattern.compile("<Impression[^>]*>\\s*<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL);
    private static final long NOTICE_TIMEOUT_MS = 5_000;

    private final Scenario scenario;
    private final TrafficFactory factory;
    private final Fleet fleet;
    private final CompressedClock clock;
    private final OutboundHttp http;
    private final MarketTap market;
    private final DayRecorder recorder;
    private final OpportunityLog log;
    private final CampaignBook book;
    private final ContentOrigin origin;
    private final FaultPlan faults;
    private final Semaphore inFlight;
    private final AtomicLong pendingNotices = new AtomicLong();
    private volatile int currentSecond;

    TrafficRunner(Scenario scenario, TrafficFactory factory, Fleet fleet, CompressedClock clock, OutboundHttp http,
                  MarketTap market, DayRecorder recorder, OpportunityLog log, CampaignBook book, ContentOrigin origin,
                  FaultPlan faults) {
        this.scenario = scenario;
        this.factory = factory;
        this.fleet = fleet;
        this.clock = clock;
        this.http = http;
        this.market = market;
        this.recorder = recorder;
        this.log = log;
        this.book = book;
        this.origin = origin;
        this.faults = faults;
        this.inFlight = new Semaphore(scenario.traffic().maxInFlight());
    }

    /** The simulated second the traffic has reached. */
    int second() {
        return currentSecond;
    }

    /**
     * Warms the nodes, DSPs and client up before the clock starts (JIT, connection pools):
     * {@code count} banner auctions from a publisher no campaign targets, nothing recorded, no
     * notice fired.
     */
    void warmUp(int count) throws InterruptedException {
        SplittableRandom r = new SplittableRandom(scenario.seed() ^ 0x3A11L);
        TrafficFactory.Publisher nobody = new TrafficFactory.Publisher("pub-warm-up", false, "warm-up.example", "USA", 2,
                200_000);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            PodiumServer node = fleet.pick();
            byte[] body = factory.banner("warm-up-" + i, nobody, "u-warm-up", r);
            http.post(URI.create("http://127.0.0.1:" + node.port() + "/openrtb2/auction"), body, "application/json", null,
                    "2.6", scenario.traffic().tmaxMs() + 2_000L).whenComplete((reply, error) -> inFlight.release());
        }
        inFlight.acquire(scenario.traffic().maxInFlight());
        inFlight.release(scenario.traffic().maxInFlight());
    }

    /** Sends the day's traffic; returns once every request and notice of the day is answered. */
    void run() throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(scenario.seed());
        DiurnalTraffic profile = new DiurnalTraffic(scenario.traffic().requestsPerDay());
        long seq = 0;
        for (int second = 0; second < 86_400; second++) {
            currentSecond = second;
            faults.due(second);
            long wait = clock.realNanosUntil((DaySimulation.LEAD_SECONDS + (long) second) * 1000L);
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = poisson(rnd, profile.expected(second));
            for (int k = 0; k < n; k++) {
                long t0 = System.nanoTime();
                inFlight.acquire();
                recorder.waited(System.nanoTime() - t0);
                SplittableRandom r = rnd.split();
                String user = "u" + r.nextInt(250_000);
                String id = "sim-" + (++seq);
                PodiumServer node = fleet.pick();
                if (node == null) {
                    recorder.noNode();
                    inFlight.release();
                    continue;
                }
                String base = "http://127.0.0.1:" + node.port();
                CompletableFuture<?> done = switch (factory.kind(r)) {
                    case BANNER -> auction(TrafficFactory.Kind.BANNER, second, id, node, base, user, r);
                    case VIDEO -> auction(TrafficFactory.Kind.VIDEO, second, id, node, base, user, r);
                    case POD -> pod(second, base, user, r);
                    case SSAI -> ssai(second, base, user, r);
                };
                done.whenComplete((x, e) -> inFlight.release());
            }
        }
        currentSecond = 86_400;
        inFlight.acquire(scenario.traffic().maxInFlight());
        inFlight.release(scenario.traffic().maxInFlight());
        while (pendingNotices.get() > 0) {
            Thread.sleep(10);
        }
    }

    /** An OpenRTB auction: its answer, its billing notices, its imps logged for the baselines. */
    private CompletableFuture<?> auction(TrafficFactory.Kind kind, int second, String id, PodiumServer node, String base,
                                         String user, SplittableRandom r) {
        TrafficFactory.Publisher p = factory.publisher(r);
        byte[] body = kind == TrafficFactory.Kind.BANNER ? factory.banner(id, p, user, r) : factory.video(id, p, user);
        BidRequest request;
        try {
            request = CODEC.decodeRequest(body);
        } catch (Exception e) {
            throw new IllegalStateException("the generator wrote an invalid request: " + e.getMessage(), e);
        }
        int imps = request.getImpCount();
        long[] masks = new long[imps];
        long[] floors = new long[imps];
        boolean[] billed = new boolean[imps];
        boolean[] elsewhere = new boolean[imps];
        for (int i = 0; i < imps; i++) {
            masks[i] = book.eligibility(node, request, request.getImp(i));
            floors[i] = Math.round(request.getImp(i).getBidfloor() * 1_000_000);
            billed[i] = r.nextDouble() < scenario.traffic().renderRate();
            elsewhere[i] = r.nextDouble() < scenario.traffic().crossNodeNotices();
        }
        market.open(id, imps);
        long t0 = System.nanoTime();
        return http.post(URI.create(base + "/openrtb2/auction"), body, "application/json", null, "2.6",
                scenario.traffic().tmaxMs() + 2_000L).handle((reply, error) -> {
                    long nanos = System.nanoTime() - t0;
                    long[] best = market.close(id);
                    int filled = 0;
                    boolean failed = error != null || reply.status() != 200 && reply.status() != 204;
                    if (!failed && reply.status() == 200) {
                        filled = settle(reply, second, billed, elsewhere);
                    }
                    recorder.request(kind, second, nanos, imps, filled, failed);
                    for (int i = 0; i < imps; i++) {
                        long ext = i < best.length && best[i] >= floors[i] ? best[i] : 0;
                        log.append(second, masks[i], ext, floors[i], billed[i]);
                    }
                    return null;
                });
    }

    /** Fires the billing notices of the rendered wins; returns the filled imps. */
    private int settle(HttpReply reply, int second, boolean[] billed, boolean[] elsewhere) {
        BidResponse response;
        try {
            response = CODEC.decodeResponse(reply.body());
        } catch (Exception e) {
            return 0;
        }
        int filled = 0;
        for (SeatBid sb : response.getSeatbidList()) {
            for (Bid b : sb.getBidList()) {
                filled++;
                int i = Integer.parseInt(b.getImpid()) - 1;
                if (i < 0 || i >= billed.length || !billed[i] || b.getBurl().isEmpty()) {
                    continue;
                }
                int campaign = book.index(b.getCid()); // a campaign's bid carries its id as cid; its seat is the advertiser
                long cost = (Math.round(b.getPrice() * 1_000_000) + 500) / 1000;
                String chargeId = response.getId() + ":" + b.getImpid() + ":" + b.getId();
                fire(URI.create(b.getBurl()), elsewhere[i], ok -> {
                    if (ok && campaign >= 0) {
                        recorder.charged(campaign, cost, chargeId);
                    }
                });
            }
        }
        return filled;
    }

    /** A player's ad-pod request: the VAST pod, then Podium's impression URLs of the ads it renders. */
    private CompletableFuture<?> pod(int second, String base, String user, SplittableRandom r) {
        String query = factory.podQuery(user, r);
        boolean render = r.nextDouble() < scenario.traffic().renderRate();
        boolean elsewhere = r.nextDouble() < scenario.traffic().crossNodeNotices();
        long t0 = System.nanoTime();
        return http.get(URI.create(base + "/vast/v1/pod?" + query), 5_000).handle((reply, error) -> {
            long nanos = System.nanoTime() - t0;
            boolean failed = error != null || reply.status() != 200 && reply.status() != 204;
            int filled = 0;
            if (!failed && reply.status() == 200) {
                String vast = new String(reply.body(), StandardCharsets.UTF_8);
                Matcher m = IMPRESSION.matcher(vast);
                while (m.find()) {
                    String url = m.group(1).trim();
                    if (url.startsWith("http://127.0.0.1:") && url.contains("/notice/")) {
                        filled = 1;
                        if (render) {
                            fire(URI.create(url), elsewhere, ok -> { });
                        }
                    }
                }
            }
            recorder.request(TrafficFactory.Kind.POD, second, nanos, 1, filled, failed);
            return null;
        });
    }

    /** An SSAI session: master, first variant, and (when the player plays it) every beacon segment. */
    private CompletableFuture<?> ssai(int second, String base, String user, SplittableRandom r) {
        boolean render = r.nextDouble() < scenario.traffic().renderRate();
        String q = "content=" + java.net.URLEncoder.encode(origin.master(), StandardCharsets.UTF_8) + "&app_bundle="
                + TrafficFactory.CTV_BUNDLE + "&devicetype=3&uid=" + user;
        long t0 = System.nanoTime();
        CompletableFuture<Object> done = new CompletableFuture<>();
        http.get(URI.create(base + "/ssai/v1/hls/master.m3u8?" + q), 10_000).whenComplete((master, error) -> {
            long nanos = System.nanoTime() - t0;
            if (error != null || master.status() != 200) {
                recorder.request(TrafficFactory.Kind.SSAI, second, nanos, 1, 0, true);
                done.complete(null);
                return;
            }
            URI variant = firstUri(URI.create(base + "/"), new String(master.body(), StandardCharsets.UTF_8));
            if (variant == null) {
                recorder.request(TrafficFactory.Kind.SSAI, second, nanos, 1, 0, true);
                done.complete(null);
                return;
            }
            http.get(variant, 10_000).whenComplete((media, e2) -> {
                if (e2 != null || media.status() != 200) {
                    recorder.request(TrafficFactory.Kind.SSAI, second, nanos, 1, 0, true);
                    done.complete(null);
                    return;
                }
                List<URI> beacons = new ArrayList<>();
                for (String line : new String(media.body(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.startsWith("#") && line.contains("/ssai/v1/seg/")) {
                        beacons.add(variant.resolve(line.trim()));
                    }
                }
                recorder.request(TrafficFactory.Kind.SSAI, second, nanos, 1, beacons.isEmpty() ? 0 : 1, false);
                if (render) {
                    for (URI b : beacons) {
                        fire(b, false, ok -> { });
                    }
                }
                done.complete(null);
            });
        });
        return done;
    }

    private static URI firstUri(URI base, String playlist) {
        for (String line : playlist.split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return base.resolve(l);
            }
        }
        return null;
    }

    /** GETs a notice or beacon URL on a live node; {@code then} learns whether it was accepted (204, or 302 for a segment). */
    private void fire(URI url, boolean elsewhere, java.util.function.Consumer<Boolean> then) {
        pendingNotices.incrementAndGet();
        String path = url.getPath();
        String kind = path.startsWith("/notice/") ? path.substring(8) : path.contains("/seg/") ? "ssai-seg" : "other";
        http.get(fleet.route(url, elsewhere), NOTICE_TIMEOUT_MS).whenComplete((reply, error) -> {
            int status = error == null ? reply.status() : 0;
            recorder.notice(kind, status);
            try {
                then.accept(status == 204 || status == 200 || status == 302);
            } finally {
                pendingNotices.decrementAndGet();
            }
        });
    }

    /** A Poisson draw: Knuth's product of uniforms for small means, a rounded normal above 30. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            double u = Math.max(1e-12, r.nextDouble());
            double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }
}
