package io.podium.exchange.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a request body without blocking, refusing it as soon as it passes the cap (by its
 * Content-Length or by what has arrived), so an oversized body costs no more than the cap.
 */
final class BodyReader {
    interface Failure {
        void fail(String message);
    }

    private BodyReader() {
    }

    static void read(HttpServerExchange exchange, int maxBytes, Consumer<byte[]> onBody, Failure onError) {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBytes) {
            exchange.setPersistent(false);
            onError.fail("body of " + declared + " bytes exceeds the " + maxBytes + "-byte limit");
            return;
        }
        String chunked = exchange.getRequestHeaders().getFirst(Headers.TRANSFER_ENCODING);
        if (declared < 0 && chunked == null) {
            onBody.accept(new byte[0]);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
        boolean[] failed = {false};
        exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
            if (failed[0]) {
                return;
            }
            if (buffer.size() + chunk.length > maxBytes) {
                failed[0] = true;
                ex.setPersistent(false);
                ex.getRequestReceiver().pause();
                onError.fail("body exceeds the " + maxBytes + "-byte limit");
                return;
            }
            buffer.write(chunk, 0, chunk.length);
            if (last) {
                onBody.accept(buffer.toByteArray());
            }
        }, (ex, e) -> {
            if (!failed[0]) {
                failed[0] = true;
                ex.setPersistent(false);
                onError.fail("the body could not be read: " + describe(e));
            }
        });
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
