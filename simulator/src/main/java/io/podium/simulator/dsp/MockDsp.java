package io.podium.simulator.dsp;

import io.podium.exchange.openrtb.Gzip;
import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.undertow.Undertow;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A mock DSP: an Undertow HTTP server answering OpenRTB 2.6 JSON bid requests on
 * {@code POST /bid} the way its {@link DspProfile} says, and counting the notices it gets on
 * {@code /notice/win}, {@code /notice/bill}, {@code /notice/loss} and {@code /notice/imp}.
 *
 * <p>Threading: the request body is read without blocking on the IO thread; decoding and
 * bidding run on an Undertow worker thread; the answer is written on the connection's IO
 * thread after the drawn delay, which a single scheduler thread times, so a slow or hanging
 * answer holds no thread. Gzip request bodies ({@code Content-Encoding: gzip}) are accepted.
 *
 * <p>Reproducibility: every request takes the next {@link SplittableRandom#split() split} of a
 * generator seeded with the DSP's seed, so the same requests in the same order give the same
 * answers, delays and faults.
 */
public final class MockDsp implements AutoCloseable {
    private static final OpenRtbJsonCodec CODEC = new OpenRtbJsonCodec();
    private static final int MAX_BODY_BYTES = 4 << 20;

    private final DspProfile profile;
    private final long seed;
    private final SplittableRandom master;
    private long sequence;
    private final Undertow server;
    private final ScheduledExecutorService scheduler;
    private final URI endpoint;
    private final BidComposer composer;
    private final Set<HttpServerExchange> hanging = ConcurrentHashMap.newKeySet();
    private volatile AnswerTap tap;
    /** Multiplies every drawn delay; 1 unless a simulated slowdown is on. */
    private volatile double slowdown = 1;

    /**
     * Told of every answer the DSP decides on, as it decides (before the delay): the day
     * simulation keeps the best bid that reached the exchange in time for its baselines.
     */
    @FunctionalInterface
    public interface AnswerTap {
        /**
         * @param bids the bids that will arrive as valid JSON, or null (no bid, 5xx, malformed
         *     JSON, a hang)
         * @param delayMs after how long the last byte leaves, {@link Long#MAX_VALUE} for a hang
         */
        void answered(BidRequest request, BidResponse bids, long delayMs);
    }

    private final LongAdder requests = new LongAdder();
    private final LongAdder badRequests = new LongAdder();
    private final LongAdder responsesWithBids = new LongAdder();
    private final LongAdder bids = new LongAdder();
    private final LongAdder noBids = new LongAdder();
    private final Map<Fault, LongAdder> faults = new EnumMap<>(Fault.class);
    private final LongAdder wins = new LongAdder();
    private final LongAdder bills = new LongAdder();
    private final LongAdder losses = new LongAdder();
    private final LongAdder impressions = new LongAdder();
    private final LongAdder billedCpmMicros = new LongAdder();

    private MockDsp(DspProfile profile, long seed, String host, int port) {
        this.profile = Objects.requireNonNull(profile, "profile");
        DspProfile.requireText(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        }
        this.seed = seed;
        this.master = new SplittableRandom(seed);
        for (Fault f : Fault.values()) {
            faults.put(f, new LongAdder());
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mock-dsp-" + profile.id() + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(2)
                .setWorkerThreads(4)
                .setHandler(this::route)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        int bound = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        String advertised = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (advertised.contains(":")) {
            advertised = "[" + advertised + "]";
        }
        String base = "http://" + advertised + ":" + bound;
        this.endpoint = URI.create(base + "/bid");
        this.composer = new BidComposer(profile, base);
    }

    /** Starts a mock DSP on an ephemeral loopback port. */
    public static MockDsp start(DspProfile profile, long seed) {
        return start(profile, seed, "127.0.0.1", 0);
    }

    /**
     * Starts a mock DSP.
     *
     * @param host address to listen on; {@code 0.0.0.0} listens everywhere and advertises loopback
     * @param port port to listen on, 0 for an ephemeral one
     */
    public static MockDsp start(DspProfile profile, long seed, String host, int port) {
        return new MockDsp(profile, seed, host, port);
    }

    /** Sets (or with null, removes) the tap told of every answer. */
    public MockDsp tap(AnswerTap answerTap) {
        this.tap = answerTap;
        return this;
    }

    /**
     * Multiplies the latency drawn from the profile by {@code factor} from now on (1 restores
     * it): a DSP slowing down during a simulated day.
     */
    public void slowdown(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("slowdown factor must be positive, got " + factor);
        }
        this.slowdown = factor;
    }

    /** Where to send bid requests: {@code http://host:port/bid}. */
    public URI endpoint() {
        return endpoint;
    }

    public DspProfile profile() {
        return profile;
    }

    public long seed() {
        return seed;
    }

    public DspStats stats() {
        Map<Fault, Long> f = new EnumMap<>(Fault.class);
        faults.forEach((k, v) -> f.put(k, v.sum()));
        return new DspStats(requests.sum(), badRequests.sum(), responsesWithBids.sum(), bids.sum(), noBids.sum(), f,
                wins.sum(), bills.sum(), losses.sum(), impressions.sum(), billedCpmMicros.sum());
    }

    /** Closes every connection, hanging ones included, and stops the server. Idempotent. */
    @Override
    public void close() {
        for (HttpServerExchange ex : hanging) {
            try {
                ex.getConnection().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        hanging.clear();
        scheduler.shutdownNow();
        server.stop();
    }

    private void route(HttpServerExchange ex) {
        String path = ex.getRequestPath();
        if (path.startsWith("/notice/")) {
            notice(ex, path.substring("/notice/".length()));
        } else if (path.startsWith("/media/")) {
            media(ex, path.substring("/media/".length()));
        } else if (!path.equals("/bid")) {
            ex.setStatusCode(404);
            ex.endExchange();
        } else if (!Methods.POST.equals(ex.getRequestMethod())) {
            ex.setStatusCode(405);
            ex.getResponseHeaders().put(Headers.ALLOW, "POST");
            ex.endExchange();
        } else {
            ex.getRequestReceiver().setMaxBufferSize(MAX_BODY_BYTES);
            ex.getRequestReceiver().receiveFullBytes(
                    (e, body) -> e.dispatch(() -> bid(e, body)),
                    (e, error) -> {
                        badRequests.increment();
                        e.setStatusCode(400);
                        e.endExchange();
                    });
        }
    }

    /** Counts a notice; runs on the IO thread, it only touches counters. */
    private void notice(HttpServerExchange ex, String kind) {
        switch (kind) {
            case "win" -> wins.increment();
            case "loss" -> losses.increment();
            case "imp" -> impressions.increment();
            case "error" -> { }
            case "bill" -> {
                bills.increment();
                Deque<String> price = ex.getQueryParameters().get("price");
                if (price != null && !price.isEmpty()) {
                    try {
                        billedCpmMicros.add(Math.round(Double.parseDouble(price.getFirst()) * 1_000_000));
                    } catch (NumberFormatException e) {
                        // macro left unexpanded: counted, not summed
                    }
                }
            }
            default -> {
                ex.setStatusCode(404);
                ex.endExchange();
                return;
            }
        }
        ex.setStatusCode(200);
        ex.endExchange();
    }

    /** A TS segment body. */
    private static final byte[] TS_PACKET = MediaBytes.tsNullPacket();

    /**
     * Ad media for SSAI: {@code <crid>-<seconds>s.m3u8} is the ad's HLS playlist
     * ({@link AdMarkup#hlsPlaylist}), {@code *.ts} a segment; anything else is 404.
     */
    private void media(HttpServerExchange ex, String name) {
        java.util.regex.Matcher m = HLS_NAME.matcher(name);
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(2));
            send(ex, 200, "application/vnd.apple.mpegurl",
                    AdMarkup.hlsPlaylist(m.group(1), seconds).getBytes(StandardCharsets.US_ASCII));
        } else if (name.endsWith(".ts")) {
            send(ex, 200, "video/mp2t", TS_PACKET);
        } else {
            ex.setStatusCode(404);
            ex.endExchange();
        }
    }

    private static final java.util.regex.Pattern HLS_NAME = java.util.regex.Pattern.compile("([A-Za-z0-9_.-]{1,100})-(\\d{1,4})s\\.m3u8");

    /** Runs on a worker thread; must end the exchange on every path (it is not a root handler). */
    private void bid(HttpServerExchange ex, byte[] body) {
        requests.increment();
        RandomGenerator random;
        long seq;
        synchronized (master) {
            random = master.split();
            seq = ++sequence;
        }
        BidRequest request;
        try {
            String encoding = ex.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING);
            byte[] json = encoding != null && encoding.equalsIgnoreCase("gzip") ? Gzip.decompress(body, MAX_BODY_BYTES) : body;
            request = CODEC.decodeRequest(json);
        } catch (IOException | OpenRtbDecodeException e) {
            badRequests.increment();
            ex.setStatusCode(400);
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            ex.getResponseSender().send(String.valueOf(e.getMessage()));
            return;
        }
        Fault fault = Fault.draw(profile.faults(), random.nextDouble());
        long delayMs = latencyMs(random);
        if (fault != null) {
            faults.get(fault).increment();
        }
        AnswerTap t = tap;
        if (fault == Fault.HANG) {
            if (t != null) {
                t.answered(request, null, Long.MAX_VALUE);
            }
            hanging.add(ex);
            ex.getConnection().addCloseListener(connection -> hanging.remove(ex));
            return;
        }
        if (fault == Fault.NO_BID || fault == Fault.SERVER_ERROR) {
            if (t != null) {
                t.answered(request, null, delayMs);
            }
        }
        if (fault == Fault.NO_BID) {
            later(ex, delayMs, e -> noBid(e));
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            int status = random.nextBoolean() ? 500 : 503;
            later(ex, delayMs, e -> send(e, status, "text/plain", "mock DSP fault".getBytes(StandardCharsets.US_ASCII)));
            return;
        }
        BidResponse response = composer.compose(request, seq, random);
        if (t != null) {
            long arrives = fault == Fault.TIMEOUT ? profile.faults().timeoutDelayMs()
                    : fault == Fault.TRICKLE && response != null
                    ? delayMs + (long) CODEC.encode(response).length * profile.faults().trickleIntervalMs() : delayMs;
            t.answered(request, fault == Fault.MALFORMED ? null : response, arrives);
        }
        if (fault == Fault.MALFORMED) {
            byte[] whole = response != null ? CODEC.encode(response)
                    : ("{\"id\":\"" + request.getId().replace("\"", "") + "\",\"seatbid\":[{\"bid\":[]}]}")
                            .getBytes(StandardCharsets.UTF_8);
            int cut = 1 + random.nextInt(whole.length - 1);
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            later(ex, delayMs, e -> send(e, 200, "application/json", truncated));
            return;
        }
        if (fault == Fault.TRICKLE) {
            BidResponse r = response != null ? response : BidResponse.newBuilder().setId(request.getId()).build();
            countAnswer(r);
            byte[] bytes = CODEC.encode(r);
            later(ex, delayMs, e -> startTrickle(e, bytes));
            return;
        }
        long wait = fault == Fault.TIMEOUT ? profile.faults().timeoutDelayMs() : delayMs;
        if (response == null) {
            later(ex, wait, e -> noBid(e));
        } else {
            countAnswer(response);
            byte[] bytes = CODEC.encode(response);
            later(ex, wait, e -> send(e, 200, "application/json", bytes));
        }
    }

    private void countAnswer(BidResponse response) {
        int n = 0;
        for (var seat : response.getSeatbidList()) {
            n += seat.getBidCount();
        }
        if (n > 0) {
            responsesWithBids.increment();
            bids.add(n);
        }
    }

    /** Log-normal delay around the median, multiplied on a heavy-tail draw; milliseconds. */
    private long latencyMs(RandomGenerator random) {
        DspProfile.Latency l = profile.latency();
        double ms = l.medianMs() * Math.exp(l.sigma() * random.nextGaussian()) * slowdown;
        if (random.nextDouble() < l.tailProbability()) {
            ms *= l.tailMultiplier();
        }
        return Math.min(3_600_000L, Math.round(ms));
    }

    /** Runs {@code action} on the exchange's IO thread once {@code delayMs} has passed. */
    private void later(HttpServerExchange ex, long delayMs, Consumer<HttpServerExchange> action) {
        Runnable onIo = () -> ex.getIoThread().execute(() -> action.accept(ex));
        try {
            if (delayMs <= 0) {
                onIo.run();
            } else {
                scheduler.schedule(onIo, delayMs, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closing: the connection goes with the server
        }
    }

    private void noBid(HttpServerExchange ex) {
        noBids.increment();
        ex.setStatusCode(204);
        ex.endExchange();
    }

    private static void send(HttpServerExchange ex, int status, String contentType, byte[] body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private void startTrickle(HttpServerExchange ex, byte[] body) {
        ex.setStatusCode(200);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        trickle(ex, body, 0);
    }

    /** Sends byte {@code i}, then schedules the next one after the profile's pause. */
    private void trickle(HttpServerExchange ex, byte[] body, int i) {
        if (i == body.length - 1) {
            ex.getResponseSender().send(ByteBuffer.wrap(body, i, 1), IoCallback.END_EXCHANGE);
            return;
        }
        ex.getResponseSender().send(ByteBuffer.wrap(body, i, 1), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange e, Sender sender) {
                later(e, profile.faults().trickleIntervalMs(), next -> trickle(next, body, i + 1));
            }

            @Override
            public void onException(HttpServerExchange e, Sender sender, IOException error) {
                IoCallback.END_EXCHANGE.onException(e, sender, error);
            }
        });
    }
}
