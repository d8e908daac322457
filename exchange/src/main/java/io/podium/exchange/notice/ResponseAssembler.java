package io.podium.exchange.notice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.CandidateBid;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.ImpWin;
import io.podium.exchange.auction.Money;
import io.podium.exchange.auction.PodSlotWin;
import io.podium.exchange.auction.PodWin;
import io.podium.exchange.auction.RejectedBid;
import io.podium.exchange.bidder.BidderResult;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.SeatBid;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an auction outcome into the bid response the supply receives: one bid per won imp,
 * grouped by seat, priced at the clearing price, its markup's macros expanded, and Podium's
 * own signed {@code nurl}/{@code burl} in place of the DSP's (which Podium calls itself when
 * its own are called). {@code ext.seatnonbid} reports every bid that did not win with its
 * loss reason; {@code ext.podium.bidders} says how each bidder answered. Every ad of a filled
 * pod is a bid of its own (a dynamic pod imp gets several); {@code ext.podium.pods} gives each
 * pod's play order: {@code [{"podid", "ads": [{"seq", "impid", "bidid", "seat", "dur"}]}]}.
 */
public final class ResponseAssembler {
    private static final Set<String> LATER = Set.of(Macros.AUCTION_IMP_TS);
    private final NoticeSigner signer;
    private final MacroValues macros;
    private final CurrencyConverter currencies;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory();

    public ResponseAssembler(NoticeSigner signer, MacroValues macros, CurrencyConverter currencies, Clock clock) {
        this.signer = signer;
        this.macros = macros;
        this.currencies = currencies;
        this.clock = clock;
    }

    /** @return the response, or null when nothing won (the caller answers 204) */
    public BidResponse assemble(AuctionOutcome outcome) {
        if (outcome.wins().isEmpty()) {
            return null;
        }
        BidRequest request = outcome.request();
        String currency = responseCurrency(request);
        long now = outcome.noticeTime(clock);
        Map<String, SeatBid.Builder> seats = new LinkedHashMap<>();
        for (ImpWin win : outcome.wins()) {
            CandidateBid w = win.winner();
            Bid bid = w.bid();
            Map<String, String> values = macros.of(request, win.imp(), w.responseBidId(), w.seat(), bid, w.currency(),
                    win.clearingMicros(), win.minToWinMicros(), 0);
            Bid.Builder out = bid.toBuilder()
                    .setPrice(Money.toPrice(currencies.fromExchange(win.clearingMicros(), currency)))
                    .clearLurl();
            boolean markupOnNotice = !bid.hasAdm() || bid.getAdm().isEmpty();
            if (!markupOnNotice) {
                out.setAdm(Macros.expand(bid.getAdm(), values, Set.of()));
            }
            out.setNurl(signer.url(notice(NoticeType.WIN, request, win, now,
                    Macros.expand(bid.getNurl(), values, LATER), markupOnNotice)));
            out.setBurl(signer.url(notice(NoticeType.BILL, request, win, now,
                    Macros.expand(bid.getBurl(), values, LATER), false)));
            seats.computeIfAbsent(w.seat(), s -> SeatBid.newBuilder().setSeat(s)).addBid(out);
        }
        BidResponse.Builder response = BidResponse.newBuilder().setId(request.getId()).setCur(currency);
        for (SeatBid.Builder sb : seats.values()) {
            response.addSeatbid(sb);
        }
        response.setExt(ext(outcome));
        return response.build();
    }

    private Notice notice(NoticeType type, BidRequest request, ImpWin win, long now, String forward, boolean markup) {
        CandidateBid w = win.winner();
        return new Notice(type, request.getId(), win.imp().getId(), w.bid().getId(), w.bidderId(), w.seat(),
                win.clearingMicros(), currencies.exchangeCurrency(), now, forward == null ? "" : forward, markup);
    }

    /** The exchange currency, unless the request allows only others: then the first one known. */
    private String responseCurrency(BidRequest request) {
        String own = currencies.exchangeCurrency();
        if (request.getCurCount() == 0 || request.getCurList().stream().anyMatch(own::equalsIgnoreCase)) {
            return own;
        }
        for (String c : request.getCurList()) {
            if (currencies.knows(c)) {
                return c.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return own;
    }

    private String ext(AuctionOutcome outcome) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            Map<String, List<RejectedBid>> bySeat = new LinkedHashMap<>();
            for (RejectedBid r : outcome.losers()) {
                bySeat.computeIfAbsent(r.seat(), s -> new java.util.ArrayList<>()).add(r);
            }
            if (!bySeat.isEmpty()) {
                g.writeArrayFieldStart("seatnonbid");
                for (Map.Entry<String, List<RejectedBid>> e : bySeat.entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("seat", e.getKey());
                    g.writeArrayFieldStart("nonbid");
                    for (RejectedBid r : e.getValue()) {
                        g.writeStartObject();
                        g.writeStringField("impid", r.bid().getImpid());
                        g.writeStringField("bidid", r.bid().getId());
                        g.writeNumberField("statuscode", r.lossReason());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("podium");
            if (!outcome.pods().isEmpty()) {
                g.writeArrayFieldStart("pods");
                for (PodWin pod : outcome.pods()) {
                    g.writeStartObject();
                    g.writeStringField("podid", pod.podId());
                    g.writeArrayFieldStart("ads");
                    for (PodSlotWin ad : pod.ads()) {
                        g.writeStartObject();
                        g.writeNumberField("seq", ad.sequence());
                        g.writeStringField("impid", ad.imp().getId());
                        g.writeStringField("bidid", ad.bid().getId());
                        g.writeStringField("seat", ad.seat());
                        g.writeNumberField("dur", ad.durationSeconds());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("bidders");
            for (BidderResult r : outcome.bidders()) {
                g.writeObjectFieldStart(r.bidder().id());
                g.writeStringField("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                if (r.latencyNanos() >= 0) {
                    g.writeNumberField("latency_ms", r.latencyNanos() / 1_000_000L);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The imp of a request by id, or null. */
    static Imp imp(BidRequest request, String id) {
        for (Imp imp : request.getImpList()) {
            if (imp.getId().equals(id)) {
                return imp;
            }
        }
        return null;
    }
}
