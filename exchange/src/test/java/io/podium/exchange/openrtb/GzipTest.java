package io.podium.exchange.openrtb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
    private static final int ONE_MB = 1024 * 1024;

    /** A gzip stream of {@code size} zero bytes, written in chunks so the test never holds the raw data. */
    private static byte[] gzippedZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                gz.write(chunk, 0, n);
                left -= n;
            }
        }
        return out.toByteArray();
    }

    @Test
    void roundTripRestoresTheBytes() throws IOException {
        // given
        byte[] raw = "{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":300,\"h\":250}}]}"
                .repeat(50).getBytes(StandardCharsets.UTF_8);

        // when
        byte[] gz = Gzip.compress(raw);
        byte[] back = Gzip.decompress(gz, ONE_MB);

        // then
        assertTrue(gz.length < raw.length, "repetitive JSON compresses");
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertArrayEquals(raw, back);
    }

    @Test
    void roundTripOfRandomBytesSeveralTimesTheInitialBuffer() throws IOException {
        // given
        long seed = new Random().nextLong();
        System.out.println("GzipTest.roundTripOfRandomBytesSeveralTimesTheInitialBuffer seed=" + seed);
        byte[] raw = new byte[300_000];
        new Random(seed).nextBytes(raw);

        // when
        byte[] back = Gzip.decompress(Gzip.compress(raw), ONE_MB);

        // then
        assertArrayEquals(raw, back, "seed=" + seed);
    }

    @Test
    void emptyInputRoundTrips() throws IOException {
        assertArrayEquals(new byte[0], Gzip.decompress(Gzip.compress(new byte[0]), ONE_MB));
    }

    @Test
    void gzipBombFailsWithTooLargeAtTheCap() throws IOException {
        // given: 50 MB of zeros, about 50 KB compressed
        byte[] bomb = gzippedZeros(50L * ONE_MB);

        // when
        Gzip.TooLargeException e = assertThrows(Gzip.TooLargeException.class, () -> Gzip.decompress(bomb, ONE_MB));

        // then
        assertTrue(bomb.length < 100 * 1024, "bomb is " + bomb.length + " bytes");
        assertEquals("decompressed body exceeds 1048576 bytes", e.getMessage());
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() throws IOException {
        // given
        byte[] gz = gzippedZeros(ONE_MB);

        // when
        byte[] out = Gzip.decompress(gz, ONE_MB);

        // then
        assertEquals(ONE_MB, out.length);
        assertTrue(Arrays.equals(new byte[ONE_MB], out));
    }

    @Test
    void bodyOneByteOverTheCapFails() throws IOException {
        // given
        byte[] gz = gzippedZeros(ONE_MB + 1L);

        // then
        assertThrows(Gzip.TooLargeException.class, () -> Gzip.decompress(gz, ONE_MB));
    }

    @Test
    void smallCapBelowTheInitialBufferIsEnforced() throws IOException {
        // given
        byte[] gz = Gzip.compress(new byte[600]);

        // when
        Gzip.TooLargeException e = assertThrows(Gzip.TooLargeException.class, () -> Gzip.decompress(gz, 500));

        // then
        assertEquals("decompressed body exceeds 500 bytes", e.getMessage());
        assertEquals(600, Gzip.decompress(gz, 600).length);
    }

    @Test
    void garbageInputFailsWithIoException() {
        // given
        byte[] garbage = "this is not gzip at all".getBytes(StandardCharsets.US_ASCII);

        // when
        IOException e = assertThrows(IOException.class, () -> Gzip.decompress(garbage, ONE_MB));

        // then
        assertFalse(e instanceof Gzip.TooLargeException);
        assertTrue(e.getMessage().startsWith("invalid gzip data"), e.getMessage());
    }

    @Test
    void truncatedGzipFailsWithIoException() {
        // given
        byte[] gz = Gzip.compress(new byte[10_000]);
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);

        // when
        IOException e = assertThrows(IOException.class, () -> Gzip.decompress(truncated, ONE_MB));

        // then
        assertFalse(e instanceof Gzip.TooLargeException);
    }

    @Test
    void emptyInputFailsWithIoException() {
        assertThrows(IOException.class, () -> Gzip.decompress(new byte[0], ONE_MB));
    }

    @Test
    void corruptedDeflateDataFailsWithIoException() {
        // given: valid header, garbage body
        long seed = new Random().nextLong();
        System.out.println("GzipTest.corruptedDeflateDataFailsWithIoException seed=" + seed);
        byte[] gz = Gzip.compress("hello hello hello hello".repeat(100).getBytes(StandardCharsets.US_ASCII));
        byte[] noise = new byte[gz.length - 18];
        new Random(seed).nextBytes(noise);
        System.arraycopy(noise, 0, gz, 10, noise.length);

        // then
        assertThrows(IOException.class, () -> Gzip.decompress(gz, ONE_MB), "seed=" + seed);
    }
}
