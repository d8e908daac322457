package io.podium.simulator.day;

import io.podium.simulator.dsp.DspProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A simulated day: who spends, who bids, how much traffic, what goes wrong. Read from YAML by
 * {@link ScenarioReader}; every field and its default is described in {@code docs/simulation.md}.
 *
 * @param realSeconds how long the simulated day lasts on the wall clock (the time compression is
 *     86,400 / realSeconds)
 * @param nodes exchange nodes sharing the one Redis
 * @param pacing the nodes' {@code pacing:} settings that differ from the documented defaults
 *     (keys of {@link #PACING_KEYS}, as in {@code config/podium.yaml})
 * @param heldTo the targets ({@link #TARGETS}) the day must meet for {@code ./podium simulate}
 *     to exit 0; all of them unless the scenario says otherwise (an outage day is held to
 *     no overspend and no charge lost, not to even delivery)
 */
public record Scenario(String name, long seed, LocalDate day, int realSeconds, int nodes, Traffic traffic,
                       List<DspProfile> dsps, List<CampaignSpec> campaigns, List<FaultSpec> faults,
                       java.util.Map<String, Long> pacing, List<String> heldTo) {

    /** The targets a day can be held to (see {@code Targets}); a scenario lists those it is held to. */
    public static final List<String> TARGETS = List.of("overspend", "charges", "utilisation", "rmse", "avg_err");

    /** The node settings of {@code pacing:} a scenario may set (the rest is the simulation's). */
    public static final java.util.Set<String> PACING_KEYS = java.util.Set.of("control_interval_seconds",
            "lease_seconds", "flush_interval_seconds", "reservation_ttl_seconds", "shards", "charge_buckets");

    public Scenario {
        pacing = java.util.Map.copyOf(pacing);
        heldTo = List.copyOf(heldTo);
        dsps = List.copyOf(dsps);
        campaigns = List.copyOf(campaigns);
        faults = List.copyOf(faults);
    }

    /** Simulated seconds per real second. */
    public double compression() {
        return 86_400.0 / realSeconds;
    }

    /**
     * The traffic of the day.
     *
     * @param requestsPerDay requests over the day (banner and video auctions, pod requests, SSAI
     *     sessions), spread by the diurnal profile
     * @param banner share of OpenRTB banner requests (1 to 3 imps)
     * @param video share of OpenRTB instream video requests (one imp)
     * @param pod share of player ad-pod requests ({@code GET /vast/v1/pod})
     * @param ssai share of SSAI sessions (master, a variant, its beacon segments)
     * @param publishers sites and apps sending banner and video requests (half each)
     * @param renderRate share of won imps whose billing notice the player fires
     * @param crossNodeNotices share of billing notices sent to another node than the auction's
     * @param tmaxMs the {@code tmax} of OpenRTB requests
     * @param maxInFlight most requests in flight at once; past it the generator waits (and says so)
     * @param bannerImps the fewest and most imps of a banner request (a page's ad slots), each
     *     count equally likely
     */
    public record Traffic(long requestsPerDay, double banner, double video, double pod, double ssai, int publishers,
                          double renderRate, double crossNodeNotices, int tmaxMs, int maxInFlight, int[] bannerImps) {
    }

    /**
     * A campaign of the day (EVEN pacing, UTC day, created through the campaign API).
     *
     * @param media {@code banner} and/or {@code video}: the creatives it gets
     * @param reach share of the publishers it targets (chosen by the seed), 0 to 1; used when
     *     {@code publishers} is null
     * @param publishers the indexes of the publishers it targets, {@code [first, last]}, or null
     */
    public record CampaignSpec(String id, String advertiser, long budgetMicros, long maxCpmMicros, List<String> media,
                               double reach, int[] publishers) {
        public CampaignSpec {
            media = List.copyOf(media);
        }
    }

    /**
     * Something that goes wrong during the day, at simulated times.
     *
     * @param kind {@code redis_outage} (SIGKILL at {@code from}, restarted from its append-only
     *     file at {@code to}), {@code node_kill} (node {@code node} stops at {@code from},
     *     restarts at {@code to} on the same port and data) or {@code dsp_slowdown} (DSP
     *     {@code dsp}'s latency times {@code factor} from {@code from} to {@code to})
     */
    public record FaultSpec(String kind, LocalTime from, LocalTime to, int node, String dsp, double factor) {
        public static final String REDIS_OUTAGE = "redis_outage";
        public static final String NODE_KILL = "node_kill";
        public static final String DSP_SLOWDOWN = "dsp_slowdown";

        public int fromSecond() {
            return from.toSecondOfDay();
        }

        public int toSecond() {
            return to.toSecondOfDay();
        }
    }
}
