package io.podium.ssai.hls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A date-time as HLS writes it (ISO 8601 with a time zone, RFC 8216 §4.3.2.6): the text exactly as
 * written, so that {@code 00:34:38.960000Z} is not rewritten as {@code 00:34:38.96Z}, and its value.
 *
 * @param text the date-time as written
 * @param value the parsed date-time, with the offset it was written with
 */
public record HlsDateTime(String text, OffsetDateTime value) {
    /** ISO 8601 with an offset as {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh}. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    public HlsDateTime {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        OffsetDateTime parsed = read(text);
        if (!parsed.equals(value)) {
            throw new IllegalArgumentException("text " + text + " is " + parsed + ", not " + value);
        }
    }

    /**
     * Reads an ISO 8601 date-time with a time zone.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static HlsDateTime parse(String text) {
        return new HlsDateTime(text, read(text));
    }

    /** The instant written in UTC with milliseconds, such as {@code 2024-05-01T10:00:00.000Z}. */
    public static HlsDateTime of(Instant instant) {
        OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        return parse(WRITE.format(utc));
    }

    /** The instant this date-time names. */
    public Instant instant() {
        return value.toInstant();
    }

    @Override
    public String toString() {
        return text;
    }

    private static OffsetDateTime read(String text) {
        try {
            return OffsetDateTime.parse(text, READ);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time with a time zone: '" + text + "'", e);
        }
    }
}
