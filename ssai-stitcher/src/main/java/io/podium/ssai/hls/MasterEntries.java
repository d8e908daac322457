package io.podium.ssai.hls;

/** Helpers for rules over master playlist entries. */
final class MasterEntries {
    private MasterEntries() {
    }

    /** The stream attributes of a variant or I-frame variant, else null. */
    static StreamInfo stream(MasterEntry e) {
        if (e instanceof Variant) {
            return ((Variant) e).stream();
        }
        if (e instanceof IFrameVariant) {
            return ((IFrameVariant) e).stream();
        }
        return null;
    }

    /** The tag name of a variant or I-frame variant. */
    static String tag(MasterEntry e) {
        return e instanceof IFrameVariant ? HlsTags.I_FRAME_STREAM_INF : HlsTags.STREAM_INF;
    }
}
