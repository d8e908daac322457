package io.podium.exchange.bench;

import io.podium.vast.model.Vast;
import io.podium.vast.parse.VastParseException;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a typical inline VAST 4.2 ad of about 4 KB (four renditions, ten tracking events, two
 * impressions, a verification script, an extension) into the model, against a same-run baseline
 * that only walks the document's StAX events through {@link SafeXml} (the floor any StAX
 * parser pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class VastParseBenchmark {
    static final String TYPICAL_INLINE;

    static {
        StringBuilder tracking = new StringBuilder();
        for (String e : new String[] {"start", "firstQuartile", "midpoint", "thirdQuartile", "complete", "pause",
            "resume", "mute", "unmute", "skip"}) {
            tracking.append("          <Tracking event=\"").append(e)
                    .append("\"><![CDATA[https://track.dsp.example/v1/ev?e=").append(e)
                    .append("&id=8f3a2c&ts=[TIMESTAMP]&pos=[ADPLAYHEAD]]]></Tracking>\n");
        }
        StringBuilder media = new StringBuilder();
        int[][] sizes = {{640, 360, 800}, {960, 540, 1500}, {1280, 720, 2500}, {1920, 1080, 4500}};
        for (int[] s : sizes) {
            media.append("            <MediaFile id=\"mf").append(s[1]).append("\" delivery=\"progressive\" type=\"video/mp4\" width=\"")
                    .append(s[0]).append("\" height=\"").append(s[1]).append("\" bitrate=\"").append(s[2])
                    .append("\" codec=\"avc1.4d401f\"><![CDATA[https://cdn.dsp.example/creatives/8f3a2c/")
                    .append(s[1]).append("p.mp4]]></MediaFile>\n");
        }
        TYPICAL_INLINE = """
                <?xml version="1.0" encoding="UTF-8"?>
                <VAST version="4.2" xmlns="http://www.iab.com/VAST">
                  <Ad id="8f3a2c" sequence="1">
                    <InLine>
                      <AdSystem version="3.1">ExampleDSP</AdSystem>
                      <Error><![CDATA[https://track.dsp.example/v1/err?code=[ERRORCODE]&id=8f3a2c]]></Error>
                      <Extensions>
                        <Extension type="dsp"><Campaign id="c-991" line="li-12"/></Extension>
                      </Extensions>
                      <Impression id="dsp"><![CDATA[https://track.dsp.example/v1/imp?id=8f3a2c&price=${AUCTION_PRICE}]]></Impression>
                      <Impression id="3p"><![CDATA[https://pixel.verifier.example/imp?c=8f3a2c&cb=[CACHEBUSTING]]]></Impression>
                      <Pricing model="CPM" currency="USD">14.20</Pricing>
                      <AdServingId>a8f3a2c-20261201</AdServingId>
                      <AdTitle>Spring collection 30s</AdTitle>
                      <AdVerifications>
                        <Verification vendor="verifier.example-omid">
                          <JavaScriptResource apiFramework="omid" browserOptional="true"><![CDATA[https://js.verifier.example/omid.js]]></JavaScriptResource>
                          <VerificationParameters><![CDATA[{"c":"8f3a2c","p":"video"}]]></VerificationParameters>
                        </Verification>
                      </AdVerifications>
                      <Advertiser>Example Retail</Advertiser>
                      <Category authority="https://iabtechlab.com/cattax">1007</Category>
                      <Creatives>
                        <Creative id="cr-8f3a2c" adId="8f3a2c" sequence="1">
                          <Linear skipoffset="00:00:05">
                            <TrackingEvents>
                %s            </TrackingEvents>
                            <Duration>00:00:30.000</Duration>
                            <MediaFiles>
                %s            </MediaFiles>
                            <VideoClicks>
                              <ClickThrough><![CDATA[https://www.retail.example/spring?utm_source=ctv]]></ClickThrough>
                              <ClickTracking><![CDATA[https://track.dsp.example/v1/click?id=8f3a2c]]></ClickTracking>
                            </VideoClicks>
                          </Linear>
                          <UniversalAdId idRegistry="ad-id.org">RETL0030000H</UniversalAdId>
                        </Creative>
                      </Creatives>
                    </InLine>
                  </Ad>
                </VAST>
                """.formatted(tracking, media);
    }

    private final SafeXml xml = new SafeXml(1 << 20);
    private final VastParser parser = new VastParser(xml);
    private byte[] doc;

    @Setup
    public void setUp() throws Exception {
        doc = TYPICAL_INLINE.getBytes(StandardCharsets.UTF_8);
        Vast v = parser.parse(doc);
        if (v.ads().size() != 1 || doc.length < 3900 || doc.length > 4600) {
            throw new IllegalStateException("not the typical document: " + doc.length + " bytes");
        }
    }

    @Benchmark
    public Vast parseToModel() throws VastParseException {
        return parser.parse(doc);
    }

    @Benchmark
    public int baselineStaxEventsOnly() throws XmlRejectedException, XMLStreamException {
        XMLStreamReader r = xml.open(doc);
        int events = 0;
        while (r.hasNext()) {
            r.next();
            events++;
        }
        r.close();
        return events;
    }
}
