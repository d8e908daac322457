package io.podium.exchange.campaign;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.Floors;
import io.podium.exchange.auction.Money;
import io.podium.exchange.auction.RejectedBid;
import io.podium.exchange.bidder.BidderResult;
import io.podium.exchange.bidder.DemandSource;
import io.podium.exchange.pod.TimedMedia;
import io.podium.pacing.runtime.PacingRuntime;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.MarkupType;
import io.podium.openrtb.SeatBid;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.Campaign.Creative;
import io.podium.pacing.campaign.CampaignRepository;
import io.podium.pacing.frequency.FrequencyCaps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Podium's own campaigns as demand in the auction. For each imp, every live campaign whose
 * targeting matches and that has a creative fitting the imp bids its maximum CPM, if its
 * pacing controller lets it through and this node can reserve its maximum cost (one
 * impression at that CPM). The bids then go through the same screen and auction as external
 * bids. After the auction, reservations of bids that did not win are released; a winner's is
 * settled by its billing notice ({@link #settle}). A campaign with a frequency cap bids only
 * for requests with a user identity ({@code user.id}, else {@code device.ifa}) below its cap
 * ({@link FrequencyCaps}). Into an ad pod a campaign bids its first video creative that fits
 * the pod imp, with the creative's duration, advertiser domains and categories, one bid per
 * campaign and imp (see {@link Targets#creativeFor}). Everything here is in memory.
 */
public final class CampaignDemand implements DemandSource {
    public static final String ID = "campaigns";
    private static final char SEPARATOR = '~';

    private final CampaignRepository campaigns;
    private final PacingRuntime pacing;
    private final CurrencyConverter currencies;
    private final FrequencyCaps frequencyCaps;
    private final Clock clock;
    private final Floors floors;

    public CampaignDemand(CampaignRepository campaigns, PacingRuntime pacing, FrequencyCaps frequencyCaps,
                          CurrencyConverter currencies, Clock clock) {
        this.campaigns = campaigns;
        this.pacing = pacing;
        this.frequencyCaps = frequencyCaps;
        this.currencies = currencies;
        this.clock = clock;
        this.floors = new Floors(currencies);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String seat() {
        return ID;
    }

    /** The charge id of a bid: the same at reservation and at billing. */
    static String chargeId(String auctionId, String impId, String bidId) {
        return auctionId + ":" + impId + ":" + bidId;
    }

    /** The identity frequency caps count by: {@code user.id}, else a non-zero {@code device.ifa}; null if none. */
    static String userKey(BidRequest r) {
        if (r.hasUser() && !r.getUser().getId().isEmpty()) {
            return "u:" + r.getUser().getId();
        }
        String ifa = r.hasDevice() ? r.getDevice().getIfa() : "";
        if (!ifa.isEmpty() && !ifa.chars().allMatch(ch -> ch == '0' || ch == '-')) {
            return "i:" + ifa;
        }
        return null;
    }

    /**
     * Whether a campaign would bid on an imp before pacing and frequency caps have their say:
     * live, its targeting matches the request and one of its creatives fits the imp at its
     * price. The day simulation uses it to record which campaigns each imp was open to.
     */
    public boolean eligible(Campaign c, BidRequest request, Imp imp) {
        return c.liveAt(clock.instant()) && currencies.knows(c.currency()) && Targets.matchesRequest(c, request)
                && Targets.creativeFor(c, imp, currencies.toExchange(c.maxCpmMicros(), c.currency()), floors) != null;
    }

    /** The campaigns' bids for a request, with their budget reserved; null when none bid. */
    public BidderResult bid(BidRequest request) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        String user = null; // looked up only when a capped campaign needs it
        Map<String, SeatBid.Builder> seats = new LinkedHashMap<>();
        for (Campaign c : campaigns.all()) {
            if (!c.liveAt(now) || !currencies.knows(c.currency()) || !Targets.matchesRequest(c, request)) {
                continue;
            }
            long maxCost = (c.maxCpmMicros() + 999) / 1000;
            long priceMicros = currencies.toExchange(c.maxCpmMicros(), c.currency());
            for (Imp imp : request.getImpList()) {
                Creative creative = Targets.creativeFor(c, imp, priceMicros, floors);
                if (creative == null) {
                    continue;
                }
                String bidId = c.id() + SEPARATOR + imp.getId();
                if (c.frequencyCap() != null && user == null) {
                    user = userKey(request);
                }
                if (!frequencyCaps.tryAcquire(c, user, now)) {
                    continue;
                }
                if (pacing.gate(c, chargeId(request.getId(), imp.getId(), bidId), maxCost, now) == null) {
                    frequencyCaps.release(c, user);
                    continue;
                }
                Bid.Builder bid = Bid.newBuilder().setId(bidId).setImpid(imp.getId()).setPrice(Money.toPrice(priceMicros))
                        .setAdm(creative.markup()).setCrid(creative.id()).setCid(c.id())
                        .addAllAdomain(creative.adomain()).addAllCat(creative.categories());
                if (creative.type() == Creative.Type.BANNER) {
                    bid.setW(creative.width()).setH(creative.height()).setMtype(MarkupType.MARKUP_TYPE_BANNER);
                } else {
                    bid.setDur(creative.durationSeconds()).setMtype(MarkupType.MARKUP_TYPE_VIDEO);
                }
                seats.computeIfAbsent(c.advertiserId(), s -> SeatBid.newBuilder().setSeat(s)).addBid(bid);
            }
        }
        if (seats.isEmpty()) {
            return null;
        }
        BidResponse.Builder response = BidResponse.newBuilder().setId(request.getId()).setCur(currencies.exchangeCurrency());
        seats.values().forEach(response::addSeatbid);
        return new BidderResult(this, request, BidderResult.Status.BIDS, response.build(), 0, null,
                System.nanoTime() - start);
    }

    /** After the auction: every campaign bid that did not win gives its reservation and its frequency slot back. */
    public void release(AuctionOutcome outcome) {
        String user = null;
        for (RejectedBid loser : outcome.losers()) {
            if (ID.equals(loser.bidderId())) {
                pacing.cancel(chargeId(outcome.request().getId(), loser.bid().getImpid(), loser.bid().getId()));
                Campaign c = campaignOf(loser.bid().getId());
                if (c != null && c.frequencyCap() != null) {
                    user = user == null ? userKey(outcome.request()) : user;
                    frequencyCaps.release(c, user);
                }
            }
        }
    }

    /**
     * A billing notice for a campaign's bid: charges the clearing price of one impression in
     * the campaign's currency.
     *
     * @param clearingCpmMicros the clearing price, CPM, in the exchange currency
     */
    public Settled settle(String auctionId, String impId, String bidId, long clearingCpmMicros, long issuedAtMillis) {
        Campaign c = campaignOf(bidId);
        if (c == null) {
            return null;
        }
        long cpm = currencies.fromExchange(clearingCpmMicros, c.currency());
        long cost = (cpm + 500) / 1000;
        return new Settled(pacing.settle(c, chargeId(auctionId, impId, bidId), cost, issuedAtMillis), cost);
    }

    /** What a billing notice did to its campaign's budget, and the cost it carried (campaign currency micros). */
    public record Settled(io.podium.pacing.ledger.BudgetLedger.Settlement result, long costMicros) {
    }

    /** The campaign a bid id ({@code campaignId~impId}) belongs to, or null. */
    private Campaign campaignOf(String bidId) {
        int sep = bidId.indexOf(SEPARATOR);
        return sep > 0 ? campaigns.get(bidId.substring(0, sep)).orElse(null) : null;
    }

    /** Targeting and creative fit. */
    static final class Targets {
        private Targets() {
        }

        static boolean matchesRequest(Campaign c, BidRequest r) {
            Campaign.Targeting t = c.targeting();
            if (!t.siteDomains().isEmpty() && !(r.hasSite() && domainIn(r.getSite().getDomain(), t.siteDomains()))) {
                return false;
            }
            if (!t.appBundles().isEmpty() && !(r.hasApp() && t.appBundles().contains(r.getApp().getBundle()))) {
                return false;
            }
            if (!t.publisherIds().isEmpty()) {
                String pub = r.hasSite() ? r.getSite().getPublisher().getId() : r.getApp().getPublisher().getId();
                if (!t.publisherIds().contains(pub)) {
                    return false;
                }
            }
            if (!t.countries().isEmpty() && !t.countries().contains(r.getDevice().getGeo().getCountry())) {
                return false;
            }
            if (!t.deviceTypes().isEmpty() && !t.deviceTypes().contains(r.getDevice().getDevicetypeValue())) {
                return false;
            }
            if (!t.contentGenres().isEmpty()) {
                String genre = (r.hasSite() ? r.getSite().getContent().getGenre() : r.getApp().getContent().getGenre())
                        .toLowerCase(Locale.ROOT);
                if (t.contentGenres().stream().noneMatch(g -> g.toLowerCase(Locale.ROOT).equals(genre))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean domainIn(String domain, java.util.List<String> domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            for (String x : domains) {
                if (d.equals(x) || d.endsWith("." + x)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A creative that fits the imp (banner size, video duration), allowed by the media
         * targeting. On an ad pod imp only a video creative whose duration fits the imp (and
         * the pod's {@code poddur}) and whose duration floor ({@code mincpmpersec},
         * {@code durfloors}) the campaign's price reaches: a bid sure to be refused would hold
         * budget for nothing.
         *
         * @param priceMicros the campaign's bid, exchange currency
         */
        static Creative creativeFor(Campaign c, Imp imp, long priceMicros, Floors floors) {
            java.util.List<String> media = c.targeting().mediaTypes();
            TimedMedia pod = TimedMedia.podOf(imp);
            for (Creative cr : c.creatives()) {
                if (pod == null && cr.type() == Creative.Type.BANNER && imp.hasBanner()
                        && (media.isEmpty() || media.contains("banner")) && sizeFits(cr, imp)) {
                    return cr;
                }
                if (cr.type() == Creative.Type.VIDEO && imp.hasVideo() && (media.isEmpty() || media.contains("video"))
                        && TimedMedia.of(imp.getVideo()).allowsDuration(cr.durationSeconds())
                        && (pod == null || !pod.audio() && priceMicros >= floors.openMarket(imp, pod, cr.durationSeconds()))) {
                    return cr;
                }
            }
            return null;
        }

        private static boolean sizeFits(Creative cr, Imp imp) {
            var b = imp.getBanner();
            if (b.getFormatCount() == 0 && !b.hasW()) {
                return true;
            }
            if (b.hasW() && b.getW() == cr.width() && b.getH() == cr.height()) {
                return true;
            }
            return b.getFormatList().stream().anyMatch(f -> f.getW() == cr.width() && f.getH() == cr.height());
        }

    }
}
