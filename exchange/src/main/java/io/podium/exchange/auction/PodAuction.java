package io.podium.exchange.auction;

import io.podium.exchange.pod.DedupeKeys;
import io.podium.exchange.pod.PodAssembler;
import io.podium.exchange.pod.PodCandidate;
import io.podium.exchange.pod.PodCandidate.SlotPosition;
import io.podium.exchange.pod.PodRequest;
import io.podium.exchange.pod.TimedMedia;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import io.podium.openrtb.PodDeduplication;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the auction of one ad pod over the screened bids of all its imps, as one exact problem.
 *
 * <p><b>Choice.</b> Every bid is a candidate: a bid on a structured slot may fill only that
 * slot (it carries the key {@code slot:<impid>}, so two bids of one slot never both win) and
 * takes the slot's guaranteed position ({@code slotinpod} of the imp); a bid on the dynamic
 * imp takes the position its own {@code slotinpod} asks for. {@link PodAssembler} then picks
 * the set of bids that pays the most in total such that the ads last at most the pod's
 * {@code poddur}, number at most its {@code maxseq}, share no deduplication key
 * ({@link DedupeKeys}) and honour their positions. A structured pod (no {@code poddur})
 * reduces to one auction per slot in which an ad conflicting with another slot's ad cannot
 * win; a hybrid pod is solved jointly, structured and dynamic bids together, which is never
 * worse than filling the slots first and the dynamic part after. Bids on guaranteed deals
 * ({@code guar=1}) go first: the pod holds as many of them as it can before any other.
 *
 * <p><b>Order.</b> The ad at the first edge (asked for by a FIRST or FIRST_OR_LAST bid or
 * slot), then the structured slots in request order, then the dynamic ads by price, highest
 * first, then the ad at the last edge.
 *
 * <p><b>Price.</b> First price ({@code at=1}): an ad pays its bid. Deal with {@code at=3}: the
 * deal floor. Second price plus ({@code at=2}): an ad pays max(threshold, floor) + the
 * increment, never more than its bid, where the threshold is the lowest price at which it
 * would still have been chosen, all other bids unchanged: (best pod without it) - (best pod
 * with it - its price). For a single slot without conflicts that is the next-best bid of the
 * slot, as in {@link ImpAuction}. {@code minToWinMicros} of a second-price winner is
 * max(threshold, floor); first-price and fixed-price ads share none (-1), which spares the
 * extra search per ad.
 *
 * <p><b>Losers</b> get reason 102 (lost to higher bids), and no minimum to win.
 *
 * <p>Stateless and thread-safe.
 */
public final class PodAuction {
    private static final String SLOT_KEY = "slot:";
    private final long incrementMicros;
    private final PodAssembler assembler;

    public PodAuction(long secondPriceIncrementMicros, PodAssembler assembler) {
        this.incrementMicros = secondPriceIncrementMicros;
        this.assembler = assembler;
    }

    /** The pod's ads (null when none won), the same ads as imp wins in play order, and the losers. */
    public record Result(PodWin win, List<ImpWin> wins, List<RejectedBid> losers) {
    }

    /**
     * @param candidates screened bids on the pod's imps (their duration checked against their
     *                   imp, their price against their floor)
     * @param requestAt the request's auction type (1 or 2; anything else is treated as 2)
     */
    public Result run(PodRequest pod, int requestAt, List<CandidateBid> candidates) {
        if (candidates.isEmpty()) {
            return new Result(null, List.of(), List.of());
        }
        List<CandidateBid> sorted = new ArrayList<>(candidates);
        sorted.sort(ImpAuction.BEST_FIRST);
        Map<String, Imp> imps = new HashMap<>();
        Map<String, Integer> impOrder = new HashMap<>();
        for (Imp imp : pod.imps()) {
            imps.put(imp.getId(), imp);
            impOrder.put(imp.getId(), impOrder.size());
        }
        Set<PodDeduplication> dedupe = pod.dedupe();
        long boost = guaranteedBoost(sorted);
        List<PodCandidate> all = new ArrayList<>(sorted.size());
        boolean[] structured = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            CandidateBid c = sorted.get(i);
            TimedMedia media = TimedMedia.podOf(imps.get(c.bid().getImpid()));
            List<String> keys = new ArrayList<>();
            SlotPosition slot;
            if (media.dynamic()) {
                slot = SlotPosition.of(c.bid().getSlotinpodValue());
            } else {
                structured[i] = true;
                keys.add(SLOT_KEY + c.bid().getImpid());
                slot = media.slotInPod();
            }
            keys.addAll(DedupeKeys.of(dedupe, c.bidderId(), c.bid()));
            all.add(new PodCandidate(Integer.toString(i), weight(c, boost), c.bid().getDur(), slot, keys));
        }
        int maxDuration = pod.maxDurationSeconds();
        int maxAds = pod.maxAds();
        PodAssembler.Pod best = assembler.assemble(all, maxDuration, maxAds);
        List<PodCandidate> order = playOrder(best.ads(), structured, sorted, impOrder);

        Set<Integer> chosen = new HashSet<>();
        Set<String> chosenKeys = new HashSet<>();
        for (PodCandidate p : order) {
            chosen.add(Integer.parseInt(p.id()));
            chosenKeys.addAll(p.dedupeKeys());
        }
        List<PodSlotWin> ads = new ArrayList<>(order.size());
        List<ImpWin> wins = new ArrayList<>(order.size());
        for (int seq = 0; seq < order.size(); seq++) {
            PodCandidate p = order.get(seq);
            int i = Integer.parseInt(p.id());
            CandidateBid c = sorted.get(i);
            ImpWin win = price(imps.get(c.bid().getImpid()), c, requestAt, all, i, best.totalPriceMicros(), boost,
                    maxDuration, maxAds);
            wins.add(win);
            ads.add(new PodSlotWin(seq + 1, position(p, seq, order.size()), win));
        }
        List<RejectedBid> losers = new ArrayList<>(sorted.size() - order.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (chosen.contains(i)) {
                continue;
            }
            CandidateBid c = sorted.get(i);
            String shared = null;
            for (String k : all.get(i).dedupeKeys()) {
                if (chosenKeys.contains(k) && (shared == null || shared.startsWith(SLOT_KEY))) {
                    shared = k;
                }
            }
            String detail = shared == null ? "pod " + pod.podId() + " pays more without it"
                    : shared.startsWith(SLOT_KEY) ? "lost to a higher bid for its slot in pod " + pod.podId()
                    : "pod " + pod.podId() + " pays more with another ad sharing " + shared;
            losers.add(new RejectedBid(c.bidderId(), c.seat(), c.responseBidId(), c.bid(), c.currency(),
                    LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, detail, -1));
        }
        return new Result(ads.isEmpty() ? null : new PodWin(pod.podId(), ads), wins, losers);
    }

    /**
     * The clearing price and minimum to win of chosen candidate {@code i}. Only second price
     * needs its threshold (one more search); first price and fixed-price deals share none.
     */
    private ImpWin price(Imp imp, CandidateBid c, int requestAt, List<PodCandidate> all, int i, long best, long boost,
                         int maxDuration, int maxAds) {
        int at = c.deal() != null && c.deal().hasAt() ? c.deal().getAtValue() : requestAt;
        if (at == 3) {
            return new ImpWin(imp, c, Math.min(c.priceMicros(), c.floorMicros()), -1);
        }
        if (at == 1) {
            return new ImpWin(imp, c, c.priceMicros(), -1);
        }
        long threshold = Math.max(0, threshold(all, i, best, maxDuration, maxAds) - (c.guaranteedDeal() ? boost : 0));
        long minToWin = Math.max(threshold, c.floorMicros());
        return new ImpWin(imp, c, Math.min(c.priceMicros(), minToWin + incrementMicros), minToWin);
    }

    /**
     * The lowest weight at which candidate {@code i} would still be chosen: the best pod
     * without it, less what the rest of the best pod pays.
     */
    private long threshold(List<PodCandidate> all, int i, long best, int maxDuration, int maxAds) {
        long rest = best - all.get(i).priceMicros();
        if (all.size() == 1) {
            return 0;
        }
        List<PodCandidate> others = new ArrayList<>(all.size() - 1);
        for (int j = 0; j < all.size(); j++) {
            if (j != i) {
                others.add(all.get(j));
            }
        }
        return Math.max(0, assembler.bestTotal(others, maxDuration, maxAds, rest) - rest);
    }

    /**
     * First edge ad, structured slots in request order, dynamic ads by price (highest first),
     * last edge ad. The assembler already put an ad that needs the first edge first and one
     * that needs the last edge last.
     */
    private static List<PodCandidate> playOrder(List<PodCandidate> ads, boolean[] structured, List<CandidateBid> bids,
                                                Map<String, Integer> impOrder) {
        if (ads.isEmpty()) {
            return ads;
        }
        PodCandidate head = ads.get(0).slot() == SlotPosition.FIRST || ads.get(0).slot() == SlotPosition.FIRST_OR_LAST
                ? ads.get(0) : null;
        PodCandidate lastAd = ads.get(ads.size() - 1);
        PodCandidate tail = lastAd != head && (lastAd.slot() == SlotPosition.LAST
                || lastAd.slot() == SlotPosition.FIRST_OR_LAST) ? lastAd : null;
        List<PodCandidate> middle = new ArrayList<>();
        for (PodCandidate p : ads) {
            if (p != head && p != tail) {
                middle.add(p);
            }
        }
        middle.sort(Comparator.comparingInt((PodCandidate p) -> {
            int i = Integer.parseInt(p.id());
            return structured[i] ? impOrder.get(bids.get(i).bid().getImpid()) : Integer.MAX_VALUE;
        }).thenComparing(Comparator.comparingLong((PodCandidate p) -> bids.get(Integer.parseInt(p.id())).priceMicros())
                .reversed()).thenComparingInt(p -> Integer.parseInt(p.id())));
        List<PodCandidate> out = new ArrayList<>(ads.size());
        if (head != null) {
            out.add(head);
        }
        out.addAll(middle);
        if (tail != null) {
            out.add(tail);
        }
        return out;
    }

    private static SlotPosition position(PodCandidate p, int index, int size) {
        if (index == 0 && (p.slot() == SlotPosition.FIRST || p.slot() == SlotPosition.FIRST_OR_LAST)) {
            return SlotPosition.FIRST;
        }
        if (index == size - 1 && (p.slot() == SlotPosition.LAST || p.slot() == SlotPosition.FIRST_OR_LAST)) {
            return SlotPosition.LAST;
        }
        return SlotPosition.ANY;
    }

    /**
     * What a guaranteed-deal bid adds to its weight so that the pod holds as many of them as
     * it can: more than all bids of the pod together. 0 when there is none.
     */
    private static long guaranteedBoost(List<CandidateBid> bids) {
        long sum = 0;
        boolean any = false;
        for (CandidateBid c : bids) {
            sum += c.priceMicros();
            any |= c.guaranteedDeal();
        }
        return any ? sum + 1 : 0;
    }

    private static long weight(CandidateBid c, long boost) {
        return c.guaranteedDeal() ? c.priceMicros() + boost : c.priceMicros();
    }
}
