package io.podium.exchange.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Path resource(String name) throws Exception {
        return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    }

    private static List<String> problemsOf(String yaml) {
        return problemsOf(yaml, Map.of());
    }

    private static List<String> problemsOf(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, env)).problems();
    }

    // ------------------------------------------------------------ defaults

    @Test
    void theExampleConfigFilesLoad() {
        for (String name : List.of("example-bidders.yaml", "example-ssai.yaml")) {
            PodiumConfig c = ConfigLoader.load(Path.of("../config/" + name), Map.of());
            assertEquals(8080, c.server().port(), name);
        }
        assertEquals(List.of(URI.create("http://127.0.0.1:8081/fixtures/hls/")),
                ConfigLoader.load(Path.of("../config/example-ssai.yaml"), Map.of()).ssai().origins());
    }

    @Test
    void theShippedConfigFileStatesExactlyTheDefaults() throws Exception {
        Path shipped = Path.of("../config/podium.yaml");
        assertEquals(ConfigLoader.defaults(), ConfigLoader.load(shipped, Map.of()),
                "config/podium.yaml must document every default as it is");
    }

    @Test
    void videoSettingsAreCheckedWithTheKeyNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(
                "video: {max_pod_seconds: 2, contents: [{id: a, duration_seconds: 100, cue_points: [50, 150, x]}]}",
                Map.of()));
        assertTrue(e.getMessage().contains("video.max_pod_seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("150 is not inside the content"), e.getMessage());
        assertTrue(e.getMessage().contains("\"x\" is not a whole number of seconds"), e.getMessage());
        VideoConfig v = ConfigLoader.fromYaml("video: {contents: [{id: a, cue_points: [900, 300]}]}", Map.of()).video();
        assertEquals(List.of(300, 900), v.contents().get("a").cuePoints());
        assertEquals(90, v.contents().get("a").policy().midrollSeconds(), "unset keys take the default policy's values");
    }

    @Test
    void ssaiDefaultsRefuseEveryContentAndSettingsAreChecked() {
        assertEquals(new SsaiConfig(List.of(), 14_400, 2000, 4 * 1024 * 1024, 300, 2000, 5, "skip", "", false, ""),
                ConfigLoader.defaults().ssai());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(
                "ssai: {origins: ['ftp://cdn.example/', 'https://ok.example/vod/'], unfilled_break: slate, secret: short}",
                Map.of()));
        assertTrue(e.getMessage().contains("ssai.origins"), e.getMessage());
        assertTrue(e.getMessage().contains("\"ftp://cdn.example/\" is not an absolute http(s) URL"), e.getMessage());
        assertTrue(e.getMessage().contains("ssai.slate_url: is required when unfilled_break is slate"), e.getMessage());
        assertTrue(e.getMessage().contains("ssai.secret"), e.getMessage());
        SsaiConfig ok = ConfigLoader.fromYaml("ssai: {origins: ['https://cdn.example/vod/'], unfilled_break: slate,"
                + " slate_url: 'https://cdn.example/slate/master.m3u8'}", Map.of()).ssai();
        assertEquals(List.of(URI.create("https://cdn.example/vod/")), ok.origins());
        assertEquals("slate", ok.unfilledBreak());
    }

    @Test
    void defaultsLoadWithTheDocumentedValues() {
        // when
        PodiumConfig c = ConfigLoader.defaults();

        // then
        ServerConfig s = c.server();
        assertEquals("0.0.0.0", s.host());
        assertEquals(8080, s.port());
        assertEquals(Math.max(2, Runtime.getRuntime().availableProcessors()), s.ioThreads());
        assertEquals(16, s.workerThreads());
        assertEquals(256 * 1024, s.maxBodyBytes());
        assertEquals(1024 * 1024, s.maxDecompressedBytes());
        assertEquals(32, s.maxJsonDepth());
        assertEquals(2000, s.maxConcurrentAuctions());
        assertEquals(URI.create("http://127.0.0.1:8080"), s.publicUrl());

        AuctionConfig a = c.auction();
        assertEquals(250, a.defaultTmaxMs());
        assertEquals(1000, a.tmaxCapMs());
        assertEquals(15, a.marginMs());
        assertEquals("USD", a.currency());
        assertEquals(Map.of("USD", 1_000_000L), a.ratesMicros());
        assertEquals(10_000, a.secondPriceIncrementMicros());
        assertEquals("podium.local", a.schainAsi());
        assertEquals("podium", a.schainSid());

        NoticeConfig n = c.notices();
        assertEquals("", n.secret());
        assertEquals(2000, n.forwardTimeoutMs());
        assertEquals(86_400, n.dedupeWindowSeconds());
        assertEquals(1_000_000, n.dedupeCapacity());
        assertEquals(86_400, n.maxAgeSeconds());

        HttpClientConfig h = c.httpClient();
        assertEquals("Podium/0.1 (+https://github.com/podium-exchange)", h.userAgent());
        assertEquals(200, h.connectTimeoutMs());
        assertEquals(1024 * 1024, h.maxResponseBytes());
        assertEquals(256, h.maxConnectionsPerHost());

        assertEquals(new CircuitBreakerConfig(20, 5_000, 10_000, 10), c.circuitBreaker());
        assertEquals(List.of(), c.bidders());
    }

    @Test
    void emptyAndCommentOnlyYamlGiveTheDefaults() {
        assertEquals(ConfigLoader.defaults(), ConfigLoader.fromYaml("", Map.of()));
        assertEquals(ConfigLoader.defaults(), ConfigLoader.fromYaml("# nothing here\n", Map.of()));
    }

    // ------------------------------------------------------------ a full file

    @Test
    void fullYamlWithBiddersParses() throws Exception {
        // when
        PodiumConfig c = ConfigLoader.load(resource("podium-full.yaml"), Map.of());

        // then
        assertEquals(new ServerConfig("127.0.0.2", 9090, 4, 8, 131072, 524288, 20, 500,
                URI.create("https://rtb.podium.example")), c.server());
        assertEquals(new AuctionConfig(200, 800, 20, "USD",
                Map.of("USD", 1_000_000L, "EUR", 1_100_000L, "GBP", 1_250_000L, "JPY", 6_700L),
                5_000, "podium.example", "seller-1", 50), c.auction());
        assertEquals(new NoticeConfig("0123456789abcdef0123", 1500, 3600, 50_000, 7200), c.notices());
        assertEquals(new HttpClientConfig("PodiumTest/1.0", 100, 65536, 64, "netty"), c.httpClient());
        assertEquals(new CircuitBreakerConfig(5, 2000, 4000, 25), c.circuitBreaker());
        assertEquals(List.of(
                new BidderConfig("dsp-video", URI.create("http://127.0.0.1:7001/bid"), "protobuf", true,
                        Set.of("video", "audio"), 250, "agency-1", 90),
                new BidderConfig("dsp.banner_2", URI.create("https://dsp.example/openrtb2"), "json", false,
                        Set.of("banner", "video", "audio", "native"), 0, "dsp.banner_2", 0)), c.bidders());
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("nope.yaml");

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of()));

        // then
        assertEquals(List.of(missing + ": no such file"), e.problems());
    }

    @Test
    void invalidYamlIsReportedWithItsSource(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "server:\n  port: [1, 2\n");

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        // then
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith(file + ": not valid YAML"), e.problems().get(0));
    }

    // ------------------------------------------------------------ problems

    @Test
    void everyProblemIsListedAtOnceWithItsPath() {
        // given
        String yaml = String.join("\n",
                "server:",
                "  port: 70000",
                "  max_json_depth: deep",
                "auction:",
                "  currency: dollars",
                "  margin_ms: 300",
                "circuit_breaker:",
                "  failure_threshold: 0",
                "bidders:",
                "  - id: good",
                "    endpoint: http://127.0.0.1:7001/bid",
                "  - id: bad-endpoint",
                "    endpoint: ftp://dsp.example/bid",
                "    format: xml",
                "    media_types: [banner, hologram]",
                "  - endpoint: http://127.0.0.1:7002/bid",
                "");

        // when
        List<String> problems = problemsOf(yaml);

        // then
        assertEquals(List.of(
                "server.port: must be within 0..65535, got 70000",
                "server.max_json_depth: must be an integer, got \"deep\"",
                "auction.currency: must be an ISO 4217 code such as USD, got \"DOLLARS\"",
                "auction.margin_ms: must be smaller than default_tmax_ms and tmax_cap_ms",
                "circuit_breaker.failure_threshold: must be within 1..1000000, got 0",
                "bidders[1].endpoint: must be an absolute http(s) URL, got \"ftp://dsp.example/bid\"",
                "bidders[1].format: must be one of [json, protobuf], got \"xml\"",
                "bidders[1].media_types: unknown media type \"hologram\" (allowed: banner, video, audio, native)",
                "bidders[2].id: is required"), problems);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("bidders[1].endpoint: must be an absolute http(s) URL")));
    }

    @Test
    void exceptionMessageListsEveryProblemOnItsOwnLine() {
        // when
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("server:\n  port: -1\n  prot: 1\n", Map.of()));

        // then
        assertEquals("invalid configuration:\n"
                + "  - server.port: must be within 0..65535, got -1\n"
                + "  - server.prot: unknown key", e.getMessage());
    }

    @Test
    void unknownKeysAreReportedWithTheirPath() {
        // given
        String yaml = String.join("\n",
                "server:",
                "  prot: 9090",
                "auction:",
                "  schain:",
                "    asid: x",
                "bidders:",
                "  - id: a",
                "    endpoint: http://127.0.0.1:7001/bid",
                "    sseat: s",
                "serverr: {}",
                "");

        // then
        assertEquals(List.of(
                "server.prot: unknown key",
                "auction.schain.asid: unknown key",
                "bidders[0].sseat: unknown key",
                "serverr: unknown key"), problemsOf(yaml));
    }

    @Test
    void duplicateBidderIdIsReported() {
        // given
        String yaml = String.join("\n",
                "bidders:",
                "  - id: dsp",
                "    endpoint: http://127.0.0.1:7001/bid",
                "  - id: other",
                "    endpoint: http://127.0.0.1:7002/bid",
                "  - id: dsp",
                "    endpoint: http://127.0.0.1:7003/bid",
                "");

        // then
        assertEquals(List.of("bidders[2].id: \"dsp\" is used by another bidder"), problemsOf(yaml));
    }

    @Test
    void bidderWithoutEndpointIsReported() {
        assertEquals(List.of("bidders[0].endpoint: is required"), problemsOf("bidders:\n  - id: a\n"));
    }

    @Test
    void bidderWithAnEmptyMediaListIsReported() {
        assertEquals(List.of("bidders[0].media_types: must name at least one media type"),
                problemsOf("bidders:\n  - id: a\n    endpoint: http://127.0.0.1:1/b\n    media_types: []\n"));
    }

    @Test
    void decompressedCapBelowBodyCapIsReported() {
        assertEquals(List.of("server.max_decompressed_bytes: must be at least max_body_bytes (262144)"),
                problemsOf("server:\n  max_decompressed_bytes: 100000\n"));
    }

    @Test
    void invalidCurrencyRatesAreReported() {
        // given
        String yaml = "auction:\n  currency_rates:\n    EURO: 1.1\n    GBP: 0\n    CHF: lots\n";

        // then
        assertEquals(List.of(
                "auction.currency_rates.CHF: must be a number, got \"lots\"",
                "auction.currency_rates.EURO: must be an ISO 4217 code",
                "auction.currency_rates.GBP: must be a positive number of USD"), problemsOf(yaml));
    }

    @Test
    void shortNoticeSecretIsReported() {
        assertEquals(List.of("notices.secret: must be at least 16 characters long"),
                problemsOf("notices:\n  secret: short\n"));
    }

    @Test
    void topLevelListIsReported() {
        assertEquals(List.of("the configuration must be a YAML mapping at the top level"), problemsOf("- a\n- b\n"));
    }

    @Test
    void sectionThatIsNotAMappingIsReported() {
        assertEquals(List.of("server: must be a mapping"), problemsOf("server: 8080\n"));
    }

    // Regression (fixed): ConfigNode.integer (ConfigNode.java lines 71-85) accepts any integral node and reads it with
    // asLong() (line 80), which keeps only the low 64 bits of a big integer: 18446744073709560706
    // (2^64 + 9090) passes the 0..65535 check and loads as port 9090. Expected a
    // "server.port: must be within 0..65535" problem.
    @Test
    void integerBeyondLongRangeIsReportedNotWrapped() {
        // when
        List<String> problems = problemsOf("server:\n  port: 18446744073709560706\n");

        // then
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("server.port: must be within 0..65535"), problems.get(0));
    }

    // ------------------------------------------------------------ environment

    @Test
    void environmentOverridesAFileValue() {
        // when
        PodiumConfig c = ConfigLoader.fromYaml("server:\n  port: 9090\n", Map.of("PODIUM__SERVER__PORT", "9091"));

        // then
        assertEquals(9091, c.server().port());
        assertEquals(URI.create("http://127.0.0.1:9091"), c.server().publicUrl());
    }

    @Test
    void environmentSetsAValueTheFileDoesNotHave() {
        // when
        PodiumConfig c = ConfigLoader.fromYaml("", Map.of(
                "PODIUM__SERVER__PORT", "9091",
                "PODIUM__AUCTION__CURRENCY_RATES__EUR", "1.1",
                "PODIUM__AUCTION__SCHAIN__ASI", "env.example",
                "PODIUM__CIRCUIT_BREAKER__FAILURE_THRESHOLD", "7"));

        // then
        assertEquals(9091, c.server().port());
        assertEquals(1_100_000L, c.auction().ratesMicros().get("EUR"));
        assertEquals("env.example", c.auction().schainAsi());
        assertEquals(7, c.circuitBreaker().failureThreshold());
    }

    @Test
    void environmentOverridesAreCheckedLikeTheFile() {
        assertEquals(List.of("server.port: must be an integer, got \"ninety\""),
                problemsOf("", Map.of("PODIUM__SERVER__PORT", "ninety")));
    }

    @Test
    void environmentTyposAreUnknownKeys() {
        assertEquals(List.of("server.prot: unknown key"), problemsOf("", Map.of("PODIUM__SERVER__PROT", "1")));
    }

    @Test
    void otherEnvironmentVariablesAreIgnored() {
        // when
        PodiumConfig c = ConfigLoader.fromYaml("", Map.of("PATH", "/bin", "PODIUM_SERVER_PORT", "1", "HOME", "/root"));

        // then
        assertEquals(8080, c.server().port());
    }

    @Test
    void environmentOverrideWorksWhenLoadingAFile() throws Exception {
        // when
        PodiumConfig c = ConfigLoader.load(resource("podium-full.yaml"), Map.of("PODIUM__SERVER__PORT", "9091"));

        // then
        assertEquals(9091, c.server().port());
        assertEquals(2, c.bidders().size());
        assertFalse(c.bidders().get(1).gzip());
    }
}
