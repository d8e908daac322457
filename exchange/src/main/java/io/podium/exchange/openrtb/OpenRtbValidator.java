package io.podium.exchange.openrtb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.OpenRtb26;
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

    public List<Problem> validateRequest(BidRequest request) {
        List<Problem> problems = new ArrayList<>();
        walk(request, "$", problems);
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

    public List<Problem> validateResponse(BidResponse response) {
        List<Problem> problems = new ArrayList<>();
        walk(response, "$", problems);
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

    /** Required fields and ext objects, recursively through every present message. */
    private static void walk(MessageOrBuilder message, String path, List<Problem> problems) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            String p = path + "." + field.getName();
            boolean required = field.getOptions().getExtension(OpenRtb26.required);
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                if (required && count == 0) {
                    problems.add(new Problem(p, "is required and must not be empty"));
                }
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    for (int i = 0; i < count; i++) {
                        walk((MessageOrBuilder) message.getRepeatedField(field, i), p + "[" + i + "]", problems);
                    }
                }
                continue;
            }
            boolean present = message.hasField(field);
            if (required && !present) {
                problems.add(new Problem(p, "is required"));
            }
            if (!present) {
                continue;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                walk((MessageOrBuilder) message.getField(field), p, problems);
            } else if ("ext".equals(field.getName()) && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                String ext = (String) message.getField(field);
                if (!ext.isEmpty() && !isJsonObject(ext)) {
                    problems.add(new Problem(p, "must hold a JSON object"));
                }
            }
        }
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
