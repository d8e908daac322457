package io.podium.exchange.pod;

import io.podium.exchange.pod.PodCandidate.SlotPosition;
import io.podium.openrtb.Audio;
import io.podium.openrtb.DurFloors;
import io.podium.openrtb.Imp;
import io.podium.openrtb.PodDeduplication;
import io.podium.openrtb.Video;
import java.util.List;

/**
 * The duration and pod fields of an imp's {@code Video} or {@code Audio} object, read the same
 * way for both (OpenRTB 2.6 §3.2.7, §3.2.8). Durations are seconds; a missing limit is -1.
 *
 * @param podId empty when the imp is not part of an ad pod
 * @param podDurationSeconds {@code poddur}, 0 when absent: a pod imp with it is the dynamic
 *                           part of its pod, one without it a structured slot
 * @param maxSeq {@code maxseq}, 0 when absent (no limit)
 * @param slotInPod the position the seller guarantees for this imp ({@code slotinpod})
 * @param podDedupe {@code poddedupe} as sent (Video only; empty for Audio)
 */
public record TimedMedia(boolean audio, String podId, int podDurationSeconds, int maxSeq, int minDurationSeconds,
                         int maxDurationSeconds, List<Integer> requiredDurations, double minCpmPerSecond,
                         List<DurFloors> durationFloors, SlotPosition slotInPod, List<PodDeduplication> podDedupe) {

    public TimedMedia {
        requiredDurations = List.copyOf(requiredDurations);
        durationFloors = List.copyOf(durationFloors);
        podDedupe = List.copyOf(podDedupe);
    }

    public static TimedMedia of(Video v) {
        return new TimedMedia(false, v.getPodid(), v.hasPoddur() ? v.getPoddur() : 0, v.hasMaxseq() ? v.getMaxseq() : 0,
                v.hasMinduration() ? v.getMinduration() : -1, v.hasMaxduration() ? v.getMaxduration() : -1,
                v.getRqddursList(), v.getMincpmpersec(), v.getDurfloorsList(), SlotPosition.of(v.getSlotinpodValue()),
                v.getPoddedupeList());
    }

    public static TimedMedia of(Audio a) {
        return new TimedMedia(true, a.getPodid(), a.hasPoddur() ? a.getPoddur() : 0, a.hasMaxseq() ? a.getMaxseq() : 0,
                a.hasMinduration() ? a.getMinduration() : -1, a.hasMaxduration() ? a.getMaxduration() : -1,
                a.getRqddursList(), a.getMincpmpersec(), a.getDurfloorsList(), SlotPosition.of(a.getSlotinpodValue()),
                List.of());
    }

    /**
     * The pod fields of an imp: its Video when that names a pod, else its Audio when that does;
     * null when the imp belongs to no pod.
     */
    public static TimedMedia podOf(Imp imp) {
        if (imp.hasVideo() && !imp.getVideo().getPodid().isEmpty()) {
            return of(imp.getVideo());
        }
        if (imp.hasAudio() && !imp.getAudio().getPodid().isEmpty()) {
            return of(imp.getAudio());
        }
        return null;
    }

    /**
     * The media object a bid of markup type {@code mtype} answers (2 = video, 3 = audio; 0 =
     * unsaid: the video, else the audio); null for banner and native bids or when the imp has
     * neither.
     */
    public static TimedMedia forBid(Imp imp, int mtype) {
        if ((mtype == 2 || mtype == 0) && imp.hasVideo()) {
            return of(imp.getVideo());
        }
        if ((mtype == 3 || mtype == 0) && imp.hasAudio()) {
            return of(imp.getAudio());
        }
        return null;
    }

    public boolean inPod() {
        return !podId.isEmpty();
    }

    /** The dynamic part of a pod: it has a total duration to fill. */
    public boolean dynamic() {
        return inPod() && podDurationSeconds > 0;
    }

    /**
     * Whether one ad of {@code seconds} may fill this imp: one of {@code rqddurs} when given,
     * else within {@code minduration}/{@code maxduration}; for a dynamic pod also no longer
     * than {@code poddur}.
     */
    public boolean allowsDuration(int seconds) {
        if (seconds <= 0) {
            return false;
        }
        if (dynamic() && seconds > podDurationSeconds) {
            return false;
        }
        if (!requiredDurations.isEmpty()) {
            return requiredDurations.contains(seconds);
        }
        return (minDurationSeconds < 0 || seconds >= minDurationSeconds)
                && (maxDurationSeconds < 0 || seconds <= maxDurationSeconds);
    }
}
