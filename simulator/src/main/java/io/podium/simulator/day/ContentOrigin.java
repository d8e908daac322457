package io.podium.simulator.day;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The content origin of the day's SSAI sessions: an HTTP server on loopback serving one VOD
 * programme as HLS ({@code /vod/master.m3u8}, two variants of {@value #SEGMENTS} six-second
 * segments, twenty minutes) whose segments are MPEG-TS null packets: the stitcher and the beacons
 * work on playlists, so the bytes need not decode.
 */
final class ContentOrigin implements AutoCloseable {
    static final int SEGMENTS = 200;
    private static final byte[] MASTER = ("#EXTM3U\n#EXT-X-VERSION:3\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\"\nv0.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\"\nv1.m3u8\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS = io.podium.simulator.dsp.MediaBytes.tsNullPacket();

    private final Undertow server;
    private final String base;

    ContentOrigin() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(2)
                .setHandler(this::handle).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        base = "http://127.0.0.1:" + port + "/vod/";
    }

    /** The prefix of every URL served, for {@code ssai.origins}. */
    String base() {
        return base;
    }

    String master() {
        return base + "master.m3u8";
    }

    private void handle(HttpServerExchange ex) {
        String path = ex.getRequestPath();
        if (path.equals("/vod/master.m3u8")) {
            send(ex, "application/vnd.apple.mpegurl", MASTER);
        } else if (path.equals("/vod/v0.m3u8") || path.equals("/vod/v1.m3u8")) {
            send(ex, "application/vnd.apple.mpegurl", variant(path.charAt(6)).getBytes(StandardCharsets.US_ASCII));
        } else if (path.startsWith("/vod/") && path.endsWith(".ts")) {
            send(ex, "video/mp2t", TS);
        } else {
            ex.setStatusCode(404);
            ex.endExchange();
        }
    }

    private static String variant(char v) {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < SEGMENTS; i++) {
            sb.append("#EXTINF:6.000,\nv").append(v).append("-").append(i).append(".ts\n");
        }
        return sb.append("#EXT-X-ENDLIST\n").toString();
    }

    private static void send(HttpServerExchange ex, String type, byte[] body) {
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    @Override
    public void close() {
        server.stop();
    }
}
