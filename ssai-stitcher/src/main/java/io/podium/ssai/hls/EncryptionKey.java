package io.podium.ssai.hls;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code EXT-X-KEY} or {@code EXT-X-SESSION-KEY} (RFC 8216 §4.3.2.4): how segments are
 * encrypted and where the key is.
 *
 * @param method {@code NONE}, {@code AES-128}, {@code SAMPLE-AES} or another enumerated string
 * @param uri the key's URI, or null
 * @param iv the initialization vector as written, {@code 0x...}, or null
 * @param keyFormat the KEYFORMAT, or null for the default {@code identity}
 * @param keyFormatVersions the KEYFORMATVERSIONS as written, such as {@code 1/2}, or null
 * @param otherAttributes further attributes (such as KEYID), in the order read
 */
public record EncryptionKey(String method, String uri, String iv, String keyFormat, String keyFormatVersions,
        AttributeList otherAttributes) {
    /** The key format that applies when KEYFORMAT is absent. */
    public static final String IDENTITY = "identity";
    /** The method meaning "not encrypted". */
    public static final String NONE = "NONE";

    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");
    private static final Pattern ENUMERATED = Pattern.compile("[^\",\\s]+");

    public EncryptionKey {
        Objects.requireNonNull(method, "method");
        if (!ENUMERATED.matcher(method).matches()) {
            throw new IllegalArgumentException("METHOD must be an enumerated-string: " + method);
        }
        if (iv != null && !HEX.matcher(iv).matches()) {
            throw new IllegalArgumentException("IV must be a hexadecimal-sequence: " + iv);
        }
        Quoted.check(uri, "URI");
        Quoted.check(keyFormat, "KEYFORMAT");
        Quoted.check(keyFormatVersions, "KEYFORMATVERSIONS");
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-KEY", "METHOD", "URI", "IV", "KEYFORMAT", "KEYFORMATVERSIONS");
    }

    /** A key with only a method and a URI, such as {@code AES-128} with a key server URL. */
    public static EncryptionKey of(String method, String uri) {
        return new EncryptionKey(method, uri, null, null, null, AttributeList.EMPTY);
    }

    /** The KEYFORMAT, or {@code identity} when absent: two keys in force never share one. */
    public String effectiveKeyFormat() {
        return keyFormat == null ? IDENTITY : keyFormat;
    }

    /** Whether this key says segments are not encrypted. */
    public boolean isNone() {
        return NONE.equals(method);
    }
}
