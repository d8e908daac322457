package io.podium.exchange.notice;

import io.podium.exchange.http.HttpReply;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Handles a call to one of Podium's notice URLs: refuses anything unsigned, tampered or
 * stale; acts on a valid notice once (listeners, then the DSP's own URL with
 * {@code ${AUCTION_IMP_TS}} filled in); answers repeats without acting again.
 */
public final class NoticeService {
    /** What the caller should answer. {@code markup} is set only for a markup-on-win notice. */
    public record Answer(int status, String message, HttpReply markup) {
    }

    private final NoticeSigner signer;
    private final NoticeDeduplicator dedupe;
    private final NoticeForwarder forwarder;
    private final List<NoticeListener> listeners;
    private final Metrics metrics;
    private final Clock clock;
    private final long maxAgeMillis;

    public NoticeService(NoticeSigner signer, NoticeDeduplicator dedupe, NoticeForwarder forwarder,
                         List<NoticeListener> listeners, Metrics metrics, Clock clock, long maxAgeMillis) {
        this.signer = signer;
        this.dedupe = dedupe;
        this.forwarder = forwarder;
        this.listeners = List.copyOf(listeners);
        this.metrics = metrics;
        this.clock = clock;
        this.maxAgeMillis = maxAgeMillis;
    }

    public CompletableFuture<Answer> handle(String typePath, String rawQuery) {
        NoticeType type = NoticeType.ofPath(typePath);
        if (type == null) {
            return done(404, "unknown notice type");
        }
        Notice notice = signer.verify(type, rawQuery);
        String kind = type.path();
        if (notice == null) {
            metrics.increment(MetricName.NOTICES, "type", kind, "result", "forbidden");
            return done(403, "missing or invalid signature");
        }
        long now = clock.millis();
        if (now - notice.issuedAtMillis() > maxAgeMillis) {
            metrics.increment(MetricName.NOTICES, "type", kind, "result", "expired");
            return done(403, "notice expired");
        }
        if (!dedupe.firstTime(notice.dedupeKey())) {
            metrics.increment(MetricName.NOTICES, "type", kind, "result", "duplicate");
            return done(204, "already handled");
        }
        metrics.increment(MetricName.NOTICES, "type", kind, "result", "ok");
        for (NoticeListener l : listeners) {
            l.onNotice(notice);
        }
        if (notice.forwardUrl().isEmpty()) {
            return done(204, "ok");
        }
        CompletableFuture<HttpReply> forwarded = forwarder.fireWithImpTs(kind, notice.forwardUrl(), now);
        if (notice.markupOnNotice() && type == NoticeType.WIN) {
            return forwarded.thenApply(reply -> reply != null && reply.status() == 200
                    ? new Answer(200, "ok", reply) : new Answer(204, "ok", null));
        }
        return done(204, "ok");
    }

    private static CompletableFuture<Answer> done(int status, String message) {
        return CompletableFuture.completedFuture(new Answer(status, message, null));
    }
}
