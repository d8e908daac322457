package io.podium.gatling;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SSAI playback, {@code /ssai/v1}, under an open workload: player sessions start at
 * {@code -Drate} per second (default 10) and each one plays as an HLS player does, on its own
 * connection:
 *
 * <ol>
 *   <li>{@code master}: GET {@code /ssai/v1/hls/master.m3u8?content=…&cues=…&app_bundle=…&uid=…}.
 *       Podium runs one pod auction per break and answers the stitched master (200, {@code #EXTM3U}).</li>
 *   <li>{@code variant}: GET one of the master's {@code /ssai/v1/hls/{token}/v/{i}.m3u8}, picked at
 *       random as an ABR player picks a rendition (200, {@code #EXTM3U}); stitched from the token.</li>
 *   <li>{@code segment}: GET every ad segment the variant routes through Podium,
 *       {@code /ssai/v1/seg/{ticket}.ts}, in play order (the first fires the impressions, later ones
 *       the quartiles). Each must answer <b>302</b> with a {@code Location}.</li>
 * </ol>
 *
 * Redirects are not followed, and content segments (absolute URLs on the origin) are not
 * fetched: those bytes come from the origin or CDN, never from Podium, so fetching them would
 * measure the origin web server instead. Requests follow each other without pauses (a player
 * would spread the segments over the break's real time); the load is therefore
 * {@code rate × (2 + ad segments)} requests per second.
 *
 * <p>Demand: before the load starts, {@link SsaiDemand} makes sure the advertiser of
 * {@code -Dssai.token} has a campaign with an HLS creative targeted at the session's
 * {@code app_bundle}, and waits until a session gets ads (a new campaign bids once its budget lease
 * arrives, a few seconds). {@code -Dssai.seed=false} skips that (bring your own demand).
 *
 * <p>The run fails unless each request name's p99 is below {@code -Dp99.ms} (default 500; a master waits for its pod
 * auctions), failed requests &le; {@code -Derrors.pct} (default 1.0), and, unless
 * {@code -Dssai.requireAds=false}, at least one ad segment was requested.
 */
public final class SsaiPlaybackSimulation extends Simulation {
    private final LoadSettings settings = LoadSettings.read("SsaiPlaybackSimulation", 10, 500);
    private final SsaiDemand demand = SsaiDemand.fromProperties(settings);
    private final boolean seedDemand = LoadSettings.flag("ssai.seed", true);
    private final boolean requireAds = LoadSettings.flag("ssai.requireAds", true);

    private final HttpProtocolBuilder protocol = http
            .baseUrl(settings.base())
            .userAgentHeader(BidEndpointSimulation.USER_AGENT)
            .acceptHeader("application/vnd.apple.mpegurl, */*")
            .disableFollowRedirect()
            .disableWarmUp();

    private final ScenarioBuilder player = scenario("player session")
            .feed(new ViewerFeeder())
            .exec(http("master")
                    .get("/ssai/v1/hls/master.m3u8")
                    .queryParam("content", demand.contentUrl())
                    .queryParam("cues", demand.cues())
                    .queryParam("app_bundle", demand.appBundle())
                    .queryParam("uid", "#{uid}")
                    .check(status().is(200),
                            substring("#EXTM3U").exists(),
                            regex("(?m)^(/ssai/v1/hls/\\S+\\.m3u8)\\s*$").findRandom().saveAs("variant")))
            .exec(http("variant")
                    .get("#{variant}")
                    .check(status().is(200),
                            substring("#EXTM3U").exists(),
                            regex("(?m)^(/ssai/v1/seg/\\S+)\\s*$").findAll().optional().saveAs("segments")))
            .doIf(session -> session.contains("segments")).then(
                    foreach("#{segments}", "segment").on(
                            exec(http("segment")
                                    .get("#{segment}")
                                    .check(status().is(302), header("Location").exists()))));

    {
        List<Assertion> assertions = new ArrayList<>(settings.assertions());
        if (requireAds) {
            assertions.add(details("segment").allRequests().count().gt(0L));
        }
        setUp(player.injectOpen(settings.openModel()))
                .protocols(protocol)
                .assertions(assertions);
    }

    @Override
    public void before() {
        System.out.println("SsaiPlaybackSimulation: " + demand);
        if (seedDemand) {
            demand.ensureCampaignAndAds();
        }
    }

    /** One record per session: a viewer id (the pod auctions' user.id). */
    static final class ViewerFeeder implements Iterator<Map<String, Object>> {
        private final AtomicLong n = new AtomicLong();

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            return Map.of("uid", "viewer-" + n.incrementAndGet());
        }
    }
}
