package io.podium.exchange.bench;

import io.podium.exchange.http.HttpReply;
import io.podium.exchange.http.OutboundFailure;
import io.podium.exchange.http.OutboundHttp;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.UndertowClient;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StringReadChannelListener;
import io.undertow.util.StringWriteChannelListener;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * Undertow's own HTTP client behind {@link OutboundHttp}, for the client comparison in
 * {@link AuctionLoadBench} only. Undertow gives a connection-level client: the keep-alive
 * pool (an idle queue per origin), timeouts and the body handling are written here, kept as
 * small as the measurement allows (text bodies, no body cap). It is not offered as a
 * production option; see docs/http-client.md.
 */
public final class UndertowOutboundHttp implements OutboundHttp {
    private final XnioWorker worker;
    private final ByteBufferPool buffers = new DefaultByteBufferPool(false, 16 * 1024);
    private final Map<String, ConcurrentLinkedQueue<ClientConnection>> idle = new ConcurrentHashMap<>();
    private final String userAgent;

    public UndertowOutboundHttp(String userAgent) {
        this.userAgent = userAgent;
        try {
            worker = Xnio.getInstance().createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, Math.max(1, Runtime.getRuntime().availableProcessors()))
                    .set(Options.TCP_NODELAY, true).getMap());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompletableFuture<HttpReply> post(URI uri, byte[] body, String contentType, String contentEncoding,
                                             String openRtbVersion, long timeoutMillis) {
        ClientRequest request = new ClientRequest().setMethod(Methods.POST).setPath(path(uri));
        request.getRequestHeaders().put(Headers.CONTENT_TYPE, contentType);
        request.getRequestHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (openRtbVersion != null) {
            request.getRequestHeaders().put(new HttpString("x-openrtb-version"), openRtbVersion);
        }
        return send(uri, request, new String(body, StandardCharsets.UTF_8), timeoutMillis);
    }

    @Override
    public CompletableFuture<HttpReply> get(URI uri, long timeoutMillis) {
        return send(uri, new ClientRequest().setMethod(Methods.GET).setPath(path(uri)), null, timeoutMillis);
    }

    private static String path(URI uri) {
        String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }

    private CompletableFuture<HttpReply> send(URI uri, ClientRequest request, String body, long timeoutMillis) {
        String origin = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        request.getRequestHeaders().put(Headers.HOST, uri.getHost() + ":" + uri.getPort());
        request.getRequestHeaders().put(Headers.USER_AGENT, userAgent);
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        ClientConnection pooled = poll(origin);
        if (pooled != null) {
            exchange(origin, pooled, request, body, result, timeoutMillis);
        } else {
            IoFuture<ClientConnection> f = UndertowClient.getInstance().connect(URI.create(origin), worker, buffers,
                    OptionMap.EMPTY);
            f.addNotifier((future, attachment) -> {
                try {
                    exchange(origin, future.get(), request, body, result, timeoutMillis);
                } catch (IOException e) {
                    result.completeExceptionally(new OutboundFailure(OutboundFailure.Kind.CONNECT, e.toString(), e));
                }
            }, null);
        }
        return result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).handle((r, e) -> {
            if (e != null) {
                Throwable c = e.getCause() != null && !(e instanceof OutboundFailure) ? e.getCause() : e;
                if (c instanceof OutboundFailure) {
                    throw (OutboundFailure) c;
                }
                throw new OutboundFailure(c instanceof java.util.concurrent.TimeoutException ? OutboundFailure.Kind.TIMEOUT
                        : OutboundFailure.Kind.IO, c.toString(), c);
            }
            return r;
        });
    }

    private ClientConnection poll(String origin) {
        ConcurrentLinkedQueue<ClientConnection> q = idle.get(origin);
        if (q == null) {
            return null;
        }
        ClientConnection c;
        while ((c = q.poll()) != null) {
            if (c.isOpen()) {
                return c;
            }
        }
        return null;
    }

    private void exchange(String origin, ClientConnection connection, ClientRequest request, String body,
                          CompletableFuture<HttpReply> result, long timeoutMillis) {
        connection.sendRequest(request, new ClientCallback<>() {
            @Override
            public void completed(ClientExchange ex) {
                if (body != null) {
                    new StringWriteChannelListener(body).setup(ex.getRequestChannel());
                }
                ex.setResponseListener(new ClientCallback<>() {
                    @Override
                    public void completed(ClientExchange done) {
                        int status = done.getResponse().getResponseCode();
                        String type = done.getResponse().getResponseHeaders().getFirst(Headers.CONTENT_TYPE);
                        new StringReadChannelListener(buffers) {
                            @Override
                            protected void stringDone(String text) {
                                if (connection.isOpen() && !result.isDone()) {
                                    idle.computeIfAbsent(origin, o -> new ConcurrentLinkedQueue<>()).add(connection);
                                }
                                result.complete(new HttpReply(status, text.getBytes(StandardCharsets.UTF_8), type, null));
                            }

                            @Override
                            protected void error(IOException e) {
                                close(connection);
                                result.completeExceptionally(new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e));
                            }
                        }.setup(done.getResponseChannel());
                    }

                    @Override
                    public void failed(IOException e) {
                        close(connection);
                        result.completeExceptionally(new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e));
                    }
                });
            }

            @Override
            public void failed(IOException e) {
                close(connection);
                result.completeExceptionally(new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e));
            }
        });
        result.whenComplete((r, e) -> {
            if (e != null) {
                close(connection);
            }
        });
    }

    private static void close(ClientConnection c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
