package io.podium.simulator.dsp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of one mock DSP's counters. Counters are read one by one, so a snapshot taken
 * while requests are in flight may be off by the requests in flight.
 *
 * @param requests          bid requests received on {@code /bid}
 * @param badRequests       bid requests that did not decode (answered 400)
 * @param responsesWithBids HTTP 200 answers carrying at least one bid (trickled ones included)
 * @param bids              bids sent, summed over those answers
 * @param noBids            HTTP 204 answers, whether decided or injected
 * @param faults            injected faults by kind
 * @param wins              hits on {@code /notice/win}
 * @param bills             hits on {@code /notice/bill}
 * @param losses            hits on {@code /notice/loss}
 * @param impressions       hits on {@code /notice/imp} (the VAST/banner impression pixel)
 * @param billedCpmMicros   sum of the {@code price} parameter of billing notices, CPM micros
 */
public record DspStats(long requests, long badRequests, long responsesWithBids, long bids, long noBids,
        Map<Fault, Long> faults, long wins, long bills, long losses, long impressions, long billedCpmMicros) {

    public DspStats {
        EnumMap<Fault, Long> copy = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            copy.put(f, faults.getOrDefault(f, 0L));
        }
        faults = Collections.unmodifiableMap(copy);
    }

    public long faults(Fault kind) {
        return faults.get(kind);
    }
}
