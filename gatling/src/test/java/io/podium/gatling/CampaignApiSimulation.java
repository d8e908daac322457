package io.podium.gatling;

import static io.gatling.javaapi.core.CoreDsl.ElFileBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The advertisers' campaign API, {@code /api/v1/campaigns}, under an open workload: advertiser
 * sessions arrive at {@code -Drate} per second (default 5) and each one walks a campaign's life
 * as an advertiser's tool would, with the bearer token of {@code -Dcampaign.token} (default the
 * {@code gatling} advertiser of {@code config/example-gatling.yaml}):
 *
 * <ol>
 *   <li>{@code create}: POST a campaign (two banner creatives, a frequency cap, a lifetime budget;
 *       201, status ACTIVE, version 1)</li>
 *   <li>{@code list}: GET the advertiser's campaigns (200)</li>
 *   <li>{@code read}: GET the campaign (200, same id)</li>
 *   <li>{@code update}: PUT it with a higher daily budget (200, version 2)</li>
 *   <li>{@code delivery}: GET its delivery report for today (200, spend and plan)</li>
 *   <li>{@code pause} then {@code resume}: POST (200, status PAUSED, then ACTIVE)</li>
 * </ol>
 *
 * The campaigns target a site that no bid request names ({@code campaign-api.gatling.invalid}),
 * so they never bid in the bid-endpoint simulation. They stay in Podium's store; the list grows
 * with every run (point {@code pacing.data_dir} somewhere disposable: the example config uses
 * {@code gatling/target/podium-data}). The run fails unless each request name's p99 is below {@code -Dp99.ms} (default
 * 250) and failed requests &le; {@code -Derrors.pct} (default 1.0).
 */
public final class CampaignApiSimulation extends Simulation {
    private final LoadSettings settings = LoadSettings.read("CampaignApiSimulation", 5, 250);
    private final String token = LoadSettings.text("campaign.token", "gatling-load-test-0123456789");

    private final HttpProtocolBuilder protocol = http
            .baseUrl(settings.base())
            .userAgentHeader(BidEndpointSimulation.USER_AGENT)
            .authorizationHeader("Bearer " + token)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .disableWarmUp();

    private final ScenarioBuilder advertiser = scenario("advertiser session")
            .feed(new CampaignFeeder())
            .exec(http("create")
                    .post("/api/v1/campaigns")
                    .body(ElFileBody("campaigns/campaign.json"))
                    .check(status().is(201),
                            jsonPath("$.status").is("ACTIVE"),
                            jsonPath("$.id").saveAs("campaignId")))
            .exec(http("list")
                    .get("/api/v1/campaigns")
                    .check(status().is(200), jsonPath("$.campaigns").exists()))
            .exec(http("read")
                    .get("/api/v1/campaigns/#{campaignId}")
                    .check(status().is(200), jsonPath("$.id").isEL("#{campaignId}")))
            .exec(session -> session.set("dailyBudgetMicros", 25_000_000))
            .exec(http("update")
                    .put("/api/v1/campaigns/#{campaignId}")
                    .body(ElFileBody("campaigns/campaign.json"))
                    .check(status().is(200),
                            jsonPath("$.daily_budget_micros").ofLong().is(25_000_000L),
                            jsonPath("$.version").ofInt().is(2)))
            .exec(http("delivery")
                    .get("/api/v1/campaigns/#{campaignId}/delivery")
                    .check(status().is(200), jsonPath("$.spent_micros").exists(), jsonPath("$.planned_micros").exists()))
            .exec(http("pause")
                    .post("/api/v1/campaigns/#{campaignId}/pause")
                    .check(status().is(200), jsonPath("$.status").is("PAUSED")))
            .exec(http("resume")
                    .post("/api/v1/campaigns/#{campaignId}/resume")
                    .check(status().is(200), jsonPath("$.status").is("ACTIVE")));

    {
        setUp(advertiser.injectOpen(settings.openModel()))
                .protocols(protocol)
                .assertions(settings.assertions());
    }

    /**
     * One record per session: a running number for names and creative ids, and a flight from
     * today to 30 days on in the campaign's time zone, so the campaign is live whenever the run is.
     */
    static final class CampaignFeeder implements Iterator<Map<String, Object>> {
        private final AtomicLong n = new AtomicLong();
        private final String runId = Long.toString(System.currentTimeMillis(), 36);

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
            return Map.of(
                    "n", n.incrementAndGet(),
                    "runId", runId,
                    "dailyBudgetMicros", 20_000_000,
                    "start", today.atStartOfDay().toString() + ":00",
                    "end", today.plusDays(30).atStartOfDay().toString() + ":00");
        }
    }
}
