package io.podium.exchange.openrtb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.SeatBid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a decoded request or response against the rules of OpenRTB 2.6: every field the
 * schema marks {@code (required)} is present (non-empty for lists), {@code ext} holds a JSON
 * object, plus the rules the prose adds (unique imp ids, at least one media object per imp,
 * non-negative floors, ISO currency codes, positive {@code tmax}, unique bid ids...). Each
 * problem carries its JSON path. Stateless and thread-safe.
 */
public final class OpenRtbValidator {
    private static final JsonFactory JSON = new JsonFactory();

    /** Validates a request decoded from protobuf (ext objects are checked too). */
    public List<Problem> validateRequest(BidRequest request) {
        return validateRequest(request, true);
    }

    /**
     * @param checkExt whether ext fields must be checked to hold JSON objects: needed for
     *                 protobuf input, already guaranteed for JSON decoded by the codec
     */
    public List<Problem> validateRequest(BidRequest request, boolean checkExt) {
        List<Problem> problems = new ArrayList<>(0);
        walk(request, MessageSchema.forMessage(BidRequest.getDefaultInstance()), new JsonPath(), checkExt, problems);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.getImpCount(); i++) {
            Imp imp = request.getImp(i);
            String p = "$.imp[" + i + "]";
            if (imp.hasId() && !imp.getId().isEmpty() && !ids.add(imp.getId())) {
                problems.add(new Problem(p + ".id", "duplicate imp id \"" + imp.getId() + "\""));
            }
            if (imp.hasId() && imp.getId().isEmpty()) {
                problems.add(new Problem(p + ".id", "must not be empty"));
            }
            if (!imp.hasBanner() && !imp.hasVideo() && !imp.hasAudio() && !imp.hasNative()) {
                problems.add(new Problem(p, "needs one of banner, video, audio or native"));
            }
            if (imp.hasBidfloor() && !(imp.getBidfloor() >= 0)) {
                problems.add(new Problem(p + ".bidfloor", "must not be negative"));
            }
            if (imp.hasBidfloorcur()) {
                currency(imp.getBidfloorcur(), p + ".bidfloorcur", problems);
            }
            if (imp.hasPmp()) {
                for (int d = 0; d < imp.getPmp().getDealsCount(); d++) {
                    var deal = imp.getPmp().getDeals(d);
                    String dp = p + ".pmp.deals[" + d + "]";
                    if (deal.hasBidfloor() && !(deal.getBidfloor() >= 0)) {
                        problems.add(new Problem(dp + ".bidfloor", "must not be negative"));
                    }
                    if (deal.hasBidfloorcur()) {
                        currency(deal.getBidfloorcur(), dp + ".bidfloorcur", problems);
                    }
                }
            }
        }
        if (request.hasId() && request.getId().isEmpty()) {
            problems.add(new Problem("$.id", "must not be empty"));
        }
        if (request.hasTmax() && request.getTmax() <= 0) {
            problems.add(new Problem("$.tmax", "must be a positive number of milliseconds"));
        }
        if (request.hasSite() && request.hasApp()) {
            problems.add(new Problem("$", "site and app are mutually exclusive"));
        }
        for (int i = 0; i < request.getCurCount(); i++) {
            currency(request.getCur(i), "$.cur[" + i + "]", problems);
        }
        return problems;
    }

    /** Validates a response decoded from protobuf (ext objects are checked too). */
    public List<Problem> validateResponse(BidResponse response) {
        return validateResponse(response, true);
    }

    /** @param checkExt as for {@link #validateRequest(BidRequest, boolean)} */
    public List<Problem> validateResponse(BidResponse response, boolean checkExt) {
        List<Problem> problems = new ArrayList<>(0);
        walk(response, MessageSchema.forMessage(BidResponse.getDefaultInstance()), new JsonPath(), checkExt, problems);
        if (response.hasCur()) {
            currency(response.getCur(), "$.cur", problems);
        }
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < response.getSeatbidCount(); s++) {
            SeatBid sb = response.getSeatbid(s);
            for (int b = 0; b < sb.getBidCount(); b++) {
                Bid bid = sb.getBid(b);
                String p = "$.seatbid[" + s + "].bid[" + b + "]";
                if (bid.hasId() && !ids.add(bid.getId())) {
                    problems.add(new Problem(p + ".id", "duplicate bid id \"" + bid.getId() + "\""));
                }
                if (bid.hasPrice() && !(bid.getPrice() >= 0)) {
                    problems.add(new Problem(p + ".price", "must not be negative"));
                }
            }
        }
        return problems;
    }

    private static void currency(String code, String path, List<Problem> problems) {
        if (code.length() != 3 || !code.chars().allMatch(Character::isLetter)) {
            problems.add(new Problem(path, "must be an ISO 4217 currency code, got \"" + code + "\""));
        }
    }

    /**
     * Required fields and (when asked) ext objects, recursively through every present message,
     * with the accessors bound in {@link MessageSchema}. Subtrees without required fields are
     * skipped unless ext objects must be checked.
     */
    private static void walk(Object message, MessageSchema schema, JsonPath path, boolean checkExt,
                             List<Problem> problems) {
        for (FieldSlot slot : schema.ordered()) {
            if (slot.repeated) {
                int count = slot.count.count(message);
                if (slot.required && count == 0) {
                    problems.add(problem(path, slot.name, "is required and must not be empty"));
                }
                if (slot.kind == FieldSlot.Kind.MESSAGE && (checkExt || slot.nested.hasRequiredFieldsBelow())) {
                    path.pushName(slot.name);
                    path.pushIndex(0);
                    for (int i = 0; i < count; i++) {
                        path.setIndex(i);
                        walk(slot.objAt.get(message, i), slot.nested, path, checkExt, problems);
                    }
                    path.pop();
                    path.pop();
                }
                continue;
            }
            boolean required = slot.required;
            boolean descend = slot.kind == FieldSlot.Kind.MESSAGE && (checkExt || slot.nested.hasRequiredFieldsBelow());
            boolean ext = checkExt && slot.kind == FieldSlot.Kind.RAW_JSON_OBJECT;
            if (!required && !descend && !ext) {
                continue;
            }
            boolean present = slot.has.has(message);
            if (required && !present) {
                problems.add(problem(path, slot.name, "is required"));
            }
            if (!present) {
                continue;
            }
            if (descend) {
                path.pushName(slot.name);
                walk(slot.objGet.get(message), slot.nested, path, checkExt, problems);
                path.pop();
            } else if (ext) {
                String text = (String) slot.objGet.get(message);
                if (!text.isEmpty() && !isJsonObject(text)) {
                    problems.add(problem(path, slot.name, "must hold a JSON object"));
                }
            }
        }
    }

    private static Problem problem(JsonPath path, String field, String message) {
        path.pushName(field);
        Problem p = new Problem(path.toString(), message);
        path.pop();
        return p;
    }

    /** Whether text is exactly one well-formed JSON object. */
    public static boolean isJsonObject(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
