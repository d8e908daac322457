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
        if (clock.millis() - notice.issuedAtMillis() > maxAgeMillis) {
            metrics.increment(MetricName.NOTICES, "type", kind, "result", "expired");
            return done(403, "notice expired");
        }
        if (type == NoticeType.ERROR) {
            String code = errorCode(rawQuery);
            return accept(notice).thenApply(answer -> {
                if ("ok".equals(answer.message())) {
                    metrics.increment(MetricName.VAST_ERRORS, "code", code);
                }
                return answer;
            });
        }
        return accept(notice);
    }

    /**
     * Acts on a notice Podium made itself and trusts (no signature or age check): once, then
     * listeners, then the DSP's own URL. The pod endpoint uses it for the win notices of the
     * ads it serves.
     */
    public CompletableFuture<Answer> accept(Notice notice) {
        NoticeType type = notice.type();
        String kind = type.path();
        long now = clock.millis();
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

    /** The player's {@code code} (a VAST error code, 100 to 999), or "unknown". */
    static String errorCode(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("code=")) {
                String v = pair.substring(5);
                return v.matches("[1-9]\\d{2}") ? v : "unknown";
            }
        }
        return "unknown";
    }

    private static CompletableFuture<Answer> done(int status, String message) {
        return CompletableFuture.completedFuture(new Answer(status, message, null));
    }
}
