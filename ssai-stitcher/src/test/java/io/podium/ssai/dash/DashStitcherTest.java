package io.podium.ssai.dash;

import static io.podium.ssai.dash.DashFixtures.ad;
import static io.podium.ssai.dash.DashFixtures.seconds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashStitcherTest {
    private final DashStitcher stitcher = new DashStitcher();
    private final MpdChecker checker = new MpdChecker();
    private final Mpd number = DashFixtures.mpd("content/number.mpd");
    private final Mpd timeline = DashFixtures.mpd("content/timeline.mpd");

    @Test
    void stitchingTwiceGivesTheSameBytes() {
        List<DashBreak> breaks = List.of(
                new DashBreak("pre", 0, List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))),
                new DashBreak("mid", seconds(95), List.of(ad("b", seconds(10), "ads/ad-ondemand.mpd"))),
                new DashBreak("post", DashBreak.POST_ROLL, List.of(ad("c", seconds(12), "ads/ad-timeline.mpd"))));
        MpdWriter writer = new MpdWriter();

        byte[] first = writer.writeBytes(stitcher.stitch(number, DashFixtures.NUMBER_URI, breaks).mpd());
        byte[] second = writer.writeBytes(new DashStitcher().stitch(DashFixtures.mpd("content/number.mpd"),
                DashFixtures.NUMBER_URI, List.copyOf(breaks)).mpd());

        assertArrayEquals(first, second);
    }

    @Test
    void aPreRollLeavesTheContentWhole() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI,
                List.of(new DashBreak("pre", 0, List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("ad-pre-0", "content-0"), ids(out));
        Period content = out.periods().get(1);
        assertEquals(seconds(15), content.startMicros());
        assertEquals(seconds(600), content.durationMicros());
        assertEquals(seconds(615), out.mediaPresentationDurationMicros());
        AdaptationSet source = number.periods().get(0).adaptationSets().get(0);
        assertEquals(source, content.adaptationSets().get(0));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void aPostRollGoesAfterTheLastContentPeriod() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("end", seconds(600), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))),
                new DashBreak("post", DashBreak.POST_ROLL, List.of(ad("b", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("content-0", "ad-end-0", "ad-post-0"), ids(out));
        assertEquals(seconds(600), out.periods().get(1).startMicros());
        assertEquals(seconds(615), out.periods().get(2).startMicros());
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void aMidRollOffABoundaryMovesToTheNearestSegmentBoundary() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI,
                List.of(new DashBreak("mid", seconds(301.2), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("content-0", "ad-mid-0", "content-1"), ids(out));
        assertEquals(seconds(302), out.periods().get(0).durationMicros());
        Period rest = out.periods().get(2);
        assertEquals(seconds(317), rest.startMicros());
        assertEquals(seconds(298), rest.durationMicros());
        SegmentTemplate video = rest.adaptationSets().get(0).segmentTemplate();
        SegmentTemplate audio = rest.adaptationSets().get(1).segmentTemplate();
        SegmentTemplate text = rest.adaptationSets().get(2).segmentTemplate();
        assertEquals(List.of(302L * 90_000, 152L), List.of(video.presentationTimeOffset(), video.startNumber()));
        assertEquals(List.of(302L * 48_000, 152L), List.of(audio.presentationTimeOffset(), audio.startNumber()));
        assertEquals(List.of(302L * 1_000, 152L), List.of(text.presentationTimeOffset(), text.startNumber()));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void aTieBetweenTwoBoundariesGoesToTheEarlierOne() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI,
                List.of(new DashBreak("mid", seconds(61), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(seconds(60), out.periods().get(0).durationMicros());
    }

    @Test
    void aMidRollNearTheStartBecomesAPreRoll() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI,
                List.of(new DashBreak("early", seconds(0.7), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("ad-early-0", "content-0"), ids(out));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void timelineContentIsTrimmedAndEveryTrackKeepsItsMediaTime() {
        Mpd out = stitcher.stitch(timeline, DashFixtures.TIMELINE_URI,
                List.of(new DashBreak("b", seconds(30), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        Period before = out.periods().get(0);
        Period after = out.periods().get(2);
        assertEquals(seconds(30.03), before.durationMicros()); // 5 video segments of 6.006 s
        assertEquals(seconds(30.03), after.durationMicros());
        SegmentTemplate videoBefore = before.adaptationSets().get(0).segmentTemplate();
        SegmentTemplate videoAfter = after.adaptationSets().get(0).segmentTemplate();
        assertEquals(List.of(TimelineEntry.of(900_000L, 540_540, 4)), videoBefore.timeline());
        assertEquals(900_000L, videoBefore.presentationTimeOffset());
        assertEquals(List.of(TimelineEntry.of(3_602_700L, 540_540, 4)), videoAfter.timeline());
        assertEquals(3_602_700L, videoAfter.presentationTimeOffset());
        assertEquals(6L, videoAfter.startNumber());

        // audio segments do not line up with the video's: the part starts inside one
        SegmentTemplate audioBefore = before.adaptationSets().get(1).segmentTemplate();
        SegmentTemplate audioAfter = after.adaptationSets().get(1).segmentTemplate();
        long cut = 480_000 + 30_030 * 48; // 30.03 s into the audio
        assertEquals(List.of(TimelineEntry.of(480_000L, 288_768, 4)), audioBefore.timeline());
        assertEquals(cut, audioAfter.presentationTimeOffset());
        assertEquals(List.of(TimelineEntry.of(1_635_072L, 288_768, 4), TimelineEntry.of(null, 283_968, 0)),
                audioAfter.timeline());
        assertTrue(1_635_072L < cut && cut < 1_635_072L + 288_768);
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void eventsStayInThePartTheyFallInAtTheirOwnTime() {
        Mpd out = stitcher.stitch(timeline, DashFixtures.TIMELINE_URI,
                List.of(new DashBreak("b", seconds(30), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        List<MpdEvent> before = out.periods().get(0).eventStreams().get(0).events();
        List<MpdEvent> after = out.periods().get(2).eventStreams().get(0).events();
        assertEquals(List.of("1"), before.stream().map(MpdEvent::id).toList());
        assertEquals(1_800_000L, before.get(0).presentationTime());
        assertEquals(List.of("2"), after.stream().map(MpdEvent::id).toList());
        // 40 s into the content is 9.97 s into the part that starts at 30.03 s
        assertEquals(900_000L + 897_300L, after.get(0).presentationTime());
    }

    @Test
    void contentPartsKeepAdaptationSetIdsAndSayTheyContinue() {
        Mpd out = stitcher.stitch(timeline, DashFixtures.TIMELINE_URI, List.of(
                new DashBreak("b1", seconds(12), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))),
                new DashBreak("b2", seconds(42), List.of(ad("b", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        List<Period> content = out.periods().stream().filter(p -> p.id().startsWith("content-")).toList();
        assertEquals(List.of("content-0", "content-1", "content-2"), content.stream().map(Period::id).toList());
        for (Period p : content) {
            assertEquals(List.of(10L, 20L, 21L, 30L), p.adaptationSets().stream().map(AdaptationSet::id).toList());
        }
        assertEquals(List.of(), continuity(content.get(0)));
        assertEquals(List.of("content-0"), continuity(content.get(1)));
        assertEquals(List.of("content-1"), continuity(content.get(2)));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void adaptationSetsWithoutIdGetTheSameIdInEveryPart() {
        Mpd noIds = DashFixtures.mpd("ads/ad-avc.mpd"); // no AdaptationSet ids
        Mpd out = stitcher.stitch(noIds, URI.create("https://origin.example.com/c/manifest.mpd"),
                List.of(new DashBreak("b", seconds(8), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("content-0", "ad-b-0", "content-1"), ids(out));
        for (Period p : out.periods()) {
            assertEquals(List.of(1L, 2L), p.adaptationSets().stream().map(AdaptationSet::id).toList());
        }
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void adPeriodsTakeTheContentsAdaptationSetIdsAndFittingRepresentations() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(new DashBreak("b", seconds(60), List.of(
                ad("avc", seconds(15), "ads/ad-avc.mpd"), ad("od", seconds(10), "ads/ad-ondemand.mpd"))))).mpd();

        Period avc = out.periods().get(1);
        assertEquals(List.of(1L, 2L), avc.adaptationSets().stream().map(AdaptationSet::id).toList());
        // 1080p is larger than the content's 720p; 720p and 360p fit
        assertEquals(List.of("720p", "360p"), repIds(avc.adaptationSets().get(0)));
        Period onDemand = out.periods().get(2);
        // 5.5 Mbit/s is above the content's 3 Mbit/s
        assertEquals(List.of("lo"), repIds(onDemand.adaptationSets().get(0)));
        assertEquals(List.of("audio"), repIds(onDemand.adaptationSets().get(1)));
    }

    @Test
    void anAdAboveTheContentsBandwidthKeepsItsLowestRepresentation() {
        Mpd thin = DashFixtures.mpd("ads/ad-avc.mpd");
        Period p = thin.periods().get(0);
        AdaptationSet video = p.adaptationSets().get(0);
        List<Representation> low = new ArrayList<>();
        for (Representation r : number.periods().get(0).adaptationSets().get(0).representations()) {
            low.add(new Representation(r.id(), 500_000, r.width(), r.height(), r.frameRate(), r.codecs(), r.mimeType(),
                    r.audioSamplingRate(), r.baseUrls(), r.segmentBase(), r.segmentTemplate(), r.otherAttributes(),
                    r.otherElements()));
        }
        Mpd lowContent = replaceSet(number, 0, number.periods().get(0).adaptationSets().get(0).with(1L, List.of(),
                number.periods().get(0).adaptationSets().get(0).segmentTemplate(), low, List.of()));

        Mpd out = stitcher.stitch(lowContent, DashFixtures.NUMBER_URI,
                List.of(new DashBreak("b", 0, List.of(new DashAd("a", seconds(15), thin,
                        URI.create("https://ads.example.net/a/manifest.mpd")))))).mpd();

        assertEquals(List.of("360p"), repIds(out.periods().get(0).adaptationSets().get(0)));
        assertTrue(video.representations().stream().allMatch(r -> r.bandwidth() > 500_000));
    }

    @Test
    void anAdWithNoFittingVideoIsSkippedAndReported() {
        DashStitched stitched = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(new DashBreak("b",
                seconds(60), List.of(ad("ok", seconds(15), "ads/ad-avc.mpd"), ad("hevc", seconds(20), "ads/ad-hevc.mpd"),
                        ad("ok2", seconds(15), "ads/ad-avc.mpd")))));

        assertEquals(List.of("content-0", "ad-b-0", "ad-b-2", "content-1"), ids(stitched.mpd()));
        assertEquals(List.of(new SkippedAd("b", 1, "hevc", SkippedAd.Reason.NO_MATCHING_VIDEO,
                "no video Representation fits the content's video/mp4 [avc] up to 1280x720")), stitched.skipped());
        assertEquals(403, stitched.skipped().get(0).reason().vastErrorCode());
        assertEquals(seconds(630), stitched.mpd().mediaPresentationDurationMicros());
        assertEquals(List.of(), checker.check(stitched.mpd()));
    }

    @Test
    void aBreakWhoseAdsAreAllSkippedLeavesTheContentUncut() {
        DashStitched stitched = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("b", seconds(60), List.of(ad("hevc", seconds(20), "ads/ad-hevc.mpd")))));

        assertEquals(List.of("content-0"), ids(stitched.mpd()));
        assertEquals(seconds(600), stitched.mpd().mediaPresentationDurationMicros());
        assertEquals(1, stitched.skipped().size());
    }

    @Test
    void anAdWithAnAudioTrackInNoFittingCodecIsSkipped() {
        Mpd ad = DashFixtures.mpd("ads/ad-avc.mpd");
        AdaptationSet audio = ad.periods().get(0).adaptationSets().get(1);
        Representation aac = audio.representations().get(0);
        Representation ec3 = new Representation(aac.id(), aac.bandwidth(), null, null, null, "ec-3", null, null,
                List.of(), null, null, List.of(), List.of());
        Mpd dolby = replaceSet(ad, 1, audio.with(null, List.of(), audio.segmentTemplate(), List.of(ec3), List.of()));

        DashStitched stitched = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(new DashBreak("b", 0,
                List.of(new DashAd("ec3", seconds(15), dolby, URI.create("https://ads.example.net/m.mpd"))))));

        assertEquals(SkippedAd.Reason.NO_MATCHING_AUDIO, stitched.skipped().get(0).reason());
    }

    @Test
    void anAdMpdWithSeveralPeriodsIsSkipped() {
        Mpd ad = DashFixtures.mpd("ads/ad-avc.mpd");
        Period p = ad.periods().get(0);
        Period second = new Period("1", null, seconds(5), List.of(), null, List.of(), p.adaptationSets(), List.of(),
                List.of());
        Mpd two = new Mpd(ad.profiles(), ad.type(), seconds(20), ad.minBufferTimeMicros(), null, List.of(),
                List.of(new Period("0", 0L, seconds(15), List.of(), null, List.of(), p.adaptationSets(), List.of(),
                        List.of()), second), List.of(), List.of(), List.of());

        DashStitched stitched = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(new DashBreak("b", 0,
                List.of(new DashAd("two", seconds(15), two, URI.create("https://ads.example.net/m.mpd"))))));

        assertEquals(List.of(new SkippedAd("b", 0, "two", SkippedAd.Reason.UNSUPPORTED_MPD,
                "the ad MPD is static with 2 Periods; one static Period needed")), stitched.skipped());
    }

    @Test
    void audioAdaptationSetsAreMatchedByLanguage() {
        Mpd out = stitcher.stitch(timeline, DashFixtures.TIMELINE_URI, List.of(
                new DashBreak("b", 0, List.of(ad("a", seconds(30), "ads/ad-timeline.mpd"))))).mpd();

        Period ad = out.periods().get(0);
        assertEquals(List.of(10L, 20L, 21L), ad.adaptationSets().stream().map(AdaptationSet::id).toList());
        assertEquals(List.of("en", "es"), List.of(ad.adaptationSets().get(1).lang(), ad.adaptationSets().get(2).lang()));
        assertEquals(List.of("aac-en"), repIds(ad.adaptationSets().get(1)));
        assertEquals(List.of("aac-es"), repIds(ad.adaptationSets().get(2)));
    }

    @Test
    void anAdShorterThanItsMpdIsCutAndItsTimelineTrimmed() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("b", 0, List.of(ad("a", seconds(10), "ads/ad-timeline.mpd"))))).mpd();

        Period ad = out.periods().get(0);
        assertEquals(seconds(10), ad.durationMicros());
        SegmentTemplate t = ad.adaptationSets().get(0).representations().get(0).segmentTemplate();
        assertEquals(List.of(TimelineEntry.of(0L, 540_000, 1)), t.timeline());
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void anAdLongerThanItsMpdLastsAsLongAsItsMpd() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("b", 0, List.of(ad("a", seconds(16), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(seconds(15), out.periods().get(0).durationMicros());
        assertEquals(seconds(615), out.mediaPresentationDurationMicros());
    }

    @Test
    void adUrlsAreAbsoluteAndTheRewriterGetsTemplatesNotSegments() {
        List<AdSegmentUrl> seen = new ArrayList<>();
        DashStitcher routed = new DashStitcher(u -> {
            seen.add(u);
            return "https://podium.example/ad?u=" + u.url();
        });

        Mpd out = routed.stitch(number, DashFixtures.NUMBER_URI, List.of(new DashBreak("b", 0, List.of(
                ad("a", seconds(15), "ads/ad-avc.mpd"), ad("b", seconds(10), "ads/ad-ondemand.mpd"))))).mpd();

        assertEquals(List.of(
                "a 720p MEDIA_TEMPLATE https://ads.example.net/a/v1/chunk-$RepresentationID$-$Number%05d$.m4s",
                "a 720p INITIALIZATION https://ads.example.net/a/v1/init-$RepresentationID$.m4s",
                "a 360p MEDIA_TEMPLATE https://ads.example.net/a/v1/chunk-$RepresentationID$-$Number%05d$.m4s",
                "a 360p INITIALIZATION https://ads.example.net/a/v1/init-$RepresentationID$.m4s",
                "a aac MEDIA_TEMPLATE https://ads.example.net/a/v1/chunk-$RepresentationID$-$Number%05d$.m4s",
                "a aac INITIALIZATION https://ads.example.net/a/v1/init-$RepresentationID$.m4s",
                "b lo MEDIA_FILE https://ads-cdn.example.net/creatives/8841/8841_540p_1500k.mp4",
                "b audio MEDIA_FILE https://ads-cdn.example.net/creatives/8841/8841_audio_64k.mp4"),
                seen.stream().map(u -> u.adId() + " " + u.representationId() + " " + u.kind() + " " + u.url()).toList());
        Representation lo = out.periods().get(1).adaptationSets().get(0).representations().get(0);
        assertEquals(List.of(BaseUrl.of("https://podium.example/ad?u=https://ads-cdn.example.net/creatives/8841/"
                + "8841_540p_1500k.mp4")), lo.baseUrls());
        assertTrue(out.periods().get(0).baseUrls().isEmpty());
    }

    @Test
    void aRewriterThatDropsTheNumberIsRefused() {
        DashStitcher broken = new DashStitcher(u -> "https://podium.example/ad/fixed.m4s");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.stitch(number,
                DashFixtures.NUMBER_URI, List.of(new DashBreak("b", 0, List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))));

        assertTrue(e.getMessage().contains("dropped $Number$"), e.getMessage());
    }

    @Test
    void contentUrlsAreResolvedAgainstTheContentMpd() {
        Mpd numberOut = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of()).mpd();
        Mpd timelineOut = stitcher.stitch(timeline, DashFixtures.TIMELINE_URI, List.of()).mpd();

        assertEquals(List.of(BaseUrl.of("https://origin.example.com/vod/show/")), numberOut.periods().get(0).baseUrls());
        assertEquals(List.of(BaseUrl.of("https://origin.example.com/vod/movie42/dash/")),
                timelineOut.periods().get(0).baseUrls());
        assertEquals(List.of(), timelineOut.baseUrls());
    }

    @Test
    void theStitchedMpdDropsLocationsThatLeadBackToTheContent() {
        RawElement location = new RawElement(Mpd.NAMESPACE, "Location",
                "<Location>https://origin.example.com/vod/show/manifest.mpd</Location>");
        List<RawElement> other = new ArrayList<>(number.otherElements());
        other.add(location);
        Mpd withLocation = new Mpd(number.profiles(), number.type(), number.mediaPresentationDurationMicros(),
                number.minBufferTimeMicros(), number.maxSegmentDurationMicros(), number.baseUrls(), number.periods(),
                number.namespaces(), number.otherAttributes(), other);

        Mpd out = stitcher.stitch(withLocation, DashFixtures.NUMBER_URI, List.of()).mpd();

        assertEquals(List.of("ProgramInformation"), out.otherElements().stream().map(RawElement::localName).toList());
    }

    @Test
    void breaksAtTheSamePositionPlayInTheOrderGiven() {
        Mpd out = stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("x", seconds(120), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))),
                new DashBreak("y", seconds(120.4), List.of(ad("b", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("content-0", "ad-x-0", "ad-y-0", "content-1"), ids(out));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void aBreakBetweenTwoContentPeriodsCutsNeither() {
        Period source = number.periods().get(0);
        Period first = new Period("one", null, seconds(300), List.of(), null, List.of(), source.adaptationSets(),
                List.of(), List.of());
        List<AdaptationSet> shifted = new ArrayList<>();
        for (AdaptationSet a : source.adaptationSets()) {
            SegmentTemplate t = a.segmentTemplate();
            shifted.add(a.with(a.id(), List.of(), t.withWindow(t.timescaleOrDefault() * 300, 151L, null),
                    a.representations(), a.otherElements()));
        }
        Period second = new Period("two", null, seconds(300), List.of(BaseUrl.of("part2/")), null, List.of(), shifted,
                List.of(), List.of());
        Mpd twoPeriods = new Mpd(number.profiles(), null, seconds(600), number.minBufferTimeMicros(), null,
                List.of(), List.of(first, second), List.of(), List.of(), List.of());

        Mpd out = stitcher.stitch(twoPeriods, DashFixtures.NUMBER_URI, List.of(
                new DashBreak("b", seconds(300), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(List.of("content-0", "ad-b-0", "content-1"), ids(out));
        assertEquals(List.of(BaseUrl.of("https://origin.example.com/vod/show/part2/")),
                out.periods().get(2).baseUrls());
        assertEquals(List.of(), continuity(out.periods().get(2)));
        assertEquals(List.of(), checker.check(out));
    }

    @Test
    void refusesWhatItCannotStitch() {
        Mpd dynamic = new Mpd(number.profiles(), "dynamic", null, number.minBufferTimeMicros(), null, List.of(),
                number.periods(), List.of(), List.of(), List.of());
        DashBreak b = new DashBreak("b", 0, List.of());

        assertThrows(IllegalArgumentException.class, () -> stitcher.stitch(dynamic, DashFixtures.NUMBER_URI, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> stitcher.stitch(number, URI.create("relative/manifest.mpd"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> stitcher.stitch(number, DashFixtures.NUMBER_URI, List.of(b, b)));
        assertThrows(IllegalArgumentException.class, () -> new DashBreak("x", -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> ad("x", 0, "ads/ad-avc.mpd"));
    }

    @Test
    void contentAddressedBySegmentBaseIsCutAtThePositionItself() {
        Mpd onDemand = DashFixtures.mpd("ads/ad-ondemand.mpd");

        Mpd out = stitcher.stitch(onDemand, URI.create("https://origin.example.com/od/manifest.mpd"), List.of(
                new DashBreak("b", seconds(4.3), List.of(ad("a", seconds(15), "ads/ad-avc.mpd"))))).mpd();

        assertEquals(seconds(4.3), out.periods().get(0).durationMicros());
        SegmentBase after = out.periods().get(2).adaptationSets().get(0).representations().get(0).segmentBase();
        assertEquals(129_000L, after.presentationTimeOffset()); // 4.3 s at 30000 ticks a second
        assertNull(out.periods().get(0).adaptationSets().get(0).representations().get(0).segmentBase()
                .presentationTimeOffset());
        assertEquals(List.of(), checker.check(out));
    }

    private static List<String> ids(Mpd mpd) {
        return mpd.periods().stream().map(Period::id).toList();
    }

    private static List<String> repIds(AdaptationSet set) {
        return set.representations().stream().map(Representation::id).toList();
    }

    private static List<String> continuity(Period p) {
        List<String> values = new ArrayList<>();
        for (AdaptationSet a : p.adaptationSets()) {
            for (RawElement e : a.otherElements()) {
                if (e.xml().contains(ContentSplitter.CONTINUITY)) {
                    values.add(e.xml().replaceAll(".*value=\"([^\"]*)\".*", "$1"));
                }
            }
        }
        return values.stream().distinct().toList();
    }

    private static Mpd replaceSet(Mpd mpd, int index, AdaptationSet set) {
        Period p = mpd.periods().get(0);
        List<AdaptationSet> sets = new ArrayList<>(p.adaptationSets());
        sets.set(index, set);
        Period period = new Period(p.id(), p.startMicros(), p.durationMicros(), p.baseUrls(), p.segmentTemplate(),
                p.eventStreams(), sets, p.otherAttributes(), p.otherElements());
        return new Mpd(mpd.profiles(), mpd.type(), mpd.mediaPresentationDurationMicros(), mpd.minBufferTimeMicros(),
                mpd.maxSegmentDurationMicros(), mpd.baseUrls(), List.of(period), mpd.namespaces(),
                mpd.otherAttributes(), mpd.otherElements());
    }
}
