package io.podium.exchange.auction;

import io.podium.exchange.pod.TimedMedia;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import io.podium.openrtb.SeatBid;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks every bid of a bidder's response against the request it answered and sorts it
 * into {@link CandidateBid}s and {@link RejectedBid}s with OpenRTB loss reason codes:
 * impid, price, markup, creative id, currency, floors, seat rules ({@code wseat}/{@code bseat}),
 * deal rules (unknown deal, deal seats and advertisers, deal floors, private auctions),
 * blocked advertisers, categories, attributes and apps, markup type and video duration.
 * Floors follow {@link Floors} (duration floors included). A bid on an ad pod imp must be
 * video or audio with a {@code dur} that fits its imp (reason 3 without one, 204 when it
 * does not fit); every bid of a pod is screened on its own, several per imp.
 *
 * <p>Stateless and thread-safe.
 */
public final class BidScreen {
    private final CurrencyConverter currencies;
    private final Floors floors;

    public BidScreen(CurrencyConverter currencies) {
        this.currencies = currencies;
        this.floors = new Floors(currencies);
    }

    /** Where screened bids go. */
    public interface Sink {
        void accept(CandidateBid bid);

        void reject(RejectedBid bid);
    }

    /**
     * @param sent the request as this bidder received it (its imps are the ones it may bid on)
     * @param defaultSeat the seat used when a seatbid names none
     * @param arrival the arrival order of this response in the auction
     */
    public void screen(BidRequest sent, String bidderId, String defaultSeat, BidResponse response, int arrival,
                       Sink sink) {
        Map<String, Imp> imps = new HashMap<>();
        for (Imp imp : sent.getImpList()) {
            imps.put(imp.getId(), imp);
        }
        String currency = response.hasCur() && !response.getCur().isEmpty()
                ? response.getCur().toUpperCase(Locale.ROOT) : "USD";
        String currencyProblem = currencyProblem(sent, currency);
        Set<String> seenBidIds = new HashSet<>();
        for (SeatBid seatBid : response.getSeatbidList()) {
            String seat = seatBid.hasSeat() && !seatBid.getSeat().isEmpty() ? seatBid.getSeat() : defaultSeat;
            for (Bid bid : seatBid.getBidList()) {
                Verdict v = currencyProblem != null
                        ? new Verdict(LossReason.LOSS_REASON_INVALID_BID_RESPONSE_VALUE, currencyProblem)
                        : check(sent, imps, seat, bid, currency, seenBidIds);
                if (v.reason < 0) {
                    sink.accept(new CandidateBid(bidderId, seat, response.getBidid(), bid, currency,
                            v.priceMicros, v.floorMicros, v.deal, arrival));
                } else {
                    sink.reject(new RejectedBid(bidderId, seat, response.getBidid(), bid, currency, v.reason,
                            v.detail, -1));
                }
            }
        }
    }

    private String currencyProblem(BidRequest sent, String currency) {
        if (sent.getCurCount() > 0 && !SeatRules.containsIgnoreCase(sent.getCurList(), currency)) {
            return "currency " + currency + " is not one the request allows " + sent.getCurList();
        }
        if (!currencies.knows(currency)) {
            return "no exchange rate configured for currency " + currency;
        }
        return null;
    }

    private static final class Verdict {
        final int reason;
        final String detail;
        long priceMicros;
        long floorMicros;
        Deal deal;

        Verdict(int reason, String detail) {
            this.reason = reason;
            this.detail = detail;
        }
    }

    private static final Verdict OK = null;

    private Verdict check(BidRequest req, Map<String, Imp> imps, String seat, Bid bid, String currency,
                          Set<String> seenBidIds) {
        if (!bid.hasId() || bid.getId().isEmpty()) {
            return reject(LossReason.LOSS_REASON_INVALID_BID_RESPONSE, "bid has no id");
        }
        if (!seenBidIds.add(bid.getId())) {
            return reject(LossReason.LOSS_REASON_INVALID_BID_RESPONSE, "bid id " + bid.getId() + " repeated");
        }
        Imp imp = imps.get(bid.getImpid());
        if (imp == null) {
            return reject(LossReason.LOSS_REASON_INVALID_BID_RESPONSE, "impid \"" + bid.getImpid()
                    + "\" is not an imp of the request");
        }
        if (!bid.hasPrice() || !(bid.getPrice() > 0) || Double.isInfinite(bid.getPrice())) {
            return reject(LossReason.LOSS_REASON_MISSING_BID_PRICE, "price missing, zero, negative or not finite");
        }
        if (bid.getPrice() > 1_000_000d) {
            return reject(LossReason.LOSS_REASON_INVALID_BID_RESPONSE, "price above 1,000,000 CPM");
        }
        if ((!bid.hasAdm() || bid.getAdm().isEmpty()) && (!bid.hasNurl() || bid.getNurl().isEmpty())) {
            return reject(LossReason.LOSS_REASON_MISSING_MARKUP, "neither adm nor nurl");
        }
        if (!bid.hasCrid() || bid.getCrid().isEmpty()) {
            return reject(LossReason.LOSS_REASON_MISSING_CREATIVE_ID, "crid missing");
        }
        if (!SeatRules.allowed(req.getWseatList(), req.getBseatList(), seat)) {
            return reject(LossReason.LOSS_REASON_BUYER_SEAT_BLOCKED, "seat " + seat + " not allowed");
        }
        for (String domain : bid.getAdomainList()) {
            if (blockedDomain(domain, req.getBadvList())) {
                return reject(LossReason.LOSS_REASON_CREATIVE_ADVERTISER_EXCLUSIONS, "advertiser " + domain + " blocked");
            }
        }
        if (bid.hasBundle() && SeatRules.containsIgnoreCase(req.getBappList(), bid.getBundle())) {
            return reject(LossReason.LOSS_REASON_CREATIVE_APP_BUNDLE_EXCLUSIONS, "app " + bid.getBundle() + " blocked");
        }
        for (String cat : bid.getCatList()) {
            if (req.getBcatList().contains(cat)) {
                return reject(LossReason.LOSS_REASON_CREATIVE_CATEGORY_EXCLUSIONS, "category " + cat + " blocked");
            }
        }
        List<Integer> battr = blockedAttributes(imp, bid.hasMtype() ? bid.getMtypeValue() : 0);
        for (int attr : bid.getAttrValueList()) {
            if (battr.contains(attr)) {
                return reject(LossReason.LOSS_REASON_CREATIVE_ATTRIBUTE_EXCLUSIONS, "creative attribute " + attr + " blocked");
            }
        }
        Verdict format = checkFormat(imp, bid);
        if (format != OK) {
            return format;
        }
        Verdict pod = checkPod(imp, bid);
        if (pod != OK) {
            return pod;
        }
        long priceMicros = currencies.toExchange(Money.toMicros(bid.getPrice()), currency);
        Deal deal = null;
        long floor;
        if (bid.hasDealid() && !bid.getDealid().isEmpty()) {
            deal = findDeal(imp, bid.getDealid());
            if (deal == null) {
                return reject(LossReason.LOSS_REASON_INVALID_DEAL_ID, "deal " + bid.getDealid() + " is not offered on this imp");
            }
            if (!SeatRules.dealAllows(deal, seat)) {
                return reject(LossReason.LOSS_REASON_BUYER_SEAT_BLOCKED, "seat " + seat + " not allowed on deal " + deal.getId());
            }
            if (deal.getWadomainCount() > 0 && !allAllowed(bid.getAdomainList(), deal.getWadomainList())) {
                return reject(LossReason.LOSS_REASON_CREATIVE_ADVERTISER_EXCLUSIONS,
                        "advertiser not allowed on deal " + deal.getId());
            }
            floor = floors.deal(deal, durationOf(bid));
            if (priceMicros < floor) {
                return reject(LossReason.LOSS_REASON_BID_BELOW_DEAL_FLOOR, "below deal floor");
            }
        } else {
            if (imp.hasPmp() && imp.getPmp().getPrivateAuction() == 1) {
                return reject(LossReason.LOSS_REASON_INVALID_DEAL_ID, "private auction: a bid must name one of its deals");
            }
            floor = floors.openMarket(imp, TimedMedia.forBid(imp, bid.hasMtype() ? bid.getMtypeValue() : 0),
                    durationOf(bid));
            if (priceMicros < floor) {
                return reject(LossReason.LOSS_REASON_BID_BELOW_AUCTION_FLOOR, "below imp floor");
            }
        }
        Verdict ok = new Verdict(-1, null);
        ok.priceMicros = priceMicros;
        ok.floorMicros = floor;
        ok.deal = deal;
        return ok;
    }

    /** Markup type must be one the imp offers; video and audio durations within limits. */
    private static Verdict checkFormat(Imp imp, Bid bid) {
        int mtype = bid.hasMtype() ? bid.getMtypeValue() : 0;
        if (mtype == 0) {
            return OK;
        }
        boolean offered = mtype == 1 && imp.hasBanner() || mtype == 2 && imp.hasVideo()
                || mtype == 3 && imp.hasAudio() || mtype == 4 && imp.hasNative();
        if (!offered) {
            return reject(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT, "markup type " + mtype + " not offered by the imp");
        }
        if (mtype == 2 && bid.hasDur()) {
            int dur = bid.getDur();
            var v = imp.getVideo();
            if (v.getRqddursCount() > 0 ? !v.getRqddursList().contains(dur)
                    : (v.hasMinduration() && dur < v.getMinduration() || v.hasMaxduration() && dur > v.getMaxduration())) {
                return reject(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT, "video duration " + dur + "s not allowed");
            }
        }
        if (mtype == 3 && bid.hasDur()) {
            int dur = bid.getDur();
            var a = imp.getAudio();
            if (a.getRqddursCount() > 0 ? !a.getRqddursList().contains(dur)
                    : (a.hasMinduration() && dur < a.getMinduration() || a.hasMaxduration() && dur > a.getMaxduration())) {
                return reject(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT, "audio duration " + dur + "s not allowed");
            }
        }
        return OK;
    }

    /**
     * A bid on an ad pod imp must be video or audio and give its duration ({@code dur}),
     * which must fit the imp: one of its {@code rqddurs}, else within min/max duration, and
     * for the dynamic part of a pod no longer than {@code poddur}.
     */
    private static Verdict checkPod(Imp imp, Bid bid) {
        int mtype = bid.hasMtype() ? bid.getMtypeValue() : 0;
        TimedMedia pod = TimedMedia.podOf(imp);
        if (pod == null) {
            return OK;
        }
        TimedMedia media = TimedMedia.forBid(imp, mtype);
        if (media == null || !media.inPod()) {
            return reject(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT, "ad pod " + pod.podId()
                    + " takes only its " + (pod.audio() ? "audio" : "video") + " ads");
        }
        if (!bid.hasDur() || bid.getDur() <= 0) {
            return reject(LossReason.LOSS_REASON_INVALID_BID_RESPONSE, "a bid for ad pod " + media.podId()
                    + " must give its duration (dur)");
        }
        if (!media.allowsDuration(bid.getDur())) {
            return reject(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT, "duration " + bid.getDur()
                    + "s does not fit imp " + imp.getId() + " of ad pod " + media.podId());
        }
        return OK;
    }

    private static int durationOf(Bid bid) {
        return bid.hasDur() ? Math.max(0, bid.getDur()) : 0;
    }

    /**
     * The attributes blocked for the bid's markup type; when the bid does not say its type,
     * those blocked by any media object of the imp.
     */
    private static List<Integer> blockedAttributes(Imp imp, int mtype) {
        switch (mtype) {
            case 1:
                return imp.getBanner().getBattrValueList();
            case 2:
                return imp.getVideo().getBattrValueList();
            case 3:
                return imp.getAudio().getBattrValueList();
            case 4:
                return imp.getNative().getBattrValueList();
            default:
                List<Integer> all = new java.util.ArrayList<>(imp.getBanner().getBattrValueList());
                all.addAll(imp.getVideo().getBattrValueList());
                all.addAll(imp.getAudio().getBattrValueList());
                all.addAll(imp.getNative().getBattrValueList());
                return all;
        }
    }

    private static Deal findDeal(Imp imp, String dealId) {
        if (!imp.hasPmp()) {
            return null;
        }
        for (Deal d : imp.getPmp().getDealsList()) {
            if (d.getId().equals(dealId)) {
                return d;
            }
        }
        return null;
    }

    /** A domain is blocked by an equal entry or by an entry it is a subdomain of. */
    static boolean blockedDomain(String domain, List<String> blocked) {
        String d = domain.toLowerCase(Locale.ROOT);
        for (String b : blocked) {
            String x = b.toLowerCase(Locale.ROOT);
            if (d.equals(x) || d.endsWith("." + x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allAllowed(List<String> domains, List<String> allowed) {
        if (domains.isEmpty()) {
            return false;
        }
        for (String d : domains) {
            if (!blockedDomain(d, allowed)) {
                return false;
            }
        }
        return true;
    }


    private static Verdict reject(LossReason reason, String detail) {
        return new Verdict(reason.getNumber(), detail);
    }
}
