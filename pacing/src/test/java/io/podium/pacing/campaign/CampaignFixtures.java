package io.podium.pacing.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A valid campaign document and campaigns made from it, for tests. */
public final class CampaignFixtures {
    private CampaignFixtures() {
    }

    public static final String DOCUMENT = "{"
            + "\"name\":\"Winter sale\",\"daily_budget_micros\":50000000,\"lifetime_budget_micros\":900000000,"
            + "\"currency\":\"USD\",\"max_cpm_micros\":4000000,\"start\":\"2026-11-01T00:00:00\","
            + "\"end\":\"2026-12-31T00:00:00\",\"time_zone\":\"America/New_York\",\"pacing\":\"EVEN\","
            + "\"targeting\":{\"site_domains\":[\"News.Example.com\"],\"countries\":[\"USA\"],\"device_types\":[2,4],"
            + "\"media_types\":[\"banner\",\"video\"]},"
            + "\"creatives\":[{\"id\":\"cr-1\",\"type\":\"banner\",\"markup\":\"<img src='https://cdn/x.png'>\",\"w\":300,"
            + "\"h\":250,\"adomain\":[\"shop.example\"],\"cat\":[\"IAB22\"]},"
            + "{\"id\":\"cr-2\",\"type\":\"video\",\"vast\":\"<VAST version=\\\"4.2\\\"></VAST>\",\"duration\":15,"
            + "\"adomain\":[\"shop.example\"]}],"
            + "\"frequency_cap\":{\"impressions\":3,\"period_seconds\":86400}}";

    public static JsonNode document() {
        try {
            return CampaignJson.MAPPER.readTree(DOCUMENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Campaign campaign(String id, String advertiser, long version) {
        CampaignJson.Read r = CampaignJson.read(document(), id, advertiser, version, Instant.parse("2026-11-22T10:00:00Z"));
        if (r.campaign() == null) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r.campaign();
    }
}
