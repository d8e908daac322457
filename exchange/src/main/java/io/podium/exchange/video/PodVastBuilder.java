package io.podium.exchange.video;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.CandidateBid;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.Money;
import io.podium.exchange.auction.PodSlotWin;
import io.podium.exchange.auction.PodWin;
import io.podium.exchange.notice.MacroValues;
import io.podium.exchange.notice.Macros;
import io.podium.exchange.notice.Notice;
import io.podium.exchange.notice.NoticeSigner;
import io.podium.exchange.notice.NoticeType;
import io.podium.openrtb.Bid;
import io.podium.vast.lint.LintProblem;
import io.podium.vast.lint.VastLinter;
import io.podium.vast.model.Ad;
import io.podium.vast.model.AdSystem;
import io.podium.vast.model.Pricing;
import io.podium.vast.model.Vast;
import io.podium.vast.model.Wrapper;
import io.podium.vast.parse.VastParseException;
import io.podium.vast.parse.VastParser;
import io.podium.vast.write.VastWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the pods an auction filled into one VAST 4.2 document: the ads in play order with
 * {@code sequence} 1..n, each carrying Podium's signed trackers ({@link PodTrackers}) and the
 * DSP's own. A bid's markup may be VAST (inline or wrapper, any version: normalized by
 * {@link AdNormalizer}), a VAST tag URL (served as a wrapper), or absent (markup on the win
 * notice: served as a wrapper whose tag URL is Podium's signed win notice, which returns the
 * DSP's markup when the player fetches it). Each ad is checked with the linter (schema of
 * 4.2 and the prose rules) before it is served; one that fails is dropped, never served
 * broken. Thread-safe.
 */
public final class PodVastBuilder {
    static final String VERSION = "4.2";
    private static final Logger LOG = LoggerFactory.getLogger(PodVastBuilder.class);
    private static final Set<String> LATER = Set.of(Macros.AUCTION_IMP_TS);

    /**
     * What was built.
     *
     * @param served the slots whose ads are in the document, in play order
     * @param winNotices win notices Podium must act on itself now (ads whose markup came in the
     *                   bid; a markup-on-notice ad's win notice is called by the player)
     * @param dropped how many winning ads could not be served (unreadable or invalid markup)
     */
    public record Built(Vast vast, byte[] xml, List<PodSlotWin> served, List<Notice> winNotices, int dropped) {
    }

    private final NoticeSigner signer;
    private final MacroValues macros;
    private final CurrencyConverter currencies;
    private final VastParser parser;
    private final VastLinter linter;
    private final VastWriter writer = new VastWriter();
    private final Clock clock;

    public PodVastBuilder(NoticeSigner signer, MacroValues macros, CurrencyConverter currencies, VastParser parser,
                          VastLinter linter, Clock clock) {
        this.signer = signer;
        this.macros = macros;
        this.currencies = currencies;
        this.parser = parser;
        this.linter = linter;
        this.clock = clock;
    }

    public Built build(AuctionOutcome outcome) {
        List<Ad> ads = new ArrayList<>();
        List<PodSlotWin> served = new ArrayList<>();
        List<Notice> wins = new ArrayList<>();
        int dropped = 0;
        for (PodWin pod : outcome.pods()) {
            for (PodSlotWin slot : pod.ads()) {
                int sequence = ads.size() + 1;
                Ad ad = ad(outcome, slot, sequence, wins);
                if (ad == null) {
                    dropped++;
                } else {
                    ads.add(ad);
                    served.add(slot);
                }
            }
        }
        Vast vast = new Vast(VERSION, ads, List.of());
        return new Built(vast, writer.write(vast), served, wins, dropped);
    }

    /** The slot's ad, ready to serve, or null when it cannot be served. */
    private Ad ad(AuctionOutcome outcome, PodSlotWin slot, int sequence, List<Notice> wins) {
        CandidateBid w = slot.win().winner();
        Bid bid = w.bid();
        Map<String, String> values = macros.of(outcome.request(), slot.imp(), w.responseBidId(), w.seat(), bid,
                w.currency(), slot.clearingMicros(), slot.win().minToWinMicros(), 0);
        long now = outcome.noticeTime(clock);
        String adm = bid.hasAdm() ? Macros.expand(bid.getAdm(), values, Set.of()).trim() : "";
        boolean markupOnNotice = adm.isEmpty();
        Notice win = notice(NoticeType.WIN, outcome, slot, now, Macros.expand(bid.getNurl(), values, LATER),
                markupOnNotice);
        Ad source;
        if (markupOnNotice) {
            source = tagWrapper(bid, signer.url(win));
        } else if (adm.startsWith("<")) {
            source = firstAd(adm, w.bidderId());
        } else if (adm.regionMatches(true, 0, "http://", 0, 7) || adm.regionMatches(true, 0, "https://", 0, 8)) {
            source = tagWrapper(bid, adm);
        } else {
            LOG.debug("bid {} of {}: markup is neither VAST nor a URL", bid.getId(), w.bidderId());
            source = null;
        }
        if (source == null) {
            return null;
        }
        PodTrackers trackers = trackers(outcome, slot, now, Macros.expand(bid.getBurl(), values, LATER));
        Pricing pricing = new Pricing("CPM", currencies.exchangeCurrency(), Money.format(slot.clearingMicros()));
        String title = bid.getCrid().isEmpty() ? "Ad " + sequence : bid.getCrid();
        Ad ad = AdNormalizer.normalize(source, sequence, trackers, pricing, outcome.request().getId() + "-" + sequence,
                title);
        List<LintProblem> problems = linter.lint(writer.write(new Vast(VERSION, List.of(ad), List.of())));
        if (!problems.isEmpty()) {
            LOG.debug("bid {} of {} dropped: {} (and {} more)", bid.getId(), w.bidderId(), problems.get(0),
                    problems.size() - 1);
            return null;
        }
        if (!markupOnNotice) {
            wins.add(win);
        }
        return ad;
    }

    private Ad firstAd(String adm, String bidderId) {
        try {
            Vast doc = parser.parse(adm.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return doc.ads().isEmpty() ? null : doc.ads().get(0);
        } catch (VastParseException e) {
            LOG.debug("markup of {} is not VAST: {}", bidderId, e.getMessage());
            return null;
        }
    }

    private static Ad tagWrapper(Bid bid, String tagUrl) {
        Wrapper w = new Wrapper(null, null, null, new AdSystem("Podium", null), List.of(), List.of(), List.of(), null,
                null, List.of(), List.of(), List.of(), tagUrl);
        return new Ad(bid.getId().isEmpty() ? null : bid.getId(), null, null, null, w);
    }

    private PodTrackers trackers(AuctionOutcome outcome, PodSlotWin slot, long now, String burl) {
        String impression = signer.url(notice(NoticeType.BILL, outcome, slot, now, burl, false));
        String error = signer.url(notice(NoticeType.ERROR, outcome, slot, now, "", false)) + "&code=[ERRORCODE]";
        Map<String, String> events = new HashMap<>();
        events.put("start", signer.url(notice(NoticeType.START, outcome, slot, now, "", false)));
        events.put("firstQuartile", signer.url(notice(NoticeType.FIRST_QUARTILE, outcome, slot, now, "", false)));
        events.put("midpoint", signer.url(notice(NoticeType.MIDPOINT, outcome, slot, now, "", false)));
        events.put("thirdQuartile", signer.url(notice(NoticeType.THIRD_QUARTILE, outcome, slot, now, "", false)));
        events.put("complete", signer.url(notice(NoticeType.COMPLETE, outcome, slot, now, "", false)));
        return new PodTrackers(impression, error, events);
    }

    private Notice notice(NoticeType type, AuctionOutcome outcome, PodSlotWin slot, long now, String forward,
                          boolean markup) {
        CandidateBid w = slot.win().winner();
        return new Notice(type, outcome.request().getId(), slot.imp().getId(), w.bid().getId(), w.bidderId(), w.seat(),
                slot.clearingMicros(), currencies.exchangeCurrency(), now, forward == null ? "" : forward, markup);
    }
}
