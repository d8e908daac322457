package io.podium.pacing.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.pacing.campaign.Campaign.Creative;
import io.podium.pacing.campaign.Campaign.FrequencyCap;
import io.podium.pacing.campaign.Campaign.Targeting;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The campaign document of the API and of the stores: snake_case JSON, money in micros.
 * {@link #read} checks every rule and reports every problem with its field; unknown fields
 * are problems too (a typo must not silently drop a limit).
 */
public final class CampaignJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_MICROS = 1_000_000_000_000_000L;
    private static final Set<String> FIELDS = Set.of("name", "status", "daily_budget_micros", "lifetime_budget_micros",
            "currency", "max_cpm_micros", "start", "end", "time_zone", "pacing", "targeting", "creatives",
            "frequency_cap", "id", "advertiser_id", "version", "updated_at");
    private static final Set<String> TARGETING = Set.of("site_domains", "app_bundles", "publisher_ids", "countries",
            "device_types", "media_types", "content_genres");
    private static final Set<String> MEDIA = Set.of("banner", "video", "audio", "native");

    private CampaignJson() {
    }

    /** A campaign, or the problems that stop it. */
    public record Read(Campaign campaign, List<CampaignProblem> problems) {
    }

    /**
     * Reads a document sent by an advertiser. {@code id}, {@code advertiser_id},
     * {@code version} and {@code updated_at} in the document are ignored: they are the server's.
     */
    public static Read read(JsonNode doc, String id, String advertiserId, long version, Instant now) {
        List<CampaignProblem> problems = new ArrayList<>();
        if (doc == null || !doc.isObject()) {
            return new Read(null, List.of(new CampaignProblem("$", "must be a JSON object")));
        }
        unknown(doc, FIELDS, "", problems);
        String name = text(doc, "name", true, problems);
        if (name != null && (name.isBlank() || name.length() > 200)) {
            problems.add(new CampaignProblem("name", "must be 1 to 200 characters"));
        }
        Campaign.Status status = choice(doc, "status", Campaign.Status.class, Campaign.Status.ACTIVE, problems);
        long daily = micros(doc, "daily_budget_micros", true, problems);
        long lifetime = micros(doc, "lifetime_budget_micros", false, problems);
        if (lifetime > 0 && daily > 0 && lifetime < daily) {
            problems.add(new CampaignProblem("lifetime_budget_micros", "must be at least daily_budget_micros"));
        }
        String currency = doc.has("currency") ? text(doc, "currency", false, problems) : "USD";
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add(new CampaignProblem("currency", "must be an ISO 4217 code in capitals, such as USD"));
        }
        long maxCpm = micros(doc, "max_cpm_micros", true, problems);
        ZoneId zone = ZoneId.of("UTC");
        String tz = doc.has("time_zone") ? text(doc, "time_zone", false, problems) : null;
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                problems.add(new CampaignProblem("time_zone", "must be an IANA time zone such as America/New_York"));
            }
        }
        Instant start = time(doc, "start", zone, true, problems);
        Instant end = time(doc, "end", zone, false, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new CampaignProblem("end", "must be after start"));
        }
        Campaign.PacingMode pacing = choice(doc, "pacing", Campaign.PacingMode.class, Campaign.PacingMode.EVEN, problems);
        Targeting targeting = targeting(doc.get("targeting"), problems);
        List<Creative> creatives = creatives(doc.get("creatives"), problems);
        FrequencyCap cap = frequencyCap(doc.get("frequency_cap"), problems);
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        return new Read(new Campaign(id, advertiserId, name, status, daily, lifetime, currency, maxCpm, start, end, zone,
                pacing, targeting, creatives, cap, version, now), List.of());
    }

    public static ObjectNode write(Campaign c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("advertiser_id", c.advertiserId());
        o.put("name", c.name());
        o.put("status", c.status().name());
        o.put("daily_budget_micros", c.dailyBudgetMicros());
        if (c.lifetimeBudgetMicros() > 0) {
            o.put("lifetime_budget_micros", c.lifetimeBudgetMicros());
        }
        o.put("currency", c.currency());
        o.put("max_cpm_micros", c.maxCpmMicros());
        o.put("start", c.start().toString());
        if (c.end() != null) {
            o.put("end", c.end().toString());
        }
        o.put("time_zone", c.timeZone().getId());
        o.put("pacing", c.pacing().name());
        ObjectNode t = o.putObject("targeting");
        strings(t, "site_domains", c.targeting().siteDomains());
        strings(t, "app_bundles", c.targeting().appBundles());
        strings(t, "publisher_ids", c.targeting().publisherIds());
        strings(t, "countries", c.targeting().countries());
        ArrayNode dt = t.putArray("device_types");
        c.targeting().deviceTypes().forEach(dt::add);
        strings(t, "media_types", c.targeting().mediaTypes());
        strings(t, "content_genres", c.targeting().contentGenres());
        ArrayNode cr = o.putArray("creatives");
        for (Creative x : c.creatives()) {
            ObjectNode n = cr.addObject();
            n.put("id", x.id());
            n.put("type", x.type().name().toLowerCase(Locale.ROOT));
            if (x.type() == Creative.Type.BANNER) {
                n.put("markup", x.markup());
                n.put("w", x.width());
                n.put("h", x.height());
            } else {
                n.put("vast", x.markup());
                n.put("duration", x.durationSeconds());
            }
            strings(n, "adomain", x.adomain());
            strings(n, "cat", x.categories());
        }
        if (c.frequencyCap() != null) {
            ObjectNode f = o.putObject("frequency_cap");
            f.put("impressions", c.frequencyCap().impressions());
            f.put("period_seconds", c.frequencyCap().periodSeconds());
        }
        o.put("version", c.version());
        o.put("updated_at", c.updatedAt().toString());
        return o;
    }

    /** Reads a document this class wrote (stores); trusts the server fields. */
    public static Campaign readStored(JsonNode doc) {
        Read r = read(doc, doc.path("id").asText(), doc.path("advertiser_id").asText(), doc.path("version").asLong(),
                Instant.parse(doc.path("updated_at").asText()));
        if (r.campaign() == null) {
            throw new IllegalStateException("stored campaign is invalid: " + r.problems());
        }
        return r.campaign();
    }

    /** {@link #readStored} from JSON text. */
    public static Campaign readStoredText(String json) {
        try {
            return readStored(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored campaign is not JSON", e);
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        ArrayNode a = o.putArray(name);
        values.forEach(a::add);
    }

    private static void unknown(JsonNode doc, Set<String> known, String prefix, List<CampaignProblem> problems) {
        Iterator<String> names = doc.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                problems.add(new CampaignProblem(prefix + n, "unknown field"));
            }
        }
    }

    private static String text(JsonNode doc, String field, boolean required, List<CampaignProblem> problems) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new CampaignProblem(field, "is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new CampaignProblem(field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static long micros(JsonNode doc, String field, boolean required, List<CampaignProblem> problems) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new CampaignProblem(field, "is required"));
            }
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(new CampaignProblem(field, "must be an integer number of micros"));
            return 0;
        }
        long x = v.asLong();
        if (x <= 0 || x > MAX_MICROS) {
            problems.add(new CampaignProblem(field, "must be greater than 0 and at most " + MAX_MICROS));
            return 0;
        }
        return x;
    }

    private static <E extends Enum<E>> E choice(JsonNode doc, String field, Class<E> type, E dflt,
                                                List<CampaignProblem> problems) {
        String s = text(doc, field, false, problems);
        if (s == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            problems.add(new CampaignProblem(field, "must be one of " + names));
            return dflt;
        }
    }

    /** An ISO-8601 instant with offset, or a local date-time read in the campaign's zone. */
    private static Instant time(JsonNode doc, String field, ZoneId zone, boolean required, List<CampaignProblem> problems) {
        String s = text(doc, field, required, problems);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                problems.add(new CampaignProblem(field, "must be an ISO-8601 date-time such as 2026-11-22T00:00:00Z "
                        + "or 2026-11-22T00:00:00 (read in time_zone)"));
                return null;
            }
        }
    }

    private static List<String> stringList(JsonNode parent, String field, String path, List<CampaignProblem> problems) {
        JsonNode v = parent.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new CampaignProblem(path, "must be a list of strings"));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                problems.add(new CampaignProblem(path + "[" + i + "]", "must be a non-empty string"));
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private static Targeting targeting(JsonNode t, List<CampaignProblem> problems) {
        if (t == null || t.isNull()) {
            return Targeting.any();
        }
        if (!t.isObject()) {
            problems.add(new CampaignProblem("targeting", "must be an object"));
            return Targeting.any();
        }
        unknown(t, TARGETING, "targeting.", problems);
        List<String> countries = stringList(t, "countries", "targeting.countries", problems);
        for (int i = 0; i < countries.size(); i++) {
            if (!countries.get(i).matches("[A-Z]{3}")) {
                problems.add(new CampaignProblem("targeting.countries[" + i + "]",
                        "must be an ISO 3166-1 alpha-3 code in capitals, such as USA"));
            }
        }
        List<Integer> deviceTypes = new ArrayList<>();
        JsonNode dt = t.get("device_types");
        if (dt != null && !dt.isNull()) {
            if (!dt.isArray()) {
                problems.add(new CampaignProblem("targeting.device_types", "must be a list of AdCOM device type codes"));
            } else {
                for (int i = 0; i < dt.size(); i++) {
                    if (!dt.get(i).isInt() || dt.get(i).asInt() < 1 || dt.get(i).asInt() > 8) {
                        problems.add(new CampaignProblem("targeting.device_types[" + i + "]",
                                "must be an AdCOM device type code from 1 to 8"));
                    } else {
                        deviceTypes.add(dt.get(i).asInt());
                    }
                }
            }
        }
        List<String> media = stringList(t, "media_types", "targeting.media_types", problems);
        for (int i = 0; i < media.size(); i++) {
            if (!MEDIA.contains(media.get(i))) {
                problems.add(new CampaignProblem("targeting.media_types[" + i + "]", "must be banner, video, audio or native"));
            }
        }
        return new Targeting(lower(stringList(t, "site_domains", "targeting.site_domains", problems)),
                stringList(t, "app_bundles", "targeting.app_bundles", problems),
                stringList(t, "publisher_ids", "targeting.publisher_ids", problems), countries, deviceTypes, media,
                stringList(t, "content_genres", "targeting.content_genres", problems));
    }

    private static List<String> lower(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (String s : in) {
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<Creative> creatives(JsonNode list, List<CampaignProblem> problems) {
        List<Creative> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            problems.add(new CampaignProblem("creatives", "is required"));
            return out;
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new CampaignProblem("creatives", "must be a non-empty list"));
            return out;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String p = "creatives[" + i + "]";
            if (!c.isObject()) {
                problems.add(new CampaignProblem(p, "must be an object"));
                continue;
            }
            unknown(c, Set.of("id", "type", "markup", "w", "h", "vast", "duration", "adomain", "cat"), p + ".", problems);
            int before = problems.size();
            String id = c.path("id").isTextual() && !c.path("id").asText().isBlank() ? c.path("id").asText() : null;
            if (id == null) {
                problems.add(new CampaignProblem(p + ".id", "is required"));
            } else if (!ids.add(id)) {
                problems.add(new CampaignProblem(p + ".id", "is used by another creative"));
            }
            String type = c.path("type").asText("");
            List<String> adomain = stringList(c, "adomain", p + ".adomain", problems);
            if (adomain.isEmpty()) {
                problems.add(new CampaignProblem(p + ".adomain", "must name at least one advertiser domain"));
            }
            List<String> cat = stringList(c, "cat", p + ".cat", problems);
            if ("banner".equals(type)) {
                String markup = c.path("markup").isTextual() ? c.path("markup").asText() : "";
                if (markup.isBlank()) {
                    problems.add(new CampaignProblem(p + ".markup", "is required for a banner"));
                }
                int w = c.path("w").asInt(0);
                int h = c.path("h").asInt(0);
                if (!c.path("w").isInt() || w <= 0 || !c.path("h").isInt() || h <= 0) {
                    problems.add(new CampaignProblem(p + ".w", "w and h must be positive integers"));
                }
                if (problems.size() == before) {
                    out.add(new Creative(id, Creative.Type.BANNER, markup, w, h, 0, lower(adomain), cat));
                }
            } else if ("video".equals(type)) {
                String vast = c.path("vast").isTextual() ? c.path("vast").asText() : "";
                if (!vast.contains("<VAST")) {
                    problems.add(new CampaignProblem(p + ".vast", "is required for a video and must be a VAST document"));
                }
                int d = c.path("duration").asInt(0);
                if (!c.path("duration").isInt() || d <= 0) {
                    problems.add(new CampaignProblem(p + ".duration", "must be a positive number of seconds"));
                }
                if (problems.size() == before) {
                    out.add(new Creative(id, Creative.Type.VIDEO, vast, 0, 0, d, lower(adomain), cat));
                }
            } else {
                problems.add(new CampaignProblem(p + ".type", "must be banner or video"));
            }
        }
        return out;
    }

    private static FrequencyCap frequencyCap(JsonNode f, List<CampaignProblem> problems) {
        if (f == null || f.isNull()) {
            return null;
        }
        if (!f.isObject() || !f.path("impressions").isInt() || f.path("impressions").asInt() <= 0
                || !f.path("period_seconds").canConvertToLong() || f.path("period_seconds").asLong() <= 0) {
            problems.add(new CampaignProblem("frequency_cap",
                    "must be {\"impressions\": positive integer, \"period_seconds\": positive integer}"));
            return null;
        }
        return new FrequencyCap(f.path("impressions").asInt(), f.path("period_seconds").asLong());
    }
}
