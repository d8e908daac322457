package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One media segment (RFC 8216 §3) with the tags that apply to it.
 *
 * <p>{@code keys} and {@code map} are the state <em>in force</em> for the segment, whichever tag
 * set it: the writer emits {@code EXT-X-KEY} and {@code EXT-X-MAP} only where that state changes.
 * The other tags are those written before this segment's URI. {@code passthrough} holds the
 * comments and unknown tags read between the previous segment's URI and this one's.
 *
 * @param duration the EXTINF duration, not negative
 * @param title the EXTINF title, trimmed, empty when absent
 * @param uri the segment's URI
 * @param byteRange the EXT-X-BYTERANGE, or null
 * @param discontinuity whether EXT-X-DISCONTINUITY precedes the segment
 * @param keys the EXT-X-KEYs in force, at most one per KEYFORMAT, none of method NONE; empty when
 *     the segment is not encrypted
 * @param map the EXT-X-MAP in force, or null
 * @param programDateTime the EXT-X-PROGRAM-DATE-TIME, or null
 * @param gap whether EXT-X-GAP marks the segment as missing
 * @param bitrate the EXT-X-BITRATE in kbit/s written before this segment, or null
 * @param dateRanges the EXT-X-DATERANGEs written before this segment, in order
 * @param cues the cue tags written before this segment, in order
 * @param passthrough comments and unknown tags written before this segment, in order
 */
public record MediaSegment(DecimalSeconds duration, String title, String uri, ByteRange byteRange,
        boolean discontinuity, List<EncryptionKey> keys, InitSection map, HlsDateTime programDateTime, boolean gap,
        Long bitrate, List<DateRange> dateRanges, List<CueMarker> cues, List<String> passthrough) {

    public MediaSegment {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("segment duration must not be negative: " + duration);
        }
        title = Objects.requireNonNullElse(title, "");
        HlsTags.requireSingleLine(title, "EXTINF title");
        if (!title.equals(title.strip())) {
            throw new IllegalArgumentException("EXTINF title must be trimmed: '" + title + "'");
        }
        HlsTags.requireUri(uri, "segment URI");
        keys = List.copyOf(keys);
        Set<String> formats = new HashSet<>();
        for (EncryptionKey key : keys) {
            if (key.isNone()) {
                throw new IllegalArgumentException("keys in force must not include METHOD=NONE; use no keys");
            }
            if (!formats.add(key.effectiveKeyFormat())) {
                throw new IllegalArgumentException("two keys in force with KEYFORMAT " + key.effectiveKeyFormat());
            }
        }
        if (bitrate != null && bitrate < 0) {
            throw new IllegalArgumentException("bitrate must not be negative: " + bitrate);
        }
        dateRanges = List.copyOf(dateRanges);
        cues = List.copyOf(cues);
        passthrough = List.copyOf(passthrough);
        passthrough.forEach(HlsTags::requirePassthrough);
    }

    /** A builder for a segment at {@code uri} lasting {@code duration}. */
    public static Builder builder(String uri, DecimalSeconds duration) {
        return new Builder(uri, duration);
    }

    /** A builder holding this segment's values. */
    public Builder toBuilder() {
        Builder b = new Builder(uri, duration);
        b.title = title;
        b.byteRange = byteRange;
        b.discontinuity = discontinuity;
        b.keys = new ArrayList<>(keys);
        b.map = map;
        b.programDateTime = programDateTime;
        b.gap = gap;
        b.bitrate = bitrate;
        b.dateRanges = new ArrayList<>(dateRanges);
        b.cues = new ArrayList<>(cues);
        b.passthrough = new ArrayList<>(passthrough);
        return b;
    }

    /** The duration in microseconds. */
    public long durationMicros() {
        return duration.micros();
    }

    /** Builds a {@link MediaSegment}; not thread-safe. */
    public static final class Builder {
        private String uri;
        private DecimalSeconds duration;
        private String title = "";
        private ByteRange byteRange;
        private boolean discontinuity;
        private List<EncryptionKey> keys = new ArrayList<>();
        private InitSection map;
        private HlsDateTime programDateTime;
        private boolean gap;
        private Long bitrate;
        private List<DateRange> dateRanges = new ArrayList<>();
        private List<CueMarker> cues = new ArrayList<>();
        private List<String> passthrough = new ArrayList<>();

        private Builder(String uri, DecimalSeconds duration) {
            this.uri = uri;
            this.duration = duration;
        }

        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        public Builder duration(DecimalSeconds value) {
            this.duration = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder byteRange(ByteRange value) {
            this.byteRange = value;
            return this;
        }

        public Builder discontinuity(boolean value) {
            this.discontinuity = value;
            return this;
        }

        public Builder keys(List<EncryptionKey> value) {
            this.keys = new ArrayList<>(value);
            return this;
        }

        public Builder map(InitSection value) {
            this.map = value;
            return this;
        }

        public Builder programDateTime(HlsDateTime value) {
            this.programDateTime = value;
            return this;
        }

        public Builder gap(boolean value) {
            this.gap = value;
            return this;
        }

        public Builder bitrate(Long value) {
            this.bitrate = value;
            return this;
        }

        public Builder dateRanges(List<DateRange> value) {
            this.dateRanges = new ArrayList<>(value);
            return this;
        }

        public Builder addDateRange(DateRange value) {
            this.dateRanges.add(value);
            return this;
        }

        public Builder cues(List<CueMarker> value) {
            this.cues = new ArrayList<>(value);
            return this;
        }

        public Builder addCue(CueMarker value) {
            this.cues.add(value);
            return this;
        }

        public Builder passthrough(List<String> value) {
            this.passthrough = new ArrayList<>(value);
            return this;
        }

        /** @throws IllegalArgumentException if a value breaks a rule of {@link MediaSegment} */
        public MediaSegment build() {
            return new MediaSegment(duration, title, uri, byteRange, discontinuity, keys, map, programDateTime, gap,
                    bitrate, dateRanges, cues, passthrough);
        }
    }
}
