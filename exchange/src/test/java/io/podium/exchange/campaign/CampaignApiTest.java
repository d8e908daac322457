package io.podium.exchange.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.server.PodiumServer;
import io.podium.exchange.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign API through the running server, with the embedded stores. */
class CampaignApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACME = "acme-token-0123456789";
    private static final String GLOBEX = "globex-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    static final String CAMPAIGN = "{\"name\":\"Winter sale\",\"daily_budget_micros\":50000000,\"currency\":\"USD\","
            + "\"max_cpm_micros\":4000000,\"start\":\"2026-11-01T00:00:00Z\",\"time_zone\":\"America/New_York\","
            + "\"pacing\":\"EVEN\",\"targeting\":{\"site_domains\":[\"news.example.com\"]},"
            + "\"creatives\":[{\"id\":\"cr-1\",\"type\":\"banner\",\"markup\":\"<img>\",\"w\":300,\"h\":250,"
            + "\"adomain\":[\"shop.example\"]}]}";

    private PodiumServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new PodiumServer(TestConfigs.load("server: {port: 0, host: 127.0.0.1}\n"
                + "advertisers:\n  - {id: acme, token: " + ACME + "}\n  - {id: globex, token: " + GLOBEX + "}\n"
                + "admin_token: " + ADMIN + "\n"), Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create(String token) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/campaigns", token, CAMPAIGN);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    @Test
    void aMissingOrUnknownTokenGets401() throws Exception {
        assertEquals(401, call("GET", "/api/v1/campaigns", null, null).statusCode());
        HttpResponse<String> bad = call("GET", "/api/v1/campaigns", "not-a-token-at-all", null);
        assertEquals(401, bad.statusCode());
        assertEquals("Bearer realm=\"podium\"", bad.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(401, call("POST", "/api/v1/campaigns", null, CAMPAIGN).statusCode());
    }

    @Test
    void anAdvertiserCreatesReadsAndListsOnlyItsOwnCampaigns() throws Exception {
        String mine = create(ACME);
        String theirs = create(GLOBEX);

        JsonNode read = JSON.readTree(call("GET", "/api/v1/campaigns/" + mine, ACME, null).body());
        assertEquals("acme", read.get("advertiser_id").asText());
        assertEquals(50_000_000, read.get("daily_budget_micros").asLong());
        assertEquals(1, read.get("version").asLong());

        assertEquals(404, call("GET", "/api/v1/campaigns/" + theirs, ACME, null).statusCode());
        assertEquals(404, call("PUT", "/api/v1/campaigns/" + theirs, ACME, CAMPAIGN).statusCode());
        assertEquals(404, call("POST", "/api/v1/campaigns/" + theirs + "/pause", ACME, null).statusCode());

        JsonNode list = JSON.readTree(call("GET", "/api/v1/campaigns", ACME, null).body()).get("campaigns");
        assertEquals(1, list.size());
        assertEquals(mine, list.get(0).get("id").asText());
        assertEquals(2, JSON.readTree(call("GET", "/api/v1/campaigns", ADMIN, null).body()).get("campaigns").size());
    }

    @Test
    void updatesPausesAndResumesWithIncreasingVersions() throws Exception {
        String id = create(ACME);
        HttpResponse<String> put = call("PUT", "/api/v1/campaigns/" + id, ACME,
                CAMPAIGN.replace("50000000", "70000000"));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(70_000_000, JSON.readTree(put.body()).get("daily_budget_micros").asLong());
        assertEquals(2, JSON.readTree(put.body()).get("version").asLong());

        JsonNode paused = JSON.readTree(call("POST", "/api/v1/campaigns/" + id + "/pause", ACME, null).body());
        assertEquals("PAUSED", paused.get("status").asText());
        assertEquals(3, paused.get("version").asLong());
        JsonNode resumed = JSON.readTree(call("POST", "/api/v1/campaigns/" + id + "/resume", ACME, null).body());
        assertEquals("ACTIVE", resumed.get("status").asText());
    }

    @Test
    void invalidInputGets400NamingTheFieldAndTheRule() throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/campaigns", ACME,
                CAMPAIGN.replace("\"daily_budget_micros\":50000000", "\"daily_budget_micros\":-1")
                        .replace("\"time_zone\":\"America/New_York\"", "\"time_zone\":\"Nowhere/Land\""));
        assertEquals(400, r.statusCode());
        JsonNode problems = JSON.readTree(r.body()).get("problems");
        assertEquals("daily_budget_micros", problems.get(0).get("field").asText());
        assertTrue(problems.get(0).get("rule").asText().contains("greater than 0"));
        assertEquals("time_zone", problems.get(1).get("field").asText());

        HttpResponse<String> malformed = call("POST", "/api/v1/campaigns", ACME, "{\"name\":");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("malformed JSON"));
    }

    @Test
    void theAdministratorCreatesForANamedAdvertiser() throws Exception {
        HttpResponse<String> none = call("POST", "/api/v1/campaigns", ADMIN, CAMPAIGN);
        assertEquals(400, none.statusCode());
        HttpResponse<String> r = call("POST", "/api/v1/campaigns", ADMIN,
                CAMPAIGN.replace("{\"name\"", "{\"advertiser_id\":\"globex\",\"name\""));
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        assertEquals(200, call("GET", "/api/v1/campaigns/" + id, GLOBEX, null).statusCode());
    }
}
