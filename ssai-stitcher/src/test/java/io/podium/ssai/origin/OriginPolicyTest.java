package io.podium.ssai.origin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy policy = new OriginPolicy(List.of(URI.create("https://cdn.example/vod"),
            URI.create("http://127.0.0.1:8081/")));

    @Test
    void onlyUrlsUnderAConfiguredOriginAreFetched() {
        assertTrue(policy.allows(URI.create("https://cdn.example/vod/ep1/master.m3u8")));
        assertTrue(policy.allows(URI.create("https://CDN.example:443/vod/ep1/a.m3u8")));
        assertTrue(policy.allows(URI.create("http://127.0.0.1:8081/x/y.m3u8")));
        assertFalse(policy.allows(URI.create("https://cdn.example/vodka/x.m3u8")), "a path prefix is a directory");
        assertFalse(policy.allows(URI.create("https://cdn.example/other/x.m3u8")));
        assertFalse(policy.allows(URI.create("http://cdn.example/vod/x.m3u8")), "another scheme");
        assertFalse(policy.allows(URI.create("https://cdn.example:8443/vod/x.m3u8")), "another port");
        assertFalse(policy.allows(URI.create("https://evil.example/vod/x.m3u8")));
        assertFalse(policy.allows(URI.create("https://cdn.example.evil.example/vod/x.m3u8")));
        assertFalse(policy.allows(URI.create("https://user@cdn.example/vod/x.m3u8")), "user info");
        assertFalse(policy.allows(URI.create("https://cdn.example/vod/../admin/x")), "dot segments");
        assertFalse(policy.allows(URI.create("https://cdn.example/vod/%2e%2e/admin/x")), "encoded dot segments");
        assertFalse(policy.allows(URI.create("file:///etc/passwd")));
        assertFalse(policy.allows(URI.create("http://127.0.0.1:8082/x.m3u8")));
        assertFalse(new OriginPolicy(List.of()).allows(URI.create("https://cdn.example/vod/x")), "nothing by default");
        assertThrows(IllegalArgumentException.class, () -> new OriginPolicy(List.of(URI.create("ftp://x/"))));
    }
}
