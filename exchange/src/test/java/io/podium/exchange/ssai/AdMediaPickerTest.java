package io.podium.exchange.ssai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BeaconEvent;
import io.podium.vast.model.Ad;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdMediaPickerTest {
    private static final String AD = """
            <VAST version="4.2"><Ad id="x"><InLine><AdSystem>S</AdSystem>
            <Impression><![CDATA[https://podium.example/notice/bill?a=1]]></Impression>
            <Impression><![CDATA[https://dsp.example/imp]]></Impression>
            <Error><![CDATA[https://dsp.example/err?c=[ERRORCODE]]]></Error>
            <AdServingId>s</AdServingId><AdTitle>T</AdTitle><Creatives><Creative><Linear>
            <TrackingEvents>
              <Tracking event="start"><![CDATA[https://dsp.example/start]]></Tracking>
              <Tracking event="midpoint"><![CDATA[https://dsp.example/mid]]></Tracking>
              <Tracking event="pause"><![CDATA[https://dsp.example/pause]]></Tracking>
            </TrackingEvents>
            <Duration>00:00:20.500</Duration><MediaFiles>
            <MediaFile delivery="progressive" type="video/mp4" width="640" height="360"><![CDATA[https://cdn.example/a.mp4]]></MediaFile>
            <MediaFile delivery="streaming" type="application/dash+xml" width="1280" height="720"><![CDATA[https://cdn.example/a.mpd]]></MediaFile>
            <MediaFile delivery="streaming" type="application/x-mpegURL" width="1280" height="720"><![CDATA[https://cdn.example/a.m3u8]]></MediaFile>
            </MediaFiles></Linear><UniversalAdId idRegistry="x">u</UniversalAdId></Creative></Creatives></InLine></Ad></VAST>""";

    private static Ad ad(String xml) throws Exception {
        return new VastParser(new SafeXml(1 << 16)).parse(xml.getBytes(StandardCharsets.UTF_8)).ads().get(0);
    }

    @Test
    void takesTheStreamOfTheSessionsKindTheDurationAndTheBeacons() throws Exception {
        AdDecision hls = AdMediaPicker.pick(ad(AD), "ad-1", AdMediaPicker.Kind.HLS);
        assertEquals(URI.create("https://cdn.example/a.m3u8"), hls.mediaUri());
        assertEquals(20_500_000L, hls.durationMicros());
        assertEquals(List.of("https://podium.example/notice/bill?a=1", "https://dsp.example/imp"),
                hls.beacons().get(BeaconEvent.IMPRESSION));
        assertEquals(List.of("https://dsp.example/start"), hls.beacons().get(BeaconEvent.START));
        assertEquals(List.of("https://dsp.example/mid"), hls.beacons().get(BeaconEvent.MIDPOINT));
        assertNull(hls.beacons().get(BeaconEvent.COMPLETE));
        assertEquals(List.of("https://dsp.example/err?c=[ERRORCODE]"), hls.errorUrls());
        assertEquals(URI.create("https://cdn.example/a.mpd"),
                AdMediaPicker.pick(ad(AD), "ad-1", AdMediaPicker.Kind.DASH).mediaUri());
    }

    @Test
    void anAdWithoutAStreamOrDurationCannotBeStitched() throws Exception {
        String mp4Only = AD.replaceAll("(?s)<MediaFile delivery=\"streaming\".*?</MediaFile>", "");
        assertNull(AdMediaPicker.pick(ad(mp4Only), "a", AdMediaPicker.Kind.HLS));
        assertNull(AdMediaPicker.pick(ad(AD.replace("00:00:20.500", "soon")), "a", AdMediaPicker.Kind.HLS));
        String wrapper = "<VAST version=\"4.2\"><Ad><Wrapper><AdSystem>S</AdSystem><Impression>https://i/</Impression>"
                + "<VASTAdTagURI>https://next.example/</VASTAdTagURI></Wrapper></Ad></VAST>";
        assertNull(AdMediaPicker.pick(ad(wrapper), "a", AdMediaPicker.Kind.HLS));
    }
}
