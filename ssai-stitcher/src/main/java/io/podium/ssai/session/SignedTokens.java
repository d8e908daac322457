package io.podium.ssai.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals bytes into a compact URL-safe token and opens it again: the payload is deflated
 * (deterministically: the same payload always gives the same token), then
 * {@code base64url(deflated || HMAC-SHA256(purpose || deflated)[0..16))}. The purpose (e.g.
 * "session", "beacon") is inside the MAC, so a token made for one use is refused for another.
 * Opening refuses tokens over the length cap, a wrong MAC (constant-time compare) and payloads
 * inflating past the size cap (no deflate bombs). Thread-safe.
 */
public final class SignedTokens {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;
    private final int maxTokenChars;
    private final int maxPayloadBytes;
    private final ThreadLocal<Mac> macs;

    public SignedTokens(byte[] secret, int maxTokenChars, int maxPayloadBytes) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the token secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.maxTokenChars = maxTokenChars;
        this.maxPayloadBytes = maxPayloadBytes;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String seal(String purpose, byte[] payload) {
        if (payload.length > maxPayloadBytes) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is over " + maxPayloadBytes);
        }
        byte[] packed = deflate(payload);
        byte[] mac = mac(purpose, packed);
        byte[] all = Arrays.copyOf(packed, packed.length + MAC_BYTES);
        System.arraycopy(mac, 0, all, packed.length, MAC_BYTES);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        if (token.length() > maxTokenChars) {
            throw new IllegalArgumentException("token of " + token.length() + " characters is over " + maxTokenChars);
        }
        return token;
    }

    public byte[] open(String purpose, String token) throws TokenException {
        if (token == null || token.isEmpty() || token.length() > maxTokenChars) {
            throw new TokenException(TokenException.Kind.MALFORMED, "token missing or over " + maxTokenChars
                    + " characters");
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new TokenException(TokenException.Kind.MALFORMED, "token is not base64url");
        }
        if (all.length <= MAC_BYTES) {
            throw new TokenException(TokenException.Kind.MALFORMED, "token too short");
        }
        byte[] packed = Arrays.copyOf(all, all.length - MAC_BYTES);
        byte[] given = Arrays.copyOfRange(all, all.length - MAC_BYTES, all.length);
        if (!MessageDigest.isEqual(mac(purpose, packed), given)) {
            throw new TokenException(TokenException.Kind.TAMPERED, "token signature does not match");
        }
        return inflate(packed);
    }

    private byte[] mac(String purpose, byte[] data) {
        Mac mac = macs.get();
        mac.reset();
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        mac.update((byte) p.length);
        mac.update(p);
        mac.update(data);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private static byte[] deflate(byte[] payload) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(payload);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 16);
            byte[] buf = new byte[1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private byte[] inflate(byte[] packed) throws TokenException {
        Inflater in = new Inflater(true);
        try {
            in.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
            byte[] buf = new byte[1024];
            while (!in.finished()) {
                int n = in.inflate(buf);
                if (n == 0 && (in.needsInput() || in.needsDictionary())) {
                    throw new TokenException(TokenException.Kind.MALFORMED, "token payload is truncated");
                }
                if (out.size() + n > maxPayloadBytes) {
                    throw new TokenException(TokenException.Kind.MALFORMED, "token payload over " + maxPayloadBytes
                            + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new TokenException(TokenException.Kind.MALFORMED, "token payload is not deflate data");
        } finally {
            in.end();
        }
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
