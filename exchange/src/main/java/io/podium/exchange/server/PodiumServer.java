package io.podium.exchange.server;

import io.podium.exchange.auction.AuctionService;
import io.podium.exchange.auction.BidScreen;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.ImpAuction;
import io.podium.exchange.bidder.Bidder;
import io.podium.exchange.bidder.BidderRequestFactory;
import io.podium.exchange.bidder.CircuitBreaker;
import io.podium.exchange.bidder.FanOut;
import io.podium.exchange.bidder.QpsLimiter;
import io.podium.exchange.config.BidderConfig;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.config.ServerConfig;
import io.podium.exchange.http.OutboundHttp;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.notice.LossNotifier;
import io.podium.exchange.notice.MacroValues;
import io.podium.exchange.notice.NoticeDeduplicator;
import io.podium.exchange.notice.NoticeForwarder;
import io.podium.exchange.notice.NoticeListener;
import io.podium.exchange.notice.NoticeService;
import io.podium.exchange.notice.NoticeSigner;
import io.podium.exchange.notice.ResponseAssembler;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.openrtb.OpenRtbValidator;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Podium is wired together: configuration in, a running Undertow server
 * out. Routes: {@code POST /openrtb2/auction}, {@code GET /vast/v1/pod}, {@code GET /vmap/v1/{id}},
 * {@code GET /notice/win|bill|<player event>}, {@code GET /ssai/v1/...} (SSAI, HLS and DASH),
 * {@code GET /metrics}, {@code GET /health}.
 */
public final class PodiumServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodiumServer.class);
    /** The IAB VAST schemas, compiled once per process (the pod endpoint checks every ad it serves). */
    private static final io.podium.vast.lint.VastSchemas VAST_SCHEMAS = new io.podium.vast.lint.VastSchemas();

    /** SSAI token caps: a session token rides in a URL (Undertow takes 16 KiB of request head). */
    private static final int SSAI_TOKEN_CHARS = 12_000;
    private static final int SSAI_PAYLOAD_BYTES = 256 * 1024;
    /** Beacon and error keys remembered per node for firing once. */
    private static final int SSAI_ONCE_CAPACITY = 1_000_000;

    private final PodiumConfig config;
    private final Clock clock;
    private final Metrics metrics = new Metrics();
    private final List<NoticeListener> noticeListeners = new ArrayList<>();
    private OutboundHttp http;
    private io.podium.exchange.pacing.PacingBackend pacing;
    private io.podium.pacing.runtime.PacingRuntime pacingRuntime;
    private io.podium.exchange.campaign.CampaignDemand campaignDemand;
    /** Pacing's background work (it may wait on Redis) stays off the deadline timer. */
    private ScheduledExecutorService pacingScheduler;
    private ScheduledExecutorService timer;
    private Undertow undertow;
    private int port;
    private long pacingTickMillis = 1000;

    public PodiumServer(PodiumConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Uses this outbound client instead of the configured one (benchmarks compare clients
     * that are not offered in the configuration); call before {@link #start()}. The server
     * closes it.
     */
    public PodiumServer outboundHttp(OutboundHttp client) {
        this.http = client;
        return this;
    }

    /**
     * How often, in real milliseconds, pacing takes its step (controllers, leases, journal
     * flush, all of which look at the injected clock); 1,000 unless a compressed-time
     * simulation needs its steps closer together. Call before {@link #start()}.
     */
    public PodiumServer pacingTickMillis(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("pacing tick must be at least 1 ms, got " + millis);
        }
        this.pacingTickMillis = millis;
        return this;
    }

    /** Adds a listener told of every first valid notice; call before {@link #start()}. */
    public PodiumServer onNotice(NoticeListener listener) {
        noticeListeners.add(listener);
        return this;
    }

    public synchronized PodiumServer start() {
        ServerConfig sc = resolvePort(config.server());
        if (http == null) {
            http = OutboundHttp.create(config.httpClient());
        }
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "podium-deadline");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        timer = t;

        OpenRtbJsonCodec codec = new OpenRtbJsonCodec(sc.maxJsonDepth());
        CurrencyConverter currencies = new CurrencyConverter(config.auction().currency(), config.auction().ratesMicros());
        List<Bidder> bidders = new ArrayList<>();
        for (BidderConfig bc : config.bidders()) {
            Bidder bidder = new Bidder(bc, new CircuitBreaker(config.circuitBreaker(), clock), new QpsLimiter(bc.qps(), clock),
                    http, codec, sc.maxDecompressedBytes());
            bidders.add(bidder);
            metrics.gauge(MetricName.BREAKER_STATE, () -> bidder.breaker().state().ordinal(), "bidder", bc.id());
        }
        FanOut fanOut = new FanOut(bidders, new BidderRequestFactory(config.auction().schainAsi(),
                config.auction().schainSid()), timer, metrics, codec, config.auction().lateGraceMs());
        pacing = io.podium.exchange.pacing.PacingBackend.open(config.pacing(), clock);
        io.podium.pacing.ledger.BudgetLedger ledger = new io.podium.pacing.ledger.BudgetLedger(pacing.budgets(),
                pacing.journal(), clock, config.pacing().reservationTtlSeconds() * 1000L);
        pacingRuntime = new io.podium.pacing.runtime.PacingRuntime(pacing.campaigns(), ledger,
                new io.podium.pacing.ledger.LeaseManager(pacing.budgets(), ledger, config.pacing().shards()), clock,
                config.pacing().controlIntervalSeconds() * 1000L, config.pacing().leaseSeconds(),
                config.pacing().flushIntervalSeconds() * 1000L);
        campaignDemand = new io.podium.exchange.campaign.CampaignDemand(pacing.campaigns(), pacingRuntime,
                new io.podium.pacing.frequency.FrequencyCaps(config.pacing().frequencyCapEntries()), currencies, clock);
        noticeListeners.add(notice -> {
            if (notice.type() == io.podium.exchange.notice.NoticeType.BILL
                    && io.podium.exchange.campaign.CampaignDemand.ID.equals(notice.bidderId())) {
                io.podium.exchange.campaign.CampaignDemand.Settled s = campaignDemand.settle(notice.auctionId(),
                        notice.impId(), notice.bidId(), notice.priceMicros(), notice.issuedAtMillis());
                if (s != null) {
                    String result = s.result().name().toLowerCase(java.util.Locale.ROOT);
                    metrics.increment(MetricName.CAMPAIGN_CHARGES, "result", result);
                    metrics.add(MetricName.CAMPAIGN_CHARGE_MICROS, s.costMicros(), "result", result);
                }
            }
        });
        pacingScheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "podium-pacing");
            th.setDaemon(true);
            return th;
        });
        pacingScheduler.scheduleWithFixedDelay(this::pacingTick, pacingTickMillis, pacingTickMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        AuctionService auctions = new AuctionService(fanOut, new BidScreen(currencies),
                new ImpAuction(config.auction().secondPriceIncrementMicros()), metrics, campaignDemand, clock);

        warmUp(codec);
        undertow = Undertow.builder()
                .addHttpListener(sc.port(), sc.host())
                .setIoThreads(sc.ioThreads())
                .setWorkerThreads(sc.workerThreads())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setHandler(routes(sc, codec, currencies, auctions))
                .build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        warmUpClient();
        LOG.info("Podium listening on {}:{} with {} bidder(s)", sc.host(), port, bidders.size());
        return this;
    }

    private PathHandler routes(ServerConfig sc, OpenRtbJsonCodec codec, CurrencyConverter currencies,
                               AuctionService auctions) {
        NoticeSigner signer = new NoticeSigner(sc.publicUrl(), secret());
        MacroValues macroValues = new MacroValues(currencies);
        NoticeForwarder forwarder = new NoticeForwarder(http, metrics, config.notices().forwardTimeoutMs());
        NoticeService notices = new NoticeService(signer,
                new NoticeDeduplicator(clock, config.notices().dedupeWindowSeconds() * 1000L, config.notices().dedupeCapacity()),
                forwarder, noticeListeners, metrics, clock, config.notices().maxAgeSeconds() * 1000L);
        LossNotifier losses = new LossNotifier(forwarder, macroValues, clock);
        io.podium.vast.xml.SafeXml safeXml = new io.podium.vast.xml.SafeXml(sc.maxBodyBytes());
        io.podium.exchange.video.PodVastBuilder podVast = new io.podium.exchange.video.PodVastBuilder(signer,
                macroValues, currencies, new io.podium.vast.parse.VastParser(safeXml),
                new io.podium.vast.lint.VastLinter(safeXml, VAST_SCHEMAS), clock);
        AuctionHandler auction = new AuctionHandler(
                new RequestDecoder(codec, new OpenRtbValidator(), currencies, sc.maxDecompressedBytes(),
                        sc.maxJsonDepth()),
                auctions, new ResponseAssembler(signer, macroValues, currencies, clock),
                losses, codec, config.auction(), metrics,
                sc.maxBodyBytes(), sc.maxConcurrentAuctions());
        io.podium.exchange.campaign.BearerTokens tokens =
                new io.podium.exchange.campaign.BearerTokens(config.advertisers(), config.adminToken());
        return Handlers.path()
                .addExactPath("/openrtb2/auction", auction)
                .addPrefixPath(io.podium.exchange.campaign.CampaignApiHandler.PREFIX,
                        new io.podium.exchange.campaign.CampaignApiHandler(new io.podium.exchange.campaign.CampaignService(
                                pacing.campaigns(), tokens, clock), tokens,
                                new io.podium.exchange.campaign.DeliveryReports(pacing.budgets(), pacingRuntime, clock)))
                .addPrefixPath("/notice", new NoticeHandler(notices))
                .addExactPath(VastPodHandler.PATH, new VastPodHandler(config.video(), config.auction(), auctions, podVast,
                        notices, losses, metrics))
                .addPrefixPath(VmapHandler.PREFIX, new VmapHandler(
                        new io.podium.exchange.video.VmapBuilder(config.video(), sc.publicUrl())))
                .addPrefixPath(SsaiHandler.PREFIX, ssai(sc, forwarder,
                        new io.podium.exchange.ssai.BreakAuctioneer.Parts(auctions, podVast, notices, losses)))
                .addExactPath("/metrics", new MetricsHandler(metrics))
                .addExactPath("/health", new HealthHandler());
    }

    /** The SSAI service: its fetchers, caches, tokens and handler. */
    private SsaiHandler ssai(ServerConfig sc, NoticeForwarder forwarder,
                             io.podium.exchange.ssai.BreakAuctioneer.Parts parts) {
        io.podium.exchange.config.SsaiConfig ssai = config.ssai();
        io.podium.ssai.origin.OriginPolicy origins = new io.podium.ssai.origin.OriginPolicy(ssai.origins());
        java.time.Duration timeout = java.time.Duration.ofMillis(ssai.fetchTimeoutMs());
        String ua = config.httpClient().userAgent();
        io.podium.vast.wrapper.HttpVastFetcher contentFetcher = new io.podium.vast.wrapper.HttpVastFetcher(timeout,
                ssai.maxPlaylistBytes(), ua, origins::allows);
        io.podium.vast.wrapper.HttpVastFetcher adFetcher = new io.podium.vast.wrapper.HttpVastFetcher(timeout,
                ssai.maxPlaylistBytes(), ua, ssai.allowPrivateAdHosts() ? uri -> true
                        : io.podium.vast.wrapper.HttpVastFetcher.publicHostsOnly());
        io.podium.exchange.ssai.PlaylistSource playlists = new io.podium.exchange.ssai.PlaylistSource(origins,
                contentFetcher, adFetcher, ssai.maxPlaylistBytes(), clock, ssai.cacheTtlSeconds() * 1000L,
                ssai.cacheEntries());
        io.podium.ssai.session.SessionTokens tokens = new io.podium.ssai.session.SessionTokens(
                new io.podium.ssai.session.SignedTokens(secret("ssai.secret", ssai.secret()), SSAI_TOKEN_CHARS,
                        SSAI_PAYLOAD_BYTES), clock);
        io.podium.exchange.ssai.ErrorPinger errors = new io.podium.exchange.ssai.ErrorPinger(forwarder,
                new io.podium.ssai.session.BeaconOnce(clock, SSAI_ONCE_CAPACITY));
        io.podium.vast.wrapper.WrapperResolver resolver = new io.podium.vast.wrapper.WrapperResolver(adFetcher,
                new io.podium.vast.parse.VastParser(new io.podium.vast.xml.SafeXml(ssai.maxPlaylistBytes())),
                ssai.wrapperMaxHops(), clock);
        io.podium.exchange.ssai.BreakAuctioneer auctioneer = new io.podium.exchange.ssai.BreakAuctioneer(config.video(),
                config.auction(), parts, resolver, errors);
        io.podium.exchange.ssai.SessionDecider sessions = new io.podium.exchange.ssai.SessionDecider(playlists,
                new io.podium.exchange.video.VmapBuilder(config.video(), sc.publicUrl()), config.video(), auctioneer,
                tokens, clock, ssai.tokenTtlSeconds());
        URI slate = io.podium.exchange.config.SsaiConfig.SLATE.equals(ssai.unfilledBreak())
                ? URI.create(ssai.slateUrl()) : null;
        io.podium.exchange.ssai.VariantStitcher variants = new io.podium.exchange.ssai.VariantStitcher(playlists,
                tokens, errors, slate);
        io.podium.exchange.ssai.BeaconFirer beacons = new io.podium.exchange.ssai.BeaconFirer(
                new io.podium.ssai.session.BeaconOnce(clock, SSAI_ONCE_CAPACITY), forwarder, clock);
        io.podium.exchange.ssai.DashSessions dash = new io.podium.exchange.ssai.DashSessions(playlists, sessions, tokens,
                errors, sc.publicUrl());
        return new SsaiHandler(sessions, dash, variants, tokens, beacons, metrics);
    }

    /**
     * Loads and links the codec, schema tables, validator and auction classes before the first
     * request, so that the first auctions do not spend their deadline on class loading.
     */
    private static void warmUp(OpenRtbJsonCodec codec) {
        byte[] sample = ("{\"id\":\"warm-up\",\"at\":2,\"tmax\":100,\"cur\":[\"USD\"],\"imp\":[{\"id\":\"1\","
                + "\"banner\":{\"w\":300,\"h\":250,\"battr\":[1]},\"video\":{\"mimes\":[\"video/mp4\"]},"
                + "\"bidfloor\":0.1,\"pmp\":{\"deals\":[{\"id\":\"d\"}]}}],\"site\":{\"domain\":\"a.b\"},"
                + "\"source\":{\"tid\":\"t\"},\"ext\":{\"k\":[1]}}").getBytes(StandardCharsets.UTF_8);
        byte[] response = ("{\"id\":\"warm-up\",\"seatbid\":[{\"bid\":[{\"id\":\"b\",\"impid\":\"1\",\"price\":1.5,"
                + "\"adm\":\"x\",\"crid\":\"c\",\"adomain\":[\"a.b\"]}]}]}").getBytes(StandardCharsets.UTF_8);
        OpenRtbValidator validator = new OpenRtbValidator();
        try {
            for (int i = 0; i < 200; i++) {
                io.podium.openrtb.BidRequest r = codec.decodeRequest(sample);
                validator.validateRequest(r);
                codec.encode(r);
                validator.validateResponse(codec.decodeResponse(response));
                io.podium.openrtb.BidRequest.parseFrom(r.toByteArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException("warm-up failed", e);
        }
    }

    /**
     * Sends a few calls through the outbound client to this server's own health check, so that
     * its connection machinery is loaded before the first auction depends on it.
     */
    private void warmUpClient() {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        for (int i = 0; i < 20; i++) {
            try {
                http.get(health, 2000).get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("client warm-up call failed: {}", e.toString());
                return;
            }
        }
    }

    private void pacingTick() {
        try {
            pacingRuntime.tick();
        } catch (RuntimeException e) {
            LOG.warn("pacing step failed: {}", e.toString());
        }
    }

    /** A campaign's charged spend of the day containing {@code t}, from the budget store. */
    public long pacingSpent(String campaignId, java.time.Instant t) {
        io.podium.pacing.campaign.Campaign c = pacing.campaigns().get(campaignId).orElseThrow();
        return pacing.budgets().spent(io.podium.pacing.runtime.PacingRuntime.key(c, t));
    }

    /** The campaigns this node sees (the simulator waits until every node sees the day's campaigns). */
    public io.podium.pacing.campaign.CampaignRepository campaigns() {
        return pacing.campaigns();
    }

    /** This node's own campaigns as demand (the simulator asks it which campaigns an imp is open to). */
    public io.podium.exchange.campaign.CampaignDemand campaignDemand() {
        return campaignDemand;
    }

    /** Charges in this node's journal not yet written to the budget store. */
    public long pendingCharges() {
        return pacing.journal().size();
    }

    /** This node's pacing (tests and the simulator drive it directly). */
    public io.podium.pacing.runtime.PacingRuntime pacing() {
        return pacingRuntime;
    }

    /** Port 0 means "any free port": pick it now so that notice URLs can name it. */
    private static ServerConfig resolvePort(ServerConfig sc) {
        if (sc.port() != 0) {
            return sc;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(sc.host()))) {
            int free = probe.getLocalPort();
            URI url = sc.publicUrl().getPort() == 0 || sc.publicUrl().getPort() == -1
                    ? URI.create("http://127.0.0.1:" + free) : sc.publicUrl();
            return new ServerConfig(sc.host(), free, sc.ioThreads(), sc.workerThreads(), sc.maxBodyBytes(),
                    sc.maxDecompressedBytes(), sc.maxJsonDepth(), sc.maxConcurrentAuctions(), url);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port on " + sc.host(), e);
        }
    }

    private byte[] secret() {
        return secret("notices.secret", config.notices().secret());
    }

    private static byte[] secret(String name, String s) {
        if (!s.isEmpty()) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        LOG.warn("{} is not set: using a random key; its signed URLs verify only on this process", name);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public int port() {
        return port;
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
        if (pacingScheduler != null) {
            pacingScheduler.shutdownNow();
            try {
                pacingScheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pacing != null) {
            pacing.close();
            pacing = null;
        }
    }

}
