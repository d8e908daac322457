package io.podium.ssai.hls;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The attributes of an {@code EXT-X-STREAM-INF} or {@code EXT-X-I-FRAME-STREAM-INF}
 * (RFC 8216 §4.3.4.2). Fields are null when the attribute is absent; the parser tolerates a
 * missing BANDWIDTH so that the {@link HlsChecker} can report it.
 *
 * <p>{@code closedCaptions} is the group id, or {@code NONE} for the enumerated value NONE; a group
 * literally named "NONE" is therefore written as NONE.
 *
 * @param bandwidth the peak BANDWIDTH in bit/s
 * @param averageBandwidth the AVERAGE-BANDWIDTH in bit/s
 * @param codecs the CODECS list as written, such as {@code avc1.640028,mp4a.40.2}
 * @param resolution the RESOLUTION
 * @param frameRate the FRAME-RATE with the scale it was written with ({@code 25.000} stays so)
 * @param hdcpLevel the HDCP-LEVEL, such as {@code TYPE-0}
 * @param audio the AUDIO group id
 * @param video the VIDEO group id
 * @param subtitles the SUBTITLES group id
 * @param closedCaptions the CLOSED-CAPTIONS group id, or {@code NONE}
 * @param otherAttributes further attributes (such as VIDEO-RANGE), in the order read
 */
public record StreamInfo(Long bandwidth, Long averageBandwidth, String codecs, Resolution resolution,
        BigDecimal frameRate, String hdcpLevel, String audio, String video, String subtitles, String closedCaptions,
        AttributeList otherAttributes) {
    /** The CLOSED-CAPTIONS value meaning "no closed captions". */
    public static final String NONE = "NONE";
    private static final Pattern ENUMERATED = Pattern.compile("[^\",\\s]+");

    public StreamInfo {
        if (bandwidth != null && bandwidth < 0 || averageBandwidth != null && averageBandwidth < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
        if (frameRate != null && (frameRate.signum() < 0 || frameRate.scale() < 0 || frameRate.scale() > 18
                || frameRate.precision() - frameRate.scale() > 18)) {
            throw new IllegalArgumentException("FRAME-RATE must be a decimal-floating-point of at most 18 digits"
                    + " before and after the point: " + frameRate);
        }
        if (hdcpLevel != null && !ENUMERATED.matcher(hdcpLevel).matches()) {
            throw new IllegalArgumentException("HDCP-LEVEL must be an enumerated-string: " + hdcpLevel);
        }
        Quoted.check(codecs, "CODECS");
        Quoted.check(audio, "AUDIO");
        Quoted.check(video, "VIDEO");
        Quoted.check(subtitles, "SUBTITLES");
        Quoted.check(closedCaptions, "CLOSED-CAPTIONS");
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-STREAM-INF", "BANDWIDTH", "AVERAGE-BANDWIDTH", "CODECS", "RESOLUTION",
                "FRAME-RATE", "HDCP-LEVEL", "AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS", "URI");
    }

    /** A builder with no attributes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().bandwidth(bandwidth).averageBandwidth(averageBandwidth).codecs(codecs)
                .resolution(resolution).frameRate(frameRate).hdcpLevel(hdcpLevel).audio(audio).video(video)
                .subtitles(subtitles).closedCaptions(closedCaptions).otherAttributes(otherAttributes);
    }

    /** Builds a {@link StreamInfo}; not thread-safe. */
    public static final class Builder {
        private Long bandwidth;
        private Long averageBandwidth;
        private String codecs;
        private Resolution resolution;
        private BigDecimal frameRate;
        private String hdcpLevel;
        private String audio;
        private String video;
        private String subtitles;
        private String closedCaptions;
        private AttributeList otherAttributes = AttributeList.EMPTY;

        private Builder() {
        }

        public Builder bandwidth(Long value) {
            this.bandwidth = value;
            return this;
        }

        public Builder averageBandwidth(Long value) {
            this.averageBandwidth = value;
            return this;
        }

        public Builder codecs(String value) {
            this.codecs = value;
            return this;
        }

        public Builder resolution(Resolution value) {
            this.resolution = value;
            return this;
        }

        public Builder frameRate(BigDecimal value) {
            this.frameRate = value;
            return this;
        }

        public Builder hdcpLevel(String value) {
            this.hdcpLevel = value;
            return this;
        }

        public Builder audio(String value) {
            this.audio = value;
            return this;
        }

        public Builder video(String value) {
            this.video = value;
            return this;
        }

        public Builder subtitles(String value) {
            this.subtitles = value;
            return this;
        }

        public Builder closedCaptions(String value) {
            this.closedCaptions = value;
            return this;
        }

        public Builder otherAttributes(AttributeList value) {
            this.otherAttributes = value;
            return this;
        }

        /** @throws IllegalArgumentException if a value breaks a rule of {@link StreamInfo} */
        public StreamInfo build() {
            return new StreamInfo(bandwidth, averageBandwidth, codecs, resolution, frameRate, hdcpLevel, audio, video,
                    subtitles, closedCaptions, otherAttributes);
        }
    }
}
