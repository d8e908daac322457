package io.podium.exchange.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The whole configuration, checked: every field holds a usable value. */
public record PodiumConfig(ServerConfig server, AuctionConfig auction, NoticeConfig notices,
                           HttpClientConfig httpClient, CircuitBreakerConfig circuitBreaker,
                           List<BidderConfig> bidders, PacingConfig pacing, List<AdvertiserConfig> advertisers,
                           String adminToken, VideoConfig video, SsaiConfig ssai) {

    static PodiumConfig read(ConfigNode root, List<String> problems) {
        ServerConfig server = ServerConfig.read(root.section("server"));
        AuctionConfig auction = AuctionConfig.read(root.section("auction"));
        NoticeConfig notices = NoticeConfig.read(root.section("notices"));
        HttpClientConfig http = HttpClientConfig.read(root.section("http_client"));
        CircuitBreakerConfig breaker = CircuitBreakerConfig.read(root.section("circuit_breaker"));
        List<BidderConfig> bidders = root.list("bidders", BidderConfig::read);
        PacingConfig pacing = PacingConfig.read(root.section("pacing"));
        List<AdvertiserConfig> advertisers = root.list("advertisers", AdvertiserConfig::read);
        String admin = root.string("admin_token", "");
        VideoConfig video = VideoConfig.read(root.section("video"));
        SsaiConfig ssai = SsaiConfig.read(root.section("ssai"));
        if (!admin.isEmpty() && admin.length() < 16) {
            problems.add("admin_token: must be at least 16 characters long");
        }
        Set<String> advertiserIds = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < advertisers.size(); i++) {
            AdvertiserConfig a = advertisers.get(i);
            if (a.id() != null && !advertiserIds.add(a.id())) {
                problems.add("advertisers[" + i + "].id: \"" + a.id() + "\" is used by another advertiser");
            }
            if (a.token() != null && (!tokens.add(a.token()) || a.token().equals(admin))) {
                problems.add("advertisers[" + i + "].token: must be unique");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bidders.size(); i++) {
            String id = bidders.get(i).id();
            if (id != null && !ids.add(id)) {
                problems.add("bidders[" + i + "].id: \"" + id + "\" is used by another bidder");
            }
        }
        root.finish();
        return new PodiumConfig(server, auction, notices, http, breaker, List.copyOf(bidders), pacing,
                List.copyOf(advertisers), admin, video, ssai);
    }
}
