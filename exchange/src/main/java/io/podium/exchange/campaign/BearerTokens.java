package io.podium.exchange.campaign;

import io.podium.exchange.config.AdvertiserConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Maps {@code Authorization: Bearer ...} to a {@link Principal}, comparing tokens in constant time. */
public final class BearerTokens {
    private final List<AdvertiserConfig> advertisers;
    private final byte[] adminToken;

    public BearerTokens(List<AdvertiserConfig> advertisers, String adminToken) {
        this.advertisers = List.copyOf(advertisers);
        this.adminToken = adminToken == null || adminToken.isEmpty() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the caller, or null when the header is missing or the token unknown */
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (AdvertiserConfig a : advertisers) {
            if (MessageDigest.isEqual(given, a.token().getBytes(StandardCharsets.UTF_8))) {
                found = new Principal(a.id(), false);
            }
        }
        if (adminToken != null && MessageDigest.isEqual(given, adminToken)) {
            found = new Principal("admin", true);
        }
        return found;
    }

    public boolean knowsAdvertiser(String id) {
        return advertisers.stream().anyMatch(a -> a.id().equals(id));
    }
}
