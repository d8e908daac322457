package io.podium.exchange.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.config.HttpClientConfig;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One contract, every {@link OutboundHttp} implementation, against a real loopback server. */
class OutboundHttpContractTest {
    private static Undertow server;
    private static int port;
    private static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private static final Set<String> peers = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerThreads(8)
                .setHandler(OutboundHttpContractTest::handle).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void handle(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
            ex.dispatch(OutboundHttpContractTest::handle);
            return;
        }
        ex.startBlocking();
        byte[] body = ex.getInputStream().readAllBytes();
        peers.add(ex.getConnection().getPeerAddress().toString());
        ex.getRequestHeaders().forEach(h -> lastHeaders.put(h.getHeaderName().toString().toLowerCase(), h.getFirst()));
        switch (ex.getRequestPath()) {
            case "/echo":
                ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/echo");
                ex.getOutputStream().write(body);
                break;
            case "/slow":
                Thread.sleep(2000);
                break;
            case "/trickle":
                ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, 1000);
                for (int i = 0; i < 20; i++) {
                    ex.getOutputStream().write('x');
                    ex.getOutputStream().flush();
                    Thread.sleep(100);
                }
                break;
            case "/big":
                ex.getOutputStream().write(new byte[200_000]);
                break;
            default:
                ex.setStatusCode(404);
        }
    }

    private static OutboundHttp client(String implementation) {
        return OutboundHttp.create(new HttpClientConfig("ContractTest/1", 500, 100_000, 16, implementation));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static OutboundFailure failure(java.util.concurrent.CompletableFuture<HttpReply> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            assertTrue(c instanceof OutboundFailure, "expected an OutboundFailure, got " + c);
            return (OutboundFailure) c;
        }
        throw new AssertionError("the call succeeded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void postsTheBodyWithPodiumHeadersAndReadsTheReply(String impl) throws Exception {
        try (OutboundHttp http = client(impl)) {
            byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            HttpReply r = http.post(uri("/echo"), body, "application/json", "gzip", "2.6", 2000).get(5, TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertArrayEquals(body, r.body());
            assertEquals("application/echo", r.contentType());
            assertEquals("ContractTest/1", lastHeaders.get("user-agent"));
            assertEquals("2.6", lastHeaders.get("x-openrtb-version"));
            assertEquals("gzip", lastHeaders.get("content-encoding"));
            assertEquals("application/json", lastHeaders.get("content-type"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void reusesKeepAliveConnections(String impl) throws Exception {
        try (OutboundHttp http = client(impl)) {
            http.get(uri("/echo"), 2000).get(5, TimeUnit.SECONDS);
            peers.clear();
            for (int i = 0; i < 20; i++) {
                assertEquals(200, http.get(uri("/echo"), 2000).get(5, TimeUnit.SECONDS).status());
            }
            assertEquals(1, peers.size(), "sequential calls should share one pooled connection: " + peers);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void aSlowServerTimesOut(String impl) throws Exception {
        try (OutboundHttp http = client(impl)) {
            assertEquals(OutboundFailure.Kind.TIMEOUT, failure(http.get(uri("/slow"), 200)).kind());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void aTricklingBodyTimesOutAsAWhole(String impl) throws Exception {
        try (OutboundHttp http = client(impl)) {
            assertEquals(OutboundFailure.Kind.TIMEOUT, failure(http.get(uri("/trickle"), 300)).kind());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void aBodyOverTheCapIsRefused(String impl) throws Exception {
        try (OutboundHttp http = client(impl)) {
            assertEquals(OutboundFailure.Kind.TOO_LARGE, failure(http.get(uri("/big"), 2000)).kind());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "netty"})
    void aRefusedConnectionFails(String impl) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (OutboundHttp http = client(impl)) {
            OutboundFailure f = failure(http.get(URI.create("http://127.0.0.1:" + closed + "/"), 2000));
            assertTrue(List.of(OutboundFailure.Kind.CONNECT, OutboundFailure.Kind.IO).contains(f.kind()), f.toString());
        }
    }
}
