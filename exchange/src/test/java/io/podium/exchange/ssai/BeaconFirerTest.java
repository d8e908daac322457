package io.podium.exchange.ssai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.podium.exchange.config.HttpClientConfig;
import io.podium.exchange.http.JdkOutboundHttp;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.notice.NoticeForwarder;
import io.podium.ssai.session.BeaconEvent;
import io.podium.ssai.session.BeaconOnce;
import io.podium.ssai.session.BeaconTicket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Beacons against a real HTTP server on loopback: fired once under repeated and concurrent fetches. */
class BeaconFirerTest {
    @Test
    void eachTicketFiresItsUrlsOnceWithMacrosFilledWhateverTheConcurrency() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> hits = new CopyOnWriteArrayList<>();
        server.createContext("/", ex -> {
            hits.add(ex.getRequestURI() + " UA=" + ex.getRequestHeaders().getFirst("User-Agent"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try (JdkOutboundHttp http = new JdkOutboundHttp(new HttpClientConfig("Podium-test/1", 500, 65_536, 16, "jdk"))) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            BeaconFirer firer = new BeaconFirer(new BeaconOnce(Clock.systemUTC(), 10_000),
                    new NoticeForwarder(http, new Metrics(), 2000), Clock.systemUTC());
            long expires = Clock.systemUTC().millis() / 1000 + 600;
            BeaconTicket first = new BeaconTicket("s", 0, 1, 0, expires, URI.create(base + "/seg0.ts"),
                    Map.of(BeaconEvent.IMPRESSION, List.of(base + "/imp?cb=[CACHEBUSTING]", base + "/bill"),
                            BeaconEvent.START, List.of(base + "/start")));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger fired = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 64; i++) {
                pool.submit(() -> {
                    go.await();
                    if (firer.fire(first)) {
                        fired.incrementAndGet();
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(1, fired.get());
            for (int i = 0; i < 500 && hits.size() < 3; i++) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            assertEquals(3, hits.size(), hits.toString());
            assertTrue(hits.stream().anyMatch(h -> h.matches("/imp\\?cb=\\d{8} UA=Podium-test/1")), hits.toString());
            assertFalse(firer.fire(first), "a repeat fires nothing");
            assertFalse(firer.fire(new BeaconTicket("s", 0, 1, 5, expires, first.segment(), Map.of())),
                    "a segment without beacons fires nothing");
        } finally {
            server.stop(0);
        }
    }
}
