package io.podium.exchange.ssai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback DSP answering every pod bid request with one ad whose VAST 4.2 MediaFile is an HLS
 * package on the origin: the long ad when the pod is at least {@code longPodSeconds} long (the
 * pre-roll), the short one otherwise (the mid-roll). Every other request (impressions, tracking
 * events, win and billing notices) is recorded and answered 204.
 */
final class PodDsp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ad: its id, duration, profile and the HLS master it plays. */
    record AdSpec(String id, int seconds, int width, int height, String masterUrl) {
    }

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> bidRequests = new CopyOnWriteArrayList<>();
    final String base;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final int longPodSeconds;
    private volatile AdSpec longAd;
    private volatile AdSpec shortAd;

    PodDsp(int longPodSeconds) throws IOException {
        this.longPodSeconds = longPodSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void ads(AdSpec longAd, AdSpec shortAd) {
        this.longAd = longAd;
        this.shortAd = shortAd;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/bid")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                bidRequests.add(body);
                JsonNode request = JSON.readTree(body);
                JsonNode podDur = request.path("imp").path(0).path("video").path("poddur");
                AdSpec ad = podDur.asInt(0) >= longPodSeconds ? longAd : shortAd;
                if (ad == null) {
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                byte[] answer = bid(request.path("id").asText(), ad).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            calls.add(path + "?" + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private String bid(String requestId, AdSpec ad) throws IOException {
        String vast = """
                <VAST version="4.2" xmlns="http://www.iab.com/VAST"><Ad id="%2$s"><InLine>
                <AdSystem version="1">E2E DSP</AdSystem>
                <Error><![CDATA[%1$s/err/%2$s?c=[ERRORCODE]]]></Error>
                <Impression id="imp-%2$s"><![CDATA[%1$s/imp/%2$s?a=${AUCTION_ID}]]></Impression>
                <AdServingId>serving-%2$s</AdServingId>
                <AdTitle>%2$s</AdTitle>
                <Creatives><Creative id="cr-%2$s" adId="%2$s">
                <UniversalAdId idRegistry="ad-id.org">E2E%2$s</UniversalAdId>
                <Linear><Duration>00:00:%3$02d.000</Duration><TrackingEvents>
                <Tracking event="start"><![CDATA[%1$s/ev/%2$s/start?a=${AUCTION_ID}]]></Tracking>
                <Tracking event="firstQuartile"><![CDATA[%1$s/ev/%2$s/firstQuartile?a=${AUCTION_ID}]]></Tracking>
                <Tracking event="midpoint"><![CDATA[%1$s/ev/%2$s/midpoint?a=${AUCTION_ID}]]></Tracking>
                <Tracking event="thirdQuartile"><![CDATA[%1$s/ev/%2$s/thirdQuartile?a=${AUCTION_ID}]]></Tracking>
                <Tracking event="complete"><![CDATA[%1$s/ev/%2$s/complete?a=${AUCTION_ID}]]></Tracking>
                </TrackingEvents><MediaFiles>
                <MediaFile id="hls-%2$s" delivery="streaming" type="application/x-mpegURL" width="%4$d" height="%5$d"><![CDATA[%6$s]]></MediaFile>
                </MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>""".formatted(base, ad.id(),
                ad.seconds(), ad.width(), ad.height(), ad.masterUrl());
        return "{\"id\":\"" + requestId + "\",\"cur\":\"USD\",\"seatbid\":[{\"seat\":\"e2e\",\"bid\":[{\"id\":\"b-"
                + ad.id() + "\",\"impid\":\"1\",\"price\":5,\"dur\":" + ad.seconds() + ",\"crid\":\"cr-" + ad.id()
                + "\",\"adomain\":[\"" + ad.id().toLowerCase() + ".example\"],\"nurl\":\"" + base + "/nurl/" + ad.id()
                + "?p=${AUCTION_PRICE}\",\"burl\":\"" + base + "/burl/" + ad.id() + "?a=${AUCTION_ID}\",\"adm\":"
                + JSON.writeValueAsString(vast) + "}]}]}";
    }

    /** The recorded calls whose path starts with {@code prefix}. */
    List<String> callsTo(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
