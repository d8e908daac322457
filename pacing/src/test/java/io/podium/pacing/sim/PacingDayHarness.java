package io.podium.pacing.sim;

import io.podium.pacing.plan.DiurnalTraffic;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.ChronicleCampaignRepository;
import io.podium.pacing.ledger.BudgetLedger;
import io.podium.pacing.ledger.ChargeJournal;
import io.podium.pacing.ledger.LeaseManager;
import io.podium.pacing.report.DayFigures;
import io.podium.pacing.runtime.PacingRuntime;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.Delivery;
import io.podium.pacing.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A compressed day of pacing: several nodes, each with its own ledger, journal, lease manager
 * and {@link PacingRuntime} exactly as the exchange wires them, share one budget store and one
 * injected clock. Auctions arrive with a diurnal profile; each belongs to an audience segment,
 * and the campaigns eligible for it go through the real gate ({@link PacingRuntime#gate}); the
 * highest bid wins if it beats the market price, clears at the second price, and its billing
 * notice is settled on the bid's node or, for a share of them, on another node. Every node
 * ticks once per simulated second, as the server does once per second. After midnight the
 * nodes keep ticking (no traffic) until every reservation has expired and every journal is
 * flushed; then the figures are read back from the store.
 *
 * <p>Everything random comes from the scenario's seed except the controllers' own draws.
 */
public final class PacingDayHarness {
    private static final long MARKET_SIGMA_MILLI = 600;

    private final DayScenario scenario;
    private final BudgetStore store;
    private final Path dir;
    private final LongSupplier clientCommands;
    private final LongSupplier serverCommands;

    /** One exchange node's pacing. */
    private record Node(BudgetLedger ledger, ChargeJournal journal, PacingRuntime runtime) {
    }

    /** A campaign of the simulation with what the harness knows about it. */
    private static final class SimCampaign {
        final Campaign campaign;
        final double eligibility;
        final long maxCost;
        long potential;
        long settled;

        SimCampaign(Campaign campaign, double eligibility) {
            this.campaign = campaign;
            this.eligibility = eligibility;
            this.maxCost = (campaign.maxCpmMicros() + 999) / 1000;
        }
    }

    /**
     * @param clientCommands commands the nodes have sent to the store's server so far, or null
     * @param serverCommands commands the server has executed so far, including those inside
     *     scripts, or null
     */
    public PacingDayHarness(DayScenario scenario, BudgetStore store, Path dir, LongSupplier clientCommands,
                            LongSupplier serverCommands) {
        this.scenario = scenario;
        this.store = store;
        this.dir = dir;
        this.clientCommands = clientCommands;
        this.serverCommands = serverCommands;
    }

    public DayReport run() {
        long wallStart = System.currentTimeMillis();
        SplittableRandom rnd = new SplittableRandom(scenario.seed());
        Instant dayStart = scenario.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        MutableClock clock = new MutableClock(dayStart.minusSeconds(1));
        double[] segmentMedianCpm = new double[scenario.segments()];
        for (int s = 0; s < segmentMedianCpm.length; s++) {
            segmentMedianCpm[s] = 0.5 + 2.5 * rnd.nextDouble(); // USD CPM
        }
        List<SimCampaign> sims = new ArrayList<>();
        List<List<SimCampaign>> bySegment = new ArrayList<>();
        for (int s = 0; s < scenario.segments(); s++) {
            bySegment.add(new ArrayList<>());
        }
        try (ChronicleCampaignRepository repo = new ChronicleCampaignRepository(dir.resolve("campaigns"),
                scenario.campaigns() * 2L + 10)) {
            createCampaigns(rnd, segmentMedianCpm, dayStart, sims, bySegment, repo);
            List<Node> nodes = new ArrayList<>();
            try {
                for (int n = 0; n < scenario.nodes(); n++) {
                    ChargeJournal journal = new ChargeJournal(dir.resolve("journal-" + n), 200_000);
                    BudgetLedger ledger = new BudgetLedger(store, journal, clock, 900_000);
                    nodes.add(new Node(ledger, journal, new PacingRuntime(repo, ledger, new LeaseManager(store, ledger, 8),
                            clock, 60_000, 60, 10_000)));
                }
                long clientBefore = clientCommands == null ? -1 : clientCommands.getAsLong();
                long serverBefore = serverCommands == null ? -1 : serverCommands.getAsLong();
                long[] counts = simulate(rnd, clock, dayStart, nodes, bySegment, segmentMedianCpm);
                long client = clientCommands == null ? -1 : clientCommands.getAsLong() - clientBefore;
                long server = serverCommands == null ? -1 : serverCommands.getAsLong() - serverBefore;
                List<CampaignReport> reports = new ArrayList<>();
                for (SimCampaign sc : sims) {
                    reports.add(report(sc));
                }
                return new DayReport(scenario, reports, counts[0], counts[1], counts[2], client, server,
                        System.currentTimeMillis() - wallStart);
            } finally {
                for (Node n : nodes) {
                    n.journal().close();
                }
            }
        }
    }

    private void createCampaigns(SplittableRandom rnd, double[] segmentMedianCpm, Instant dayStart, List<SimCampaign> sims,
                                 List<List<SimCampaign>> bySegment, ChronicleCampaignRepository repo) {
        double auctionsPerSegment = scenario.auctionsPerDay() / (double) scenario.segments();
        for (int i = 0; i < scenario.campaigns(); i++) {
            long maxCpm = 1_000_000L + rnd.nextLong(5_000_000L); // 1.00 to 6.00 USD
            int k = 1 + rnd.nextInt(4);
            List<Integer> segments = new ArrayList<>();
            while (segments.size() < k) {
                int s = rnd.nextInt(scenario.segments());
                if (!segments.contains(s)) {
                    segments.add(s);
                }
            }
            // expected cost per eligible auction (won against the market alone), by sampling
            double costPerAuction = 0;
            for (int s : segments) {
                SplittableRandom probe = new SplittableRandom(scenario.seed() * 31 + i * 7919L + s);
                double sum = 0;
                for (int j = 0; j < 2000; j++) {
                    long m = marketCpmMicros(probe, segmentMedianCpm[s]);
                    sum += m <= maxCpm ? m / 1000.0 : 0;
                }
                costPerAuction += sum / 2000 * auctionsPerSegment;
            }
            double avgCost = costPerAuction / (k * auctionsPerSegment) / winShare(maxCpm, segments, segmentMedianCpm);
            long impressions = (long) (scenario.impressionsPerCampaign() * (0.5 + rnd.nextDouble()));
            long budget = Math.max(10_000, Math.round(impressions * avgCost));
            boolean limited = rnd.nextDouble() < scenario.limitedShare();
            double ratio = limited ? 0.5 + 0.35 * rnd.nextDouble() : 3 + 5 * rnd.nextDouble();
            double eligibility = Math.min(1.0, ratio * budget / costPerAuction);
            Campaign c = new Campaign("sim-" + i, "adv-" + (i % 20), "Simulated " + i, Campaign.Status.ACTIVE, budget, 0,
                    "USD", maxCpm, dayStart.minus(Duration.ofDays(1)), null, ZoneOffset.UTC, Campaign.PacingMode.EVEN,
                    Campaign.Targeting.any(), List.of(), null, 1, dayStart);
            repo.put(c);
            SimCampaign sc = new SimCampaign(c, eligibility);
            sims.add(sc);
            for (int s : segments) {
                bySegment.get(s).add(sc);
            }
        }
    }

    /** Share of eligible auctions a campaign would win against the market alone (for the cost estimate). */
    private double winShare(long maxCpm, List<Integer> segments, double[] medians) {
        double share = 0;
        for (int s : segments) {
            SplittableRandom probe = new SplittableRandom(scenario.seed() + s);
            int won = 0;
            for (int j = 0; j < 2000; j++) {
                won += marketCpmMicros(probe, medians[s]) <= maxCpm ? 1 : 0;
            }
            share += won / 2000.0;
        }
        return Math.max(1e-6, share / segments.size());
    }

    /** The best external bid of an auction: log-normal around the segment's median. */
    private static long marketCpmMicros(SplittableRandom rnd, double medianCpm) {
        double z = gaussian(rnd);
        return Math.round(medianCpm * Math.exp(z * MARKET_SIGMA_MILLI / 1000.0) * 1_000_000);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** @return auctions, campaign bids, wins */
    private long[] simulate(SplittableRandom rnd, MutableClock clock, Instant dayStart, List<Node> nodes,
                            List<List<SimCampaign>> bySegment, double[] medians) {
        DiurnalTraffic traffic = new DiurnalTraffic(scenario.auctionsPerDay());
        long auctions = 0;
        long bids = 0;
        long wins = 0;
        List<SimCampaign> bidders = new ArrayList<>();
        for (Node n : nodes) {
            n.runtime().tick(); // the second before midnight: first leases
        }
        for (int second = 0; second < 86_400; second++) {
            clock.set(dayStart.plusSeconds(second));
            Instant now = clock.instant();
            for (Node n : nodes) {
                n.runtime().tick();
            }
            double lambda = traffic.expected(second);
            long count = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rnd)));
            for (long a = 0; a < count; a++) {
                long auctionId = auctions++;
                int segment = rnd.nextInt(bySegment.size());
                List<SimCampaign> candidates = bySegment.get(segment);
                if (candidates.isEmpty()) {
                    continue;
                }
                int nodeIndex = (int) (auctionId % nodes.size());
                Node node = nodes.get(nodeIndex);
                long market = -1;
                bidders.clear();
                for (SimCampaign sc : candidates) {
                    if (rnd.nextDouble() >= sc.eligibility) {
                        continue;
                    }
                    if (market < 0) {
                        market = marketCpmMicros(rnd, medians[segment]);
                    }
                    if (sc.campaign.maxCpmMicros() >= market) {
                        sc.potential += market / 1000;
                    }
                    if (node.runtime().gate(sc.campaign, chargeId(auctionId, sc), sc.maxCost, now) != null) {
                        bidders.add(sc);
                    }
                }
                if (bidders.isEmpty()) {
                    continue;
                }
                bids += bidders.size();
                SimCampaign best = null;
                long second2 = market;
                for (SimCampaign sc : bidders) {
                    long b = sc.campaign.maxCpmMicros();
                    if (best == null || b > best.campaign.maxCpmMicros()) {
                        if (best != null) {
                            second2 = Math.max(second2, best.campaign.maxCpmMicros());
                        }
                        best = sc;
                    } else {
                        second2 = Math.max(second2, b);
                    }
                }
                for (SimCampaign sc : bidders) {
                    if (sc != best || best.campaign.maxCpmMicros() < market) {
                        node.runtime().cancel(chargeId(auctionId, sc));
                    }
                }
                if (best.campaign.maxCpmMicros() < market) {
                    continue;
                }
                wins++;
                long cost = (Math.min(second2, best.campaign.maxCpmMicros()) + 500) / 1000;
                Node billing = rnd.nextDouble() < scenario.crossNodeNotices() && nodes.size() > 1
                        ? nodes.get((nodeIndex + 1 + rnd.nextInt(nodes.size() - 1)) % nodes.size()) : node;
                BudgetLedger.Settlement s = billing.runtime().settle(best.campaign, chargeId(auctionId, best), cost,
                        clock.millis());
                if (s != BudgetLedger.Settlement.DUPLICATE && s != BudgetLedger.Settlement.REFUSED_NO_BUDGET) {
                    best.settled += cost;
                }
            }
        }
        // after midnight: no traffic; reservations expire, journals flush, leases go back
        for (int second = 0; second < 1_200; second++) {
            clock.set(dayStart.plusSeconds(86_400 + second));
            for (Node n : nodes) {
                n.runtime().tick();
            }
        }
        return new long[] {auctions, bids, wins};
    }

    private static String chargeId(long auctionId, SimCampaign sc) {
        return "a" + auctionId + ":1:" + sc.campaign.id() + "~1";
    }

    private CampaignReport report(SimCampaign sc) {
        BudgetKey key = new BudgetKey(sc.campaign.id(), scenario.day());
        Delivery d = store.delivery(key);
        long[] perMinute = new long[1440];
        for (Map.Entry<Integer, Long> e : d.spentByMinute().entrySet()) {
            if (e.getKey() >= 0 && e.getKey() < 1440) {
                perMinute[e.getKey()] += e.getValue();
            }
        }
        long budget = sc.campaign.dailyBudgetMicros();
        DayFigures figures = DayFigures.of(budget, perMinute);
        return new CampaignReport(sc.campaign.id(), budget, d.spentMicros(), d.impressions(), sc.potential,
                sc.potential >= 1.5 * budget, figures.cumulativeRmse(), figures.avgErr15m(),
                figures.exhaustionMinute(), sc.settled);
    }
}
