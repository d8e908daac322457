package io.podium.ssai.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Length-prefixed binary writing and reading for token payloads. */
final class Wire {
    private Wire() {
    }

    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Out u8(int v) {
            try {
                out.writeByte(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out i64(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out count(int n) {
            if (n < 0 || n > 0xFFFF) {
                throw new IllegalArgumentException("count out of range: " + n);
            }
            try {
                out.writeShort(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            count(b.length);
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    static final class In {
        private final DataInputStream in;

        In(byte[] bytes) {
            in = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        int u8() throws TokenException {
            try {
                return in.readUnsignedByte();
            } catch (IOException e) {
                throw truncated();
            }
        }

        long i64() throws TokenException {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw truncated();
            }
        }

        int count() throws TokenException {
            try {
                return in.readUnsignedShort();
            } catch (IOException e) {
                throw truncated();
            }
        }

        String str() throws TokenException {
            int n = count();
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (IOException e) {
                throw truncated();
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        void end() throws TokenException {
            try {
                if (in.available() != 0) {
                    throw new TokenException(TokenException.Kind.MALFORMED, "token payload has trailing bytes");
                }
            } catch (IOException e) {
                throw truncated();
            }
        }

        private static TokenException truncated() {
            return new TokenException(TokenException.Kind.MALFORMED, "token payload is truncated");
        }
    }
}
