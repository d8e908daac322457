package io.podium.exchange.bidder;

import io.podium.exchange.auction.SeatRules;
import io.podium.exchange.config.BidderConfig;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.Pmp;
import io.podium.openrtb.Source;
import io.podium.openrtb.SupplyChain;
import io.podium.openrtb.SupplyChainNode;
import java.util.List;

/**
 * Tailors the supply's request for one bidder: only the imps (and media objects) it buys,
 * only the deals its seat may take, a {@code tmax} cut to what is left of Podium's deadline,
 * the transaction id in {@code source.tid} and Podium's node appended to {@code source.schain}.
 * Returns null when the bidder should not be called (no imp left, or its seat is excluded
 * by {@code wseat}/{@code bseat}). Stateless and thread-safe.
 */
public final class BidderRequestFactory {
    private final SupplyChainNode podiumNode;

    /** @param asi Podium's advertising-system domain; @param sid the seller id within it */
    public BidderRequestFactory(String asi, String sid) {
        this.podiumNode = SupplyChainNode.newBuilder().setAsi(asi).setSid(sid).setHp(1).build();
    }

    /** Why a bidder was left out, for metrics. */
    public enum Skip { NO_IMPS, SEAT_BLOCKED }

    public Skip skipReason(BidRequest request, BidderConfig bidder) {
        if (seatExcluded(request.getWseatList(), request.getBseatList(), bidder.seat())) {
            return Skip.SEAT_BLOCKED;
        }
        return null;
    }

    /**
     * The request as every bidder receives it before per-bidder tailoring: {@code tmax} cut
     * to what is left, the transaction id, Podium's supply-chain node.
     *
     * @param tid the auction's transaction id, the same for every bidder
     * @param tmaxMs the time bidders have
     */
    public BidRequest prepare(BidRequest request, String tid, int tmaxMs) {
        BidRequest.Builder out = request.toBuilder().setTmax(tmaxMs);
        Source.Builder source = request.hasSource() ? request.getSource().toBuilder() : Source.newBuilder();
        source.setTid(tid);
        SupplyChain.Builder chain = source.hasSchain() ? source.getSchain().toBuilder()
                : SupplyChain.newBuilder().setComplete(1).setVer("1.0");
        chain.addNodes(podiumNode.toBuilder().setRid(request.getId()));
        source.setSchain(chain);
        out.setSource(source);
        return out.build();
    }

    /**
     * The prepared request cut to what one bidder may buy; the very same instance when nothing
     * had to change (so its encoding can be shared), null when nothing is left for it.
     */
    public BidRequest tailor(BidRequest prepared, BidderConfig bidder) {
        if (skipReason(prepared, bidder) != null) {
            return null;
        }
        boolean changed = false;
        List<Imp> imps = new java.util.ArrayList<>(prepared.getImpCount());
        for (Imp imp : prepared.getImpList()) {
            Imp tailored = tailor(imp, bidder);
            changed |= tailored != imp;
            if (tailored != null) {
                imps.add(tailored);
            }
        }
        if (imps.isEmpty()) {
            return null;
        }
        return changed ? prepared.toBuilder().clearImp().addAllImp(imps).build() : prepared;
    }

    /** {@link #prepare} then {@link #tailor}, for one bidder. */
    public BidRequest build(BidRequest request, BidderConfig bidder, String tid, int tmaxMs) {
        if (skipReason(request, bidder) != null) {
            return null;
        }
        return tailor(prepare(request, tid, tmaxMs), bidder);
    }

    /** The imp itself when the bidder may take all of it, a cut copy, or null. */
    private static Imp tailor(Imp imp, BidderConfig bidder) {
        if (takesWhole(imp, bidder)) {
            return imp;
        }
        Imp.Builder b = imp.toBuilder();
        if (imp.hasBanner() && !bidder.mediaTypes().contains("banner")) {
            b.clearBanner();
        }
        if (imp.hasVideo() && !bidder.mediaTypes().contains("video")) {
            b.clearVideo();
        }
        if (imp.hasAudio() && !bidder.mediaTypes().contains("audio")) {
            b.clearAudio();
        }
        if (imp.hasNative() && !bidder.mediaTypes().contains("native")) {
            b.clearNative();
        }
        if (!b.hasBanner() && !b.hasVideo() && !b.hasAudio() && !b.hasNative()) {
            return null;
        }
        if (imp.hasPmp()) {
            Pmp.Builder pmp = imp.getPmp().toBuilder().clearDeals();
            for (Deal deal : imp.getPmp().getDealsList()) {
                if (SeatRules.dealAllows(deal, bidder.seat())) {
                    pmp.addDeals(deal);
                }
            }
            if (pmp.getPrivateAuction() == 1 && pmp.getDealsCount() == 0) {
                return null;
            }
            b.setPmp(pmp);
        }
        return b.build();
    }

    private static boolean takesWhole(Imp imp, BidderConfig bidder) {
        if (!imp.hasBanner() && !imp.hasVideo() && !imp.hasAudio() && !imp.hasNative()) {
            return false;
        }
        if (imp.hasBanner() && !bidder.mediaTypes().contains("banner") || imp.hasVideo() && !bidder.mediaTypes().contains("video")
                || imp.hasAudio() && !bidder.mediaTypes().contains("audio")
                || imp.hasNative() && !bidder.mediaTypes().contains("native")) {
            return false;
        }
        for (Deal deal : imp.getPmp().getDealsList()) {
            if (!SeatRules.dealAllows(deal, bidder.seat())) {
                return false;
            }
        }
        return true;
    }

    static boolean seatExcluded(List<String> wseat, List<String> bseat, String seat) {
        return !SeatRules.allowed(wseat, bseat, seat);
    }

}
