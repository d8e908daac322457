package io.podium.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the SSAI sessions play and the demand that fills their breaks, from system properties:
 *
 * <pre>
 * ssai.content    http://127.0.0.1:8081/fixtures/hls/hls12/master.m3u8       content master (under ssai.origins)
 * ssai.ad         http://127.0.0.1:8081/stitch/ads/ad-20s-muxed/master.m3u8  HLS master of the 20 s ad
 * ssai.cues       60                      mid-roll cue points, seconds (comma-separated)
 * ssai.appBundle  tv.gatling.ssai         the sessions' app_bundle; the campaign targets only it
 * ssai.token      acme-change-me-0123456789   bearer token of the advertiser that owns the campaign
 * ssai.wait       60                      seconds to wait for the first session with ads
 * </pre>
 *
 * {@link #ensureCampaignAndAds()} runs once, before the load, on plain {@link HttpClient}: it finds
 * the advertiser's campaign named {@value #CAMPAIGN_NAME} (creating it from
 * {@code ssai/demand-campaign.json}, or resuming it), then starts sessions until one's variant
 * routes an ad segment through Podium. Its bid ($40 CPM) is above the mock DSPs', whose MP4-only
 * VAST cannot be stitched; its targeting (only {@code ssai.appBundle}) keeps it out of the bid
 * endpoint simulation. The impression beacon points at the ad's own host, so nothing leaves the
 * machine in the example setup.
 */
final class SsaiDemand {
    static final String CAMPAIGN_NAME = "gatling-ssai-demand";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final URI contentUrl;
    private final URI adUrl;
    private final String cues;
    private final String appBundle;
    private final String token;
    private final Duration wait;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SsaiDemand(String base, URI contentUrl, URI adUrl, String cues, String appBundle, String token,
            Duration wait) {
        this.base = base;
        this.contentUrl = contentUrl;
        this.adUrl = adUrl;
        this.cues = cues;
        this.appBundle = appBundle;
        this.token = token;
        this.wait = wait;
    }

    static SsaiDemand fromProperties(LoadSettings settings) {
        List<String> problems = new ArrayList<>();
        URI content = LoadSettings.url("ssai.content", "http://127.0.0.1:8081/fixtures/hls/hls12/master.m3u8", problems);
        URI ad = LoadSettings.url("ssai.ad", "http://127.0.0.1:8081/stitch/ads/ad-20s-muxed/master.m3u8", problems);
        String cues = LoadSettings.text("ssai.cues", "60");
        if (!cues.matches("\\d+(,\\d+)*")) {
            problems.add("ssai.cues must be seconds separated by commas, such as 60,600, got '" + cues + "'");
        }
        String bundle = LoadSettings.text("ssai.appBundle", "tv.gatling.ssai");
        String token = LoadSettings.text("ssai.token", "acme-change-me-0123456789");
        long waitSeconds = (long) LoadSettings.number("ssai.wait", 60, 0, 3600, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("SsaiPlaybackSimulation: " + String.join("; ", problems));
        }
        return new SsaiDemand(settings.base(), content, ad, cues, bundle, token, Duration.ofSeconds(waitSeconds));
    }

    String contentUrl() {
        return contentUrl.toString();
    }

    String cues() {
        return cues;
    }

    String appBundle() {
        return appBundle;
    }

    /**
     * Makes sure the demand campaign exists and is active, then waits until a session gets ads.
     *
     * @throws IllegalStateException when Podium refuses the campaign or no session gets an ad
     *                               within {@code ssai.wait} seconds (the run stops before any load)
     */
    void ensureCampaignAndAds() {
        String id = findCampaign();
        if (id == null) {
            HttpResponse<String> created = send("POST", "/api/v1/campaigns", campaignDocument());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating the SSAI demand campaign: " + created.statusCode() + " "
                        + created.body());
            }
            id = read(created.body()).path("id").asText();
            System.out.println("SsaiPlaybackSimulation: created campaign " + id + " (" + CAMPAIGN_NAME + ")");
        } else {
            HttpResponse<String> resumed = send("POST", "/api/v1/campaigns/" + id + "/resume", null);
            if (resumed.statusCode() != 200) {
                throw new IllegalStateException("resuming campaign " + id + ": " + resumed.statusCode() + " "
                        + resumed.body());
            }
            System.out.println("SsaiPlaybackSimulation: using campaign " + id + " (" + CAMPAIGN_NAME + ")");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        int tries = 0;
        do {
            tries++;
            if (sessionHasAds()) {
                System.out.println("SsaiPlaybackSimulation: ads in sessions after " + tries + " tries");
                return;
            }
            sleep(Duration.ofSeconds(2));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("no SSAI session got an ad within " + wait.toSeconds() + " s (" + tries
                + " tries); check that Podium's ssai.origins allows " + contentUrl + ", that " + adUrl
                + " is reachable from Podium (ssai.allow_private_ad_hosts for loopback) and that campaign "
                + id + " has budget");
    }

    /** Starts one session and reports whether its first variant routes an ad segment through Podium. */
    private boolean sessionHasAds() {
        HttpResponse<String> master = send("GET", "/ssai/v1/hls/master.m3u8?content=" + enc(contentUrl()) + "&cues="
                + enc(cues) + "&app_bundle=" + enc(appBundle) + "&uid=gatling-probe", null);
        if (master.statusCode() != 200) {
            throw new IllegalStateException("SSAI master: " + master.statusCode() + " " + master.body());
        }
        String variant = master.body().lines().filter(l -> l.startsWith("/ssai/v1/hls/")).findFirst()
                .orElseThrow(() -> new IllegalStateException("SSAI master has no variant: " + master.body()));
        HttpResponse<String> v = send("GET", variant, null);
        return v.statusCode() == 200 && v.body().contains("/ssai/v1/seg/");
    }

    private String findCampaign() {
        HttpResponse<String> list = send("GET", "/api/v1/campaigns", null);
        if (list.statusCode() != 200) {
            throw new IllegalStateException("listing campaigns with ssai.token: " + list.statusCode() + " "
                    + list.body());
        }
        for (JsonNode c : read(list.body()).path("campaigns")) {
            if (CAMPAIGN_NAME.equals(c.path("name").asText())) {
                return c.path("id").asText();
            }
        }
        return null;
    }

    private String campaignDocument() {
        String template;
        try (InputStream in = SsaiDemand.class.getResourceAsStream("/ssai/demand-campaign.json")) {
            if (in == null) {
                throw new IllegalStateException("ssai/demand-campaign.json is not on the class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        URI impression = adUrl.resolve("/gatling-beacon/impression");
        return template.replace("{{NAME}}", CAMPAIGN_NAME)
                .replace("{{START}}", today.minusDays(1) + "T00:00:00")
                .replace("{{END}}", today.plusYears(1) + "T00:00:00")
                .replace("{{APP_BUNDLE}}", appBundle)
                .replace("{{AD_URL}}", adUrl.toString())
                .replace("{{IMPRESSION_URL}}", impression.toString());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", BidEndpointSimulation.USER_AGENT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + ": " + e + " (is Podium running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "ssai.content=" + contentUrl + " ssai.ad=" + adUrl + " ssai.cues=" + cues + " ssai.appBundle="
                + appBundle;
    }
}
