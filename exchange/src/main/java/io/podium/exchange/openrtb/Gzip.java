package io.podium.exchange.openrtb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip with a hard cap on the decompressed size, so a gzip bomb costs nothing. */
public final class Gzip {
    private Gzip() {
    }

    /** Thrown when the decompressed body would pass the cap. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int cap) {
            super("decompressed body exceeds " + cap + " bytes");
        }
    }

    public static byte[] decompress(byte[] gz, int maxBytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            byte[] out = new byte[Math.min(maxBytes, Math.max(1024, gz.length * 4))];
            int size = 0;
            while (true) {
                if (size == out.length) {
                    if (size >= maxBytes) {
                        if (in.read() >= 0) {
                            throw new TooLargeException(maxBytes);
                        }
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxBytes, out.length * 2L));
                }
                int n = in.read(out, size, out.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
            return Arrays.copyOf(out, size);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("invalid gzip data: " + e.getMessage(), e);
        }
    }

    public static byte[] compress(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
