package io.podium.exchange.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The whole configuration, checked: every field holds a usable value. */
public record PodiumConfig(ServerConfig server, AuctionConfig auction, NoticeConfig notices,
                           HttpClientConfig httpClient, CircuitBreakerConfig circuitBreaker,
                           List<BidderConfig> bidders) {

    static PodiumConfig read(ConfigNode root, List<String> problems) {
        ServerConfig server = ServerConfig.read(root.section("server"));
        AuctionConfig auction = AuctionConfig.read(root.section("auction"));
        NoticeConfig notices = NoticeConfig.read(root.section("notices"));
        HttpClientConfig http = HttpClientConfig.read(root.section("http_client"));
        CircuitBreakerConfig breaker = CircuitBreakerConfig.read(root.section("circuit_breaker"));
        List<BidderConfig> bidders = root.list("bidders", BidderConfig::read);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bidders.size(); i++) {
            String id = bidders.get(i).id();
            if (id != null && !ids.add(id)) {
                problems.add("bidders[" + i + "].id: \"" + id + "\" is used by another bidder");
            }
        }
        root.finish();
        return new PodiumConfig(server, auction, notices, http, breaker, List.copyOf(bidders));
    }

    /** The same configuration with other settings for the listener (tests, ephemeral ports). */
    public PodiumConfig withServer(ServerConfig newServer) {
        return new PodiumConfig(newServer, auction, notices, httpClient, circuitBreaker, bidders);
    }
}
