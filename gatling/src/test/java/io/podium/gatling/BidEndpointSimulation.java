package io.podium.gatling;

import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The bid endpoint, {@code POST /openrtb2/auction}, under an open workload: supply partners'
 * requests arrive at a rate that ramps to {@code -Drate} (default 200/s) and holds it for
 * {@code -Dduration} seconds, whatever Podium's response times are.
 *
 * <p>Each arrival is one OpenRTB 2.6 JSON request drawn from a weighted corpus of templates
 * ({@code src/test/resources/bid-requests/}, see {@link #CORPUS}): banner on a site, banner in an
 * app, a four-imp page (three banners and an outstream video), instream video, a dynamic CTV
 * ad pod ({@code podid}, {@code poddur}, {@code maxseq}, {@code mincpmpersec}, {@code poddedupe})
 * and a structured CTV pod (three imps of one {@code podid} with {@code slotinpod} 1, 0, -1 and
 * {@code rqddurs}). Every request gets a fresh {@code id} and {@code source.tid}, and a user,
 * device IFA, IP and page drawn from pools, so no cache or dedupe collapses them. The template
 * mix is drawn from {@code -Dseed} (default 1; printed at start) so two runs send the same mix.
 *
 * <p>A request succeeds when Podium answers 200 (a bid response whose {@code id} is the
 * request's) or 204 (no bid) with {@code x-openrtb-version: 2.6}. A 204 carrying
 * {@code x-openrtb-nbr: 1} is Podium shedding load and counts as a failure, as does any 4xx/5xx
 * or timeout. Requests are named by template in the report ({@code bid banner-site}, …).
 *
 * <p>Connections are shared by all virtual users, as an SSP's pool of keep-alive connections
 * to the exchange is. The run fails unless each request name's p99 is below {@code -Dp99.ms} (default 400, the largest tmax in the corpus: Podium answers by min(tmax, cap) - margin) and failed
 * requests &le; {@code -Derrors.pct} (default 1.0). See docs/gatling.md.
 */
public final class BidEndpointSimulation extends Simulation {
    /** A request template and its share of the traffic, in percent. */
    record Template(String name, int percent) {
        String path() {
            return "bid-requests/" + name + ".json";
        }
    }

    /** The corpus; the shares add up to 100. */
    static final List<Template> CORPUS = List.of(
            new Template("banner-site", 30),
            new Template("banner-app", 20),
            new Template("multi-imp-site", 15),
            new Template("video-instream-site", 15),
            new Template("video-pod-dynamic-ctv", 10),
            new Template("video-pod-structured-ctv", 10));

    static final String USER_AGENT = "Podium-Gatling/0.1 (load test; +docs/gatling.md)";

    private final LoadSettings settings = LoadSettings.read("BidEndpointSimulation", 200, 400);
    private final long seed = LoadSettings.integer("seed", 1);

    private final HttpProtocolBuilder protocol = http
            .baseUrl(settings.base())
            .userAgentHeader(USER_AGENT)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .header("x-openrtb-version", "2.6")
            .shareConnections()
            .disableWarmUp();

    private final ScenarioBuilder bidRequests = scenario("bid request")
            .feed(new RequestFeeder(seed))
            .exec(http("bid #{kind}")
                    .post("/openrtb2/auction")
                    .body(ElFileBody("#{template}"))
                    .check(
                            status().in(200, 204),
                            header("x-openrtb-version").is("2.6"),
                            header("x-openrtb-nbr").withDefault("none").not("1"))
                    .checkIf((response, session) -> response.status().code() == 200)
                    .then(jsonPath("$.id").isEL("#{requestId}")));

    {
        System.out.println("BidEndpointSimulation: seed=" + seed + " corpus=" + CORPUS);
        setUp(bidRequests.injectOpen(settings.openModel()))
                .protocols(protocol)
                .assertions(settings.assertions());
    }

    /**
     * Endless feeder: one record per arrival with the template to send and the values its
     * {@code #{...}} placeholders take. Gatling calls it from several threads; {@link Random} is
     * thread-safe and the draw order only affects which arrival gets which template.
     */
    static final class RequestFeeder implements Iterator<Map<String, Object>> {
        private final Random random;
        private final int[] cumulative = new int[CORPUS.size()];

        RequestFeeder(long seed) {
            this.random = new Random(seed);
            int sum = 0;
            for (int i = 0; i < CORPUS.size(); i++) {
                sum += CORPUS.get(i).percent();
                cumulative[i] = sum;
            }
            if (sum != 100) {
                throw new IllegalStateException("corpus shares add up to " + sum + ", not 100");
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            int draw = random.nextInt(100);
            Template t = CORPUS.get(0);
            for (int i = 0; i < cumulative.length; i++) {
                if (draw < cumulative[i]) {
                    t = CORPUS.get(i);
                    break;
                }
            }
            Map<String, Object> r = new HashMap<>();
            r.put("template", t.path());
            r.put("kind", t.name());
            r.put("requestId", UUID.randomUUID().toString());
            r.put("tid", UUID.randomUUID().toString());
            int user = random.nextInt(200_000);
            r.put("userId", "u-" + user);
            // one device per user: the IFA is derived from the user, as a stable device id is
            r.put("ifa", new UUID(0x5eed_0000_0000_4000L | user, 0x8000_0000_0000_0000L | user).toString());
            r.put("ip", (random.nextBoolean() ? "198.51.100." : "203.0.113.") + (1 + random.nextInt(254)));
            r.put("page", 1000 + random.nextInt(9000));
            return r;
        }
    }
}
