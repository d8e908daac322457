package io.podium.exchange.pod;

import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Imp;
import io.podium.openrtb.PodDeduplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ad pod of a bid request (OpenRTB 2.6 §7.6): the imps whose Video (or Audio) share a
 * {@code podid}. An imp with {@code poddur} is the pod's dynamic part; one without is a
 * structured slot. Both together make a hybrid pod.
 *
 * <p>Limits of the whole break: {@code poddur} and {@code maxseq} of the dynamic imp count
 * every ad of the pod, structured slots included (the break is one length); with several
 * dynamic imps in one pod the smallest values apply. A structured pod has no total limit
 * beyond its slots.
 *
 * @param imps the pod's imps in request order
 */
public record PodRequest(String podId, List<Imp> imps) {

    public enum Kind { STRUCTURED, DYNAMIC, HYBRID }

    public PodRequest {
        imps = List.copyOf(imps);
        if (imps.isEmpty()) {
            throw new IllegalArgumentException("a pod has at least one imp: " + podId);
        }
    }

    /** The pods of a request, in the order of their first imp; empty when it has none. */
    public static List<PodRequest> of(BidRequest request) {
        Map<String, List<Imp>> byPod = null;
        for (Imp imp : request.getImpList()) {
            TimedMedia m = TimedMedia.podOf(imp);
            if (m != null) {
                if (byPod == null) {
                    byPod = new LinkedHashMap<>();
                }
                byPod.computeIfAbsent(m.podId(), k -> new ArrayList<>()).add(imp);
            }
        }
        if (byPod == null) {
            return List.of();
        }
        List<PodRequest> out = new ArrayList<>(byPod.size());
        byPod.forEach((id, imps) -> out.add(new PodRequest(id, imps)));
        return out;
    }

    /** Whether {@code imp} is a dynamic part (has {@code poddur}) rather than a structured slot. */
    public static boolean isDynamic(Imp imp) {
        return TimedMedia.podOf(imp).dynamic();
    }

    public Kind kind() {
        boolean dynamic = false;
        boolean structured = false;
        for (Imp imp : imps) {
            if (isDynamic(imp)) {
                dynamic = true;
            } else {
                structured = true;
            }
        }
        return dynamic && structured ? Kind.HYBRID : dynamic ? Kind.DYNAMIC : Kind.STRUCTURED;
    }

    /** The most seconds the pod's ads may last together; {@link Integer#MAX_VALUE} for a structured pod. */
    public int maxDurationSeconds() {
        int max = Integer.MAX_VALUE;
        for (Imp imp : imps) {
            TimedMedia m = TimedMedia.podOf(imp);
            if (m.dynamic()) {
                max = Math.min(max, m.podDurationSeconds());
            }
        }
        return max;
    }

    /** The most ads the pod may hold; 0 when only its slots limit it. */
    public int maxAds() {
        int max = 0;
        for (Imp imp : imps) {
            TimedMedia m = TimedMedia.podOf(imp);
            if (m.dynamic() && m.maxSeq() > 0) {
                max = max == 0 ? m.maxSeq() : Math.min(max, m.maxSeq());
            }
        }
        return max;
    }

    /** The deduplication in force: the settings of all its imps together ({@link DedupeKeys#settings}). */
    public Set<PodDeduplication> dedupe() {
        List<PodDeduplication> all = new ArrayList<>();
        for (Imp imp : imps) {
            all.addAll(TimedMedia.podOf(imp).podDedupe());
        }
        return DedupeKeys.settings(all);
    }

    public boolean contains(String impId) {
        for (Imp imp : imps) {
            if (imp.getId().equals(impId)) {
                return true;
            }
        }
        return false;
    }
}
