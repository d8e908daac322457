package io.podium.simulator.day;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.exchange.server.PodiumServer;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Imp;
import io.podium.pacing.campaign.Campaign;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's campaigns: created through the campaign API of a node (each under its advertiser's
 * token), then known by their index in the scenario (bit {@code i} of an opportunity's
 * eligibility mask) and by the id the API gave them.
 */
final class CampaignBook {
    static final String USER_AGENT = "podium-simulator/0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Scenario.CampaignSpec> specs;
    private final List<String> serverIds = new ArrayList<>();
    private final Map<String, Integer> indexByServerId = new HashMap<>();
    private final List<Campaign> campaigns = new ArrayList<>();

    CampaignBook(List<Scenario.CampaignSpec> specs) {
        this.specs = specs;
    }

    /** Creates every campaign through {@code POST /api/v1/campaigns} and waits until every node sees them. */
    void create(Scenario scenario, TrafficFactory traffic, Fleet fleet) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        PodiumServer node = fleet.pick();
        for (int i = 0; i < specs.size(); i++) {
            Scenario.CampaignSpec c = specs.get(i);
            String body = JSON.writeValueAsString(document(scenario, c, traffic.targetedPublishers(scenario.seed(), i, c)));
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/campaigns"))
                    .timeout(Duration.ofSeconds(10)).header("User-Agent", USER_AGENT)
                    .header("Authorization", "Bearer " + Fleet.token(c.advertiser()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new IOException("campaign " + c.id() + " was refused: " + res.statusCode() + " " + res.body());
            }
            String id = JSON.readTree(res.body()).path("id").asText();
            serverIds.add(id);
            indexByServerId.put(id, i);
        }
        long until = System.nanoTime() + 30_000_000_000L;
        for (PodiumServer s : fleet.liveServers()) {
            while (serverIds.stream().anyMatch(id -> s.campaigns().get(id).isEmpty())) {
                if (System.nanoTime() > until) {
                    throw new IOException("a node did not see the campaigns within 30 s");
                }
                Thread.sleep(50);
            }
        }
        for (String id : serverIds) {
            campaigns.add(node.campaigns().get(id).orElseThrow());
        }
    }

    /** The campaign's API document: EVEN pacing over the UTC day, live from the day before. */
    private static ObjectNode document(Scenario scenario, Scenario.CampaignSpec c, List<String> publishers) {
        ObjectNode d = JSON.createObjectNode();
        d.put("name", "Simulated " + c.id());
        d.put("daily_budget_micros", c.budgetMicros());
        d.put("currency", "USD");
        d.put("max_cpm_micros", c.maxCpmMicros());
        d.put("start", scenario.day().minusDays(1) + "T00:00:00");
        d.put("end", scenario.day().plusDays(2) + "T00:00:00");
        d.put("time_zone", "UTC");
        d.put("pacing", "EVEN");
        ObjectNode t = d.putObject("targeting");
        ArrayNode pubs = t.putArray("publisher_ids");
        publishers.forEach(pubs::add);
        ArrayNode media = t.putArray("media_types");
        c.media().forEach(media::add);
        ArrayNode creatives = d.putArray("creatives");
        String domain = c.id().toLowerCase(java.util.Locale.ROOT) + ".advertiser.example";
        if (c.media().contains("banner")) {
            for (int[] size : new int[][] {{300, 250}, {728, 90}, {320, 50}, {300, 600}}) {
                ObjectNode cr = creatives.addObject();
                cr.put("id", c.id() + "-" + size[0] + "x" + size[1]);
                cr.put("type", "banner");
                cr.put("markup", "<a href=\"https://" + domain + "/\"><img src=\"https://" + domain + "/" + size[0] + "x"
                        + size[1] + ".png\" width=\"" + size[0] + "\" height=\"" + size[1] + "\"></a>");
                cr.put("w", size[0]);
                cr.put("h", size[1]);
                cr.putArray("adomain").add(domain);
                cr.putArray("cat").add("IAB22");
            }
        }
        if (c.media().contains("video")) {
            for (int seconds : new int[] {15, 30}) {
                ObjectNode cr = creatives.addObject();
                cr.put("id", c.id() + "-" + seconds + "s");
                cr.put("type", "video");
                cr.put("vast", vast(c.id() + "-" + seconds + "s", domain, seconds));
                cr.put("duration", seconds);
                cr.putArray("adomain").add(domain);
                cr.putArray("cat").add("IAB22");
            }
        }
        return d;
    }

    private static String vast(String id, String domain, int seconds) {
        return "<VAST version=\"4.2\" xmlns=\"http://www.iab.com/VAST\"><Ad id=\"" + id + "\"><InLine>"
                + "<AdSystem>podium-simulator</AdSystem><Impression><![CDATA[https://" + domain + "/imp]]></Impression>"
                + "<AdServingId>" + id + "</AdServingId><AdTitle>" + id + "</AdTitle><Creatives><Creative id=\"" + id + "\">"
                + "<Linear><Duration>00:00:" + (seconds < 10 ? "0" : "") + seconds + "</Duration><MediaFiles>"
                + "<MediaFile delivery=\"progressive\" type=\"video/mp4\" width=\"1280\" height=\"720\"><![CDATA[https://"
                + domain + "/" + id + ".mp4]]></MediaFile></MediaFiles></Linear>"
                + "<UniversalAdId idRegistry=\"podium-simulator\">" + id + "</UniversalAdId></Creative></Creatives>"
                + "</InLine></Ad></VAST>";
    }

    int size() {
        return specs.size();
    }

    Scenario.CampaignSpec spec(int i) {
        return specs.get(i);
    }

    Campaign campaign(int i) {
        return campaigns.get(i);
    }

    String serverId(int i) {
        return serverIds.get(i);
    }

    /** The scenario index of a campaign the API named {@code serverId}, or -1. */
    int index(String serverId) {
        Integer i = indexByServerId.get(serverId);
        return i == null ? -1 : i;
    }

    /** Bit {@code i} set when campaign {@code i} would bid on the imp (targeting and creatives, before pacing). */
    long eligibility(PodiumServer node, BidRequest request, Imp imp) {
        long mask = 0;
        for (int i = 0; i < campaigns.size(); i++) {
            if (node.campaignDemand().eligible(campaigns.get(i), request, imp)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
