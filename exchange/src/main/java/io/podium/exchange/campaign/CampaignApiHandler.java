package io.podium.exchange.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignJson;
import io.podium.pacing.campaign.CampaignProblem;
import io.podium.pacing.store.BudgetStoreUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /api/v1/campaigns}: the advertisers' REST API (JSON, bearer token per advertiser).
 *
 * <pre>
 * POST   /api/v1/campaigns              create          201 + campaign
 * GET    /api/v1/campaigns              list own        200 + {"campaigns":[...]}
 * GET    /api/v1/campaigns/{id}         read            200 | 404
 * PUT    /api/v1/campaigns/{id}         replace         200 | 400 | 404
 * POST   /api/v1/campaigns/{id}/pause   pause           200 | 404
 * POST   /api/v1/campaigns/{id}/resume  resume          200 | 404
 * GET    /api/v1/campaigns/{id}/delivery[?day=YYYY-MM-DD]  spend against plan  200 | 400 | 404
 * </pre>
 *
 * No token or an unknown one: 401. Another advertiser's campaign: 404 (its existence is not
 * revealed). Invalid documents: 400 with {@code {"problems":[{"field","rule"}]}}. Store down:
 * 503. Runs on worker threads (the store may block).
 */
public final class CampaignApiHandler implements HttpHandler {
    public static final String PREFIX = "/api/v1/campaigns";
    private static final int MAX_BODY = 256 * 1024;

    private final CampaignService service;
    private final BearerTokens tokens;
    private final DeliveryReports delivery;

    public CampaignApiHandler(CampaignService service, BearerTokens tokens, DeliveryReports delivery) {
        this.service = service;
        this.tokens = tokens;
        this.delivery = delivery;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        Principal who = tokens.authenticate(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (who == null) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"podium\"");
            error(exchange, 401, "a valid bearer token is required");
            return;
        }
        try {
            route(exchange, who);
        } catch (BudgetStoreUnavailableException e) {
            error(exchange, 503, "the campaign store is unavailable; retry later");
        } catch (IllegalArgumentException e) {
            error(exchange, 409, e.getMessage());
        }
    }

    private void route(HttpServerExchange exchange, Principal who) throws IOException {
        String rest = exchange.getRelativePath();
        String[] parts = rest.isEmpty() || "/".equals(rest) ? new String[0] : rest.substring(1).split("/");
        HttpString method = exchange.getRequestMethod();
        if (parts.length == 0) {
            if (Methods.POST.equals(method)) {
                JsonNode body = body(exchange);
                if (body != null) {
                    send(exchange, service.create(who, body), 201);
                }
            } else if (Methods.GET.equals(method)) {
                ObjectNode out = CampaignJson.MAPPER.createObjectNode();
                ArrayNode list = out.putArray("campaigns");
                for (Campaign c : service.list(who)) {
                    list.add(CampaignJson.write(c));
                }
                json(exchange, 200, out);
            } else {
                error(exchange, 405, "use GET or POST");
            }
            return;
        }
        String id = parts[0];
        if (parts.length == 1) {
            if (Methods.GET.equals(method)) {
                Optional<Campaign> c = service.get(who, id);
                if (c.isEmpty()) {
                    error(exchange, 404, "no campaign " + id);
                } else {
                    json(exchange, 200, CampaignJson.write(c.get()));
                }
            } else if (Methods.PUT.equals(method)) {
                JsonNode body = body(exchange);
                if (body != null) {
                    send(exchange, service.replace(who, id, body), 200);
                }
            } else {
                error(exchange, 405, "use GET or PUT");
            }
            return;
        }
        if (parts.length == 2 && Methods.GET.equals(method) && "delivery".equals(parts[1])) {
            Optional<Campaign> c = service.get(who, id);
            if (c.isEmpty()) {
                error(exchange, 404, "no campaign " + id);
                return;
            }
            java.time.LocalDate day = null;
            var dayParam = exchange.getQueryParameters().get("day");
            if (dayParam != null && !dayParam.isEmpty()) {
                try {
                    day = java.time.LocalDate.parse(dayParam.getFirst());
                } catch (java.time.DateTimeException e) {
                    error(exchange, 400, "day must be a date such as 2026-11-22");
                    return;
                }
            }
            json(exchange, 200, delivery.report(c.get(), day));
            return;
        }
        if (parts.length == 2 && Methods.POST.equals(method) && ("pause".equals(parts[1]) || "resume".equals(parts[1]))) {
            send(exchange, service.setStatus(who, id, "pause".equals(parts[1]) ? Campaign.Status.PAUSED
                    : Campaign.Status.ACTIVE), 200);
            return;
        }
        error(exchange, 404, "no such resource");
    }

    /** The JSON body, or null after answering 400 (too large, not JSON). */
    private static JsonNode body(HttpServerExchange exchange) throws IOException {
        InputStream in = exchange.getInputStream();
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            exchange.setPersistent(false);
            error(exchange, 400, "body exceeds " + MAX_BODY + " bytes");
            return null;
        }
        try {
            JsonNode node = CampaignJson.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                error(exchange, 400, "the body must be a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            error(exchange, 400, "malformed JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static void send(HttpServerExchange exchange, CampaignService.Result r, int okStatus) {
        if (r.notFound()) {
            error(exchange, 404, "no such campaign");
        } else if (!r.problems().isEmpty()) {
            ObjectNode out = CampaignJson.MAPPER.createObjectNode();
            ArrayNode list = out.putArray("problems");
            for (CampaignProblem p : r.problems()) {
                list.addObject().put("field", p.field()).put("rule", p.rule());
            }
            json(exchange, 400, out);
        } else {
            json(exchange, okStatus, CampaignJson.write(r.campaign()));
        }
    }

    private static void error(HttpServerExchange exchange, int status, String message) {
        ObjectNode out = CampaignJson.MAPPER.createObjectNode();
        out.put("error", message);
        json(exchange, status, out);
    }

    private static void json(HttpServerExchange exchange, int status, JsonNode body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }
}
