package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * EXT-X-DATERANGE carries ID and START-DATE; END-DATE is not before START-DATE; DURATION is not
 * negative; END-ON-NEXT comes with CLASS and without DURATION or END-DATE; a playlist with a
 * date range has an EXT-X-PROGRAM-DATE-TIME (RFC 8216 §4.3.2.7).
 */
final class DateRangeRule implements HlsRule {
    static final String ID = "daterange";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < p.segments().size(); i++) {
            List<DateRange> ranges = p.segments().get(i).dateRanges();
            List<SourceLine> lines = source.lines(i, HlsTags.DATERANGE);
            for (int j = 0; j < ranges.size(); j++) {
                any = true;
                int line = j < lines.size() ? lines.get(j).number() : source.lineOf(i);
                check(ranges.get(j), line, out);
            }
        }
        if (any && source.firstLine(HlsTags.PROGRAM_DATE_TIME) == 0) {
            out.add(HlsProblem.error(ID, source.firstLine(HlsTags.DATERANGE), "a playlist with EXT-X-DATERANGE must"
                    + " have an EXT-X-PROGRAM-DATE-TIME (RFC 8216 §4.3.2.7)"));
        }
        return out;
    }

    private static void check(DateRange d, int line, List<HlsProblem> out) {
        if (d.id() == null) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE without the required ID (RFC 8216 §4.3.2.7)"));
        }
        if (d.startDate() == null) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE without the required START-DATE (RFC 8216 §4.3.2.7)"));
        } else if (d.endDate() != null && d.endDate().instant().isBefore(d.startDate().instant())) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE END-DATE " + d.endDate() + " is before START-DATE "
                    + d.startDate() + " (RFC 8216 §4.3.2.7)"));
        }
        if (d.duration() != null && d.duration().isNegative()) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE DURATION " + d.duration() + " is negative"
                    + " (RFC 8216 §4.3.2.7)"));
        }
        if (d.endOnNext() && d.rangeClass() == null) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE with END-ON-NEXT must have a CLASS"
                    + " (RFC 8216 §4.3.2.7)"));
        }
        if (d.endOnNext() && (d.duration() != null || d.endDate() != null)) {
            out.add(HlsProblem.error(ID, line, "EXT-X-DATERANGE with END-ON-NEXT must not have DURATION or END-DATE"
                    + " (RFC 8216 §4.3.2.7)"));
        }
    }
}
