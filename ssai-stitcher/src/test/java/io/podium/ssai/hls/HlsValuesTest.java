package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small value types: decimals, dates, attribute lists, byte ranges, resolutions. */
class HlsValuesTest {

    @Test
    void decimalSecondsKeepTheTextAndRoundToTheMicrosecond() {
        assertEquals(6_000_000, DecimalSeconds.parse("6.000").micros());
        assertEquals("6.000", DecimalSeconds.parse("6.000").text());
        assertEquals(1, DecimalSeconds.parse("0.0000005").micros(), "halves round up");
        assertEquals(-12_500_000, DecimalSeconds.parse("-12.5").micros());
        assertEquals(10_000_000, DecimalSeconds.parse("10.").micros());
        assertEquals(500_000, DecimalSeconds.parse(".5").micros());
    }

    @Test
    void roundedSecondsUseTheTextHalvesUp() {
        assertEquals(3, DecimalSeconds.parse("2.5").roundedSeconds());
        assertEquals(2, DecimalSeconds.parse("2.4999999").roundedSeconds(), "not 3 via rounded microseconds");
        assertEquals(6, DecimalSeconds.parse("5.995").roundedSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1e3", "1.2.3", "+1", " 1", "1,5", "99999999999999999999999999"})
    void decimalSecondsRefuseWhatIsNotAPlainDecimal(String text) {
        assertThrows(IllegalArgumentException.class, () -> DecimalSeconds.parse(text));
    }

    @Test
    void decimalSecondsRefuseTextAndValueThatDisagree() {
        assertThrows(IllegalArgumentException.class, () -> new DecimalSeconds("6.0", 6_000_001));
    }

    @Test
    void dateTimesKeepTheTextAndAcceptCommonOffsets() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals(t, HlsDateTime.parse("2024-05-01T10:00:00Z").instant());
        assertEquals(t, HlsDateTime.parse("2024-05-01T12:00:00+02:00").instant());
        assertEquals(t, HlsDateTime.parse("2024-05-01T12:00:00.000+0200").instant());
        assertEquals(ZoneOffset.ofHours(2), HlsDateTime.parse("2024-05-01T12:00:00+02").value().getOffset());
        assertEquals("1970-01-01T00:34:38.960000Z", HlsDateTime.parse("1970-01-01T00:34:38.960000Z").text());
        assertEquals("2024-05-01T10:00:00.123Z", HlsDateTime.of(Instant.parse("2024-05-01T10:00:00.123456Z")).text());
        assertThrows(IllegalArgumentException.class, () -> HlsDateTime.parse("2024-05-01T10:00:00"));
    }

    @Test
    void attributeListsKeepOrderAndRawValues() {
        AttributeList a = AttributeList.parse("B=\"x,y\", A=0x1f ,C=1920x1080,");

        assertEquals(List.of("B", "A", "C"), a.entries().stream().map(Attribute::name).toList());
        assertEquals("\"x,y\"", a.get("B").value());
        assertEquals("x,y", a.get("B").unquoted());
        assertEquals("B=\"x,y\",A=0x1f,C=1920x1080", a.toString());
        assertEquals(AttributeList.EMPTY, AttributeList.parse(""));
        assertNull(a.get("D"));
        assertEquals("B=\"x,y\",A=2,C=1920x1080", a.with(new Attribute("A", "2")).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "=1", "A=", "a=1", "A=\"x", "A=\"x\"y", "A=1 2", "A=1,A=2", "A B=1"})
    void attributeListsRefuseMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributeList.parse(text));
        assertTrue(e.getMessage().contains("character"), e.getMessage());
    }

    @Test
    void byteRangesAndResolutionsReadAndWrite() {
        assertEquals(new ByteRange(100, 20L), ByteRange.parse("100@20"));
        assertEquals("100", ByteRange.parse("100").toString());
        assertThrows(IllegalArgumentException.class, () -> ByteRange.parse("100@"));
        assertEquals(new Resolution(1920, 1080), Resolution.parse("1920x1080"));
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse("1920X1080"));
    }

    @Test
    void cueOutDurationIsReadFromBothCommonForms() {
        assertEquals(30_000_000, new CueMarker(CueMarker.Kind.OUT, "30").outDuration().micros());
        assertEquals(20_032_000, new CueMarker(CueMarker.Kind.OUT, "DURATION=20.032").outDuration().micros());
        assertNull(new CueMarker(CueMarker.Kind.OUT_CONT, "2/30").outDuration());
        assertNull(new CueMarker(CueMarker.Kind.OUT, null).outDuration());
    }
}
