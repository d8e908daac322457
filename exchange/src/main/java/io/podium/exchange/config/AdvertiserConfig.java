package io.podium.exchange.config;

/**
 * One entry of {@code advertisers:}: who may use the campaign API, and with which bearer token.
 *
 * @param id the advertiser id its campaigns belong to
 * @param token its bearer token (at least 16 characters; keep it secret)
 */
public record AdvertiserConfig(String id, String token) {
    static AdvertiserConfig read(ConfigNode n) {
        String id = n.string("id", null);
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            n.problem("id", "is required: 1-64 letters, digits, '_', '.' or '-'");
        }
        String token = n.string("token", null);
        if (token == null || token.length() < 16) {
            n.problem("token", "is required and must be at least 16 characters long");
        }
        return new AdvertiserConfig(id, token);
    }
}
