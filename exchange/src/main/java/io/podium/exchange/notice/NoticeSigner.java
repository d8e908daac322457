package io.podium.exchange.notice;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and verifies Podium's notice URLs:
 * {@code {public_url}/notice/{type}?a=..&i=..&b=..&x=..&s=..&p=..&c=..&t=..&f=..&m=..&sig=..}
 * where {@code sig} is the unpadded base64url HMAC-SHA256 (first 16 bytes) of the type and
 * every other parameter in that fixed order. A missing, malformed or wrong signature, any
 * changed parameter, or the URL of one type called as another, fails verification. Parameters
 * after {@code sig} that are not signed (a player's {@code code=[ERRORCODE]}) are ignored here.
 * Thread-safe.
 */
public final class NoticeSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIG_BYTES = 16;
    private static final String[] ORDER = {"a", "i", "b", "x", "s", "p", "c", "t", "f", "m"};

    private final SecretKeySpec key;
    private final String base;
    private final ThreadLocal<Mac> macs;

    /** @param publicUrl where the supply reaches this server; @param secret the shared HMAC key */
    public NoticeSigner(URI publicUrl, byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the notice secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        String u = publicUrl.toString();
        this.base = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String url(Notice n) {
        String[] values = values(n);
        StringBuilder sb = new StringBuilder(base.length() + 160 + n.forwardUrl().length() * 2);
        sb.append(base).append("/notice/").append(n.type().path()).append('?');
        for (int k = 0; k < ORDER.length; k++) {
            sb.append(ORDER[k]).append('=').append(URLEncoder.encode(values[k], StandardCharsets.UTF_8)).append('&');
        }
        sb.append("sig=").append(sign(n.type(), values));
        return sb.toString();
    }

    /**
     * Reads a notice from its path type and raw query string.
     *
     * @return the notice, or null when the signature is missing or does not match
     */
    public Notice verify(NoticeType type, String rawQuery) {
        if (type == null || rawQuery == null) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = pair.substring(0, eq);
            if (params.containsKey(k)) {
                return null;
            }
            try {
                params.put(k, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String sig = params.get("sig");
        if (sig == null) {
            return null;
        }
        String[] values = new String[ORDER.length];
        for (int k = 0; k < ORDER.length; k++) {
            String v = params.get(ORDER[k]);
            if (v == null) {
                return null;
            }
            values[k] = v;
        }
        byte[] expected = Base64.getUrlDecoder().decode(sign(type, values));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return null;
        }
        try {
            return new Notice(type, values[0], values[1], values[2], values[3], values[4], Long.parseLong(values[5]),
                    values[6], Long.parseLong(values[7]), values[8], "1".equals(values[9]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String[] values(Notice n) {
        return new String[] {n.auctionId(), n.impId(), n.bidId(), n.bidderId(), n.seat(),
            Long.toString(n.priceMicros()), n.currency(), Long.toString(n.issuedAtMillis()), n.forwardUrl(),
            n.markupOnNotice() ? "1" : "0"};
    }

    private String sign(NoticeType type, String[] values) {
        Mac mac = macs.get();
        mac.reset();
        byte[] t = type.path().getBytes(StandardCharsets.UTF_8);
        mac.update(intBytes(t.length));
        mac.update(t);
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            mac.update(intBytes(b.length));
            mac.update(b);
        }
        byte[] full = mac.doFinal();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, SIG_BYTES));
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
