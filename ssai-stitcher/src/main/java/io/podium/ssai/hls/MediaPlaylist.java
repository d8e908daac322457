package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A media playlist (RFC 8216 §4.3.3): playlist-wide tags and the segments.
 *
 * <p>The sequence numbers and the target duration may be negative here, as the parser tolerates
 * them so that the {@link HlsChecker} can report them; a null field means the tag is absent.
 *
 * @param version the EXT-X-VERSION, or null
 * @param targetDuration the EXT-X-TARGETDURATION in seconds, or null
 * @param mediaSequence the EXT-X-MEDIA-SEQUENCE, or null (meaning 0)
 * @param discontinuitySequence the EXT-X-DISCONTINUITY-SEQUENCE, or null (meaning 0)
 * @param playlistType the EXT-X-PLAYLIST-TYPE, or null
 * @param endList whether EXT-X-ENDLIST is present
 * @param independentSegments whether EXT-X-INDEPENDENT-SEGMENTS is present
 * @param iFramesOnly whether EXT-X-I-FRAMES-ONLY is present
 * @param start the EXT-X-START, or null
 * @param headerLines comments and unknown tags read before the first segment's tags, in order
 * @param segments the segments, in order; once one has an EXT-X-MAP, all later ones have one
 * @param trailingLines lines read after the last segment's URI that belong to no segment (comments,
 *     unknown tags, segment tags without a segment), kept as written; without segments, the first
 *     must be a segment tag
 */
public record MediaPlaylist(Integer version, Long targetDuration, Long mediaSequence, Long discontinuitySequence,
        PlaylistType playlistType, boolean endList, boolean independentSegments, boolean iFramesOnly,
        StartOffset start, List<String> headerLines, List<MediaSegment> segments, List<String> trailingLines)
        implements Playlist {

    public MediaPlaylist {
        headerLines = List.copyOf(headerLines);
        headerLines.forEach(HlsTags::requirePassthrough);
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i - 1).map() != null && segments.get(i).map() == null) {
                throw new IllegalArgumentException("segment " + i + " has no EXT-X-MAP after one that has:"
                        + " an EXT-X-MAP stays in force, HLS cannot remove it");
            }
        }
        trailingLines = List.copyOf(trailingLines);
        if (segments.isEmpty() && !trailingLines.isEmpty()
                && !HlsTags.SEGMENT.contains(String.valueOf(HlsTags.nameOf(trailingLines.get(0))))) {
            throw new IllegalArgumentException("without segments, trailing lines must start with a segment tag;"
                    + " another line would read back as a header line: " + trailingLines.get(0));
        }
        for (String line : trailingLines) {
            HlsTags.requireRawLine(line, "trailing line");
            String name = HlsTags.nameOf(line);
            if (name != null && (name.equals(HlsTags.EXTINF) || HlsTags.COMMON.contains(name)
                    || HlsTags.MEDIA_HEADER.contains(name) || HlsTags.MASTER.contains(name))) {
                throw new IllegalArgumentException("trailing line must not be " + name + ": " + line);
            }
        }
    }

    /** A builder with no tags and no segments. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this playlist's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.targetDuration = targetDuration;
        b.mediaSequence = mediaSequence;
        b.discontinuitySequence = discontinuitySequence;
        b.playlistType = playlistType;
        b.endList = endList;
        b.independentSegments = independentSegments;
        b.iFramesOnly = iFramesOnly;
        b.start = start;
        b.headerLines = new ArrayList<>(headerLines);
        b.segments = new ArrayList<>(segments);
        b.trailingLines = new ArrayList<>(trailingLines);
        return b;
    }

    /** The media sequence number of the first segment: EXT-X-MEDIA-SEQUENCE, or 0 when absent. */
    public long firstMediaSequence() {
        return mediaSequence == null ? 0 : mediaSequence;
    }

    /** The sum of the segment durations in microseconds. */
    public long totalDurationMicros() {
        long total = 0;
        for (MediaSegment s : segments) {
            total = Math.addExact(total, s.durationMicros());
        }
        return total;
    }

    /** Builds a {@link MediaPlaylist}; not thread-safe. */
    public static final class Builder {
        private Integer version;
        private Long targetDuration;
        private Long mediaSequence;
        private Long discontinuitySequence;
        private PlaylistType playlistType;
        private boolean endList;
        private boolean independentSegments;
        private boolean iFramesOnly;
        private StartOffset start;
        private List<String> headerLines = new ArrayList<>();
        private List<MediaSegment> segments = new ArrayList<>();
        private List<String> trailingLines = new ArrayList<>();

        private Builder() {
        }

        public Builder version(Integer value) {
            this.version = value;
            return this;
        }

        public Builder targetDuration(Long value) {
            this.targetDuration = value;
            return this;
        }

        public Builder mediaSequence(Long value) {
            this.mediaSequence = value;
            return this;
        }

        public Builder discontinuitySequence(Long value) {
            this.discontinuitySequence = value;
            return this;
        }

        public Builder playlistType(PlaylistType value) {
            this.playlistType = value;
            return this;
        }

        public Builder endList(boolean value) {
            this.endList = value;
            return this;
        }

        public Builder independentSegments(boolean value) {
            this.independentSegments = value;
            return this;
        }

        public Builder iFramesOnly(boolean value) {
            this.iFramesOnly = value;
            return this;
        }

        public Builder start(StartOffset value) {
            this.start = value;
            return this;
        }

        public Builder headerLines(List<String> value) {
            this.headerLines = new ArrayList<>(value);
            return this;
        }

        public Builder segments(List<MediaSegment> value) {
            this.segments = new ArrayList<>(Objects.requireNonNull(value, "segments"));
            return this;
        }

        public Builder addSegment(MediaSegment value) {
            this.segments.add(Objects.requireNonNull(value, "segment"));
            return this;
        }

        public Builder trailingLines(List<String> value) {
            this.trailingLines = new ArrayList<>(value);
            return this;
        }

        /** @throws IllegalArgumentException if a value breaks a rule of {@link MediaPlaylist} */
        public MediaPlaylist build() {
            return new MediaPlaylist(version, targetDuration, mediaSequence, discontinuitySequence, playlistType,
                    endList, independentSegments, iFramesOnly, start, headerLines, segments, trailingLines);
        }
    }
}
