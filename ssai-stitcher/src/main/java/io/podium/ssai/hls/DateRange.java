package io.podium.ssai.hls;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An {@code EXT-X-DATERANGE} (RFC 8216 §4.3.2.7): a span of time with attributes, used for ad
 * breaks (SCTE-35) and interstitials. The parser tolerates missing required attributes so that
 * the checker can report them; a null field means the attribute is absent.
 *
 * @param id the ID (required by the RFC)
 * @param rangeClass the CLASS
 * @param startDate the START-DATE (required by the RFC)
 * @param endDate the END-DATE
 * @param duration the DURATION
 * @param plannedDuration the PLANNED-DURATION
 * @param scte35Cmd the SCTE35-CMD hexadecimal-sequence as written
 * @param scte35Out the SCTE35-OUT hexadecimal-sequence as written
 * @param scte35In the SCTE35-IN hexadecimal-sequence as written
 * @param endOnNext whether END-ON-NEXT=YES
 * @param otherAttributes the client attributes ({@code X-...}) and any unknown ones, in the order read
 */
public record DateRange(String id, String rangeClass, HlsDateTime startDate, HlsDateTime endDate,
        DecimalSeconds duration, DecimalSeconds plannedDuration, String scte35Cmd, String scte35Out,
        String scte35In, boolean endOnNext, AttributeList otherAttributes) {
    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");

    public DateRange {
        Quoted.check(id, "ID");
        Quoted.check(rangeClass, "CLASS");
        for (String hex : new String[] {scte35Cmd, scte35Out, scte35In}) {
            if (hex != null && !HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("SCTE35 value must be a hexadecimal-sequence: " + hex);
            }
        }
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-DATERANGE", "ID", "CLASS", "START-DATE", "END-DATE", "DURATION",
                "PLANNED-DURATION", "SCTE35-CMD", "SCTE35-OUT", "SCTE35-IN", "END-ON-NEXT");
    }

    /** A range with an ID, a start and a duration; no other attributes. */
    public static DateRange of(String id, HlsDateTime startDate, DecimalSeconds duration) {
        return new DateRange(id, null, startDate, null, duration, null, null, null, null, false, AttributeList.EMPTY);
    }

    /** The client-defined attributes, those whose names start with {@code X-}, in order. */
    public List<Attribute> clientAttributes() {
        return otherAttributes.entries().stream().filter(a -> a.name().startsWith("X-")).collect(Collectors.toList());
    }
}
