package io.podium.simulator.dsp;

import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.MarkupType;
import io.podium.openrtb.Protocol;
import io.podium.openrtb.SeatBid;
import io.podium.openrtb.SlotPositionInPod;
import io.podium.openrtb.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides what a mock DSP bids on one request, per its {@link DspProfile}. Pure apart from the
 * random generator it is handed, so one request with one seed always gives the same answer.
 *
 * <p>Per imp (banner or video; others are skipped): a deal is bid with probability
 * {@code dealBidRate} when {@code pmp.deals} is present, at the DSP's valuation raised to the
 * deal floor (exactly the floor for {@code at=3}); otherwise, unless the auction is private,
 * the imp is bid with probability {@code bidRate} when the valuation reaches {@code bidfloor}.
 * A video imp with {@code poddur} is a dynamic pod and gets up to {@code maxseq} bids whose
 * durations sum to at most {@code poddur}, each from a different advertiser domain.
 * {@code badv} and {@code bcat} are honoured.
 *
 * <p>Thread-safe (stateless).
 */
final class BidComposer {
    private static final int[] COMMON_DURATIONS = {5, 6, 10, 15, 20, 30, 45, 60};

    private final DspProfile profile;
    private final String base;

    /** @param base scheme, host and port the notice URLs point at, without a trailing slash */
    BidComposer(DspProfile profile, String base) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** @return the response with every bid made, or null when no imp was bid */
    BidResponse compose(BidRequest request, long sequence, RandomGenerator random) {
        List<String> domains = new ArrayList<>(profile.adomains());
        domains.removeAll(request.getBadvList());
        List<String> cats = new ArrayList<>();
        for (String c : profile.categories()) {
            if (!blocked(c, request.getBcatList())) {
                cats.add(c);
            }
        }
        if (domains.isEmpty() || (cats.isEmpty() && !profile.categories().isEmpty())) {
            return null;
        }
        SeatBid.Builder seat = SeatBid.newBuilder().setSeat(profile.seat());
        String prefix = profile.id() + "-" + sequence + "-";
        for (Imp imp : request.getImpList()) {
            if (!imp.hasBanner() && !imp.hasVideo()) {
                continue;
            }
            Deal deal = null;
            if (imp.hasPmp() && imp.getPmp().getDealsCount() > 0 && random.nextDouble() < profile.dealBidRate()) {
                deal = imp.getPmp().getDeals(random.nextInt(imp.getPmp().getDealsCount()));
            } else if ((imp.hasPmp() && imp.getPmp().getPrivateAuction() == 1) || random.nextDouble() >= profile.bidRate()) {
                continue;
            }
            int count = 1;
            int[] durs = null;
            if (imp.hasVideo()) {
                durs = durations(imp.getVideo(), random, Math.min(domains.size(), podCap(imp.getVideo())));
                if (durs.length == 0) {
                    continue;
                }
                count = durs.length;
            }
            List<String> shuffledDomains = shuffled(domains, random);
            List<String> shuffledCats = shuffled(cats, random);
            boolean firstTaken = false;
            boolean lastTaken = false;
            for (int k = 0; k < count; k++) {
                int dur = durs == null ? 0 : durs[k];
                double floor = deal != null ? deal.getBidfloor() : imp.getBidfloor();
                if (imp.hasVideo() && imp.getVideo().hasMincpmpersec()) {
                    floor = Math.max(floor, imp.getVideo().getMincpmpersec() * dur);
                }
                double price = price(random, floor, deal);
                if (Double.isNaN(price)) {
                    continue;
                }
                String bidId = prefix + seat.getBidCount();
                String crid = profile.id() + "-cr-" + (random.nextInt(50) + 1);
                String adomain = shuffledDomains.get(k % shuffledDomains.size());
                Bid.Builder bid = Bid.newBuilder()
                        .setId(bidId)
                        .setImpid(imp.getId())
                        .setPrice(price)
                        .setNurl(base + "/notice/win?bid=" + bidId + "&price=${AUCTION_PRICE}")
                        .setBurl(base + "/notice/bill?bid=" + bidId + "&price=${AUCTION_PRICE}")
                        .setLurl(base + "/notice/loss?bid=" + bidId + "&reason=${AUCTION_LOSS}")
                        .addAdomain(adomain)
                        .setCid(profile.id() + "-campaign")
                        .setCrid(crid)
                        .setAdid(crid);
                if (!shuffledCats.isEmpty()) {
                    bid.addCat(shuffledCats.get(k % shuffledCats.size()));
                }
                if (deal != null) {
                    bid.setDealid(deal.getId());
                }
                if (imp.hasVideo()) {
                    Video v = imp.getVideo();
                    int w = v.getW() > 0 ? v.getW() : 1280;
                    int h = v.getH() > 0 ? v.getH() : 720;
                    bid.setAdm(AdMarkup.vast(base, bidId, crid, adomain, dur, w, h))
                            .setMtype(MarkupType.MARKUP_TYPE_VIDEO)
                            .setProtocol(Protocol.PROTOCOL_VAST_4_2)
                            .setDur(dur)
                            .setW(w)
                            .setH(h);
                    if (count > 1 && random.nextDouble() < profile.slotInPodRate()) {
                        boolean first = random.nextBoolean();
                        if (first && !firstTaken) {
                            bid.setSlotinpod(SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST);
                            firstTaken = true;
                        } else if (!first && !lastTaken) {
                            bid.setSlotinpod(SlotPositionInPod.SLOT_POSITION_IN_POD_LAST);
                            lastTaken = true;
                        }
                    }
                } else {
                    int w = imp.getBanner().getW();
                    int h = imp.getBanner().getH();
                    if ((w == 0 || h == 0) && imp.getBanner().getFormatCount() > 0) {
                        var format = imp.getBanner().getFormat(random.nextInt(imp.getBanner().getFormatCount()));
                        w = format.getW();
                        h = format.getH();
                    }
                    w = w > 0 ? w : 300;
                    h = h > 0 ? h : 250;
                    bid.setAdm(AdMarkup.banner(base, bidId, crid, adomain, w, h))
                            .setMtype(MarkupType.MARKUP_TYPE_BANNER)
                            .setW(w)
                            .setH(h);
                }
                seat.addBid(bid);
            }
        }
        if (seat.getBidCount() == 0) {
            return null;
        }
        return BidResponse.newBuilder()
                .setId(request.getId())
                .setBidid(profile.id() + "-" + sequence)
                .setCur("USD")
                .addSeatbid(seat)
                .build();
    }

    /**
     * The DSP's valuation, in CPM rounded to the micro. Below the floor it is NaN (no bid),
     * except on a deal where it is raised to the floor; {@code at=3} deals pay exactly the floor.
     */
    private double price(RandomGenerator random, double floor, Deal deal) {
        DspProfile.Price p = profile.price();
        double value = p.medianCpm() * Math.exp(p.sigma() * random.nextGaussian());
        if (deal != null && (deal.getAtValue() == 3 || value < floor)) {
            value = floor;
        }
        if (value < floor || value <= 0) {
            return Double.NaN;
        }
        long micros = Math.max(1, (long) Math.ceil(value * 1_000_000 - 1e-6));
        double price = micros / 1_000_000.0;
        return price < floor ? floor : price;
    }

    /** Most bids for one imp: 1 unless it is a dynamic pod. */
    private int podCap(Video v) {
        if (v.getPoddur() <= 0) {
            return 1;
        }
        int cap = profile.maxPodBids();
        return v.getMaxseq() > 0 ? Math.min(cap, v.getMaxseq()) : cap;
    }

    /**
     * Durations, seconds, of the bids for one video imp: a random count in 1..cap whose sum
     * stays within {@code poddur} when the imp is a dynamic pod; empty when no allowed
     * duration fits.
     */
    static int[] durations(Video v, RandomGenerator random, int cap) {
        List<Integer> allowed = new ArrayList<>();
        if (v.getRqddursCount() > 0) {
            allowed.addAll(v.getRqddursList());
        } else {
            int min = Math.max(1, v.getMinduration());
            int max = v.getMaxduration() > 0 ? v.getMaxduration() : (v.getPoddur() > 0 ? v.getPoddur() : 30);
            for (int d : COMMON_DURATIONS) {
                if (d >= min && d <= max) {
                    allowed.add(d);
                }
            }
            if (allowed.isEmpty() && max >= min) {
                allowed.add(max);
            }
        }
        allowed.removeIf(d -> d <= 0 || (v.getPoddur() > 0 && d > v.getPoddur()));
        if (allowed.isEmpty() || cap < 1) {
            return new int[0];
        }
        int target = 1 + random.nextInt(cap);
        int remaining = v.getPoddur() > 0 ? v.getPoddur() : Integer.MAX_VALUE;
        int[] out = new int[target];
        int n = 0;
        for (int attempt = 0; attempt < target * 4 && n < target; attempt++) {
            int d = allowed.get(random.nextInt(allowed.size()));
            if (d <= remaining) {
                out[n++] = d;
                remaining -= d;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean blocked(String cat, List<String> bcat) {
        for (String b : bcat) {
            if (cat.equals(b) || cat.startsWith(b + "-")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> shuffled(List<String> in, RandomGenerator random) {
        List<String> out = new ArrayList<>(in);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
