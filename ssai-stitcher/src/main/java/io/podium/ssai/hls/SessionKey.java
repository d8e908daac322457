package io.podium.ssai.hls;

import java.util.Objects;

/**
 * An {@code EXT-X-SESSION-KEY} (RFC 8216 §4.3.4.5): a key announced in the master playlist so
 * that players can load it early.
 *
 * @param key the key, with the attributes of an EXT-X-KEY
 */
public record SessionKey(EncryptionKey key) implements MasterEntry {
    public SessionKey {
        Objects.requireNonNull(key, "key");
    }
}
