package io.podium.ssai.stitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.ByteRange;
import io.podium.ssai.hls.DecimalSeconds;
import io.podium.ssai.hls.EncryptionKey;
import io.podium.ssai.hls.HlsDateTime;
import io.podium.ssai.hls.InitSection;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import io.podium.ssai.hls.PlaylistType;
import io.podium.ssai.hls.StreamInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stitches generated contents (TS or fMP4, byte ranges with and without offsets, AES-128 without
 * IV, dates, discontinuities) with generated ad packages and breaks, and checks every result with
 * {@link StitchAssertions} plus what the generator knows: where each break must go, how many
 * discontinuities it adds, which ads are reported, explicit IVs, and that shuffling the breaks
 * changes nothing. Prints its seed; rerun a failure with {@code -Dpodium.stitch.seed=<seed>}
 * (and search longer with {@code -Dpodium.stitch.cases=<n>}).
 */
class RandomStitchTest {
    /** Cases per run; {@code -Dpodium.stitch.cases=N} for a longer search. */
    private static final int CASES = Integer.getInteger("podium.stitch.cases", 300);
    private static final String[] CODECS = {"avc1.4d401f,mp4a.40.2", "hvc1.2.4.L123.B0,mp4a.40.2",
        "avc1.640028,mp4a.40.2"};

    @Test
    void generatedStitchesKeepEveryInvariant() {
        long seed = Long.getLong("podium.stitch.seed", System.nanoTime());
        System.out.println("RandomStitchTest seed: " + seed + " (rerun with -Dpodium.stitch.seed=" + seed + ")");
        Random rnd = new Random(seed);
        for (int c = 0; c < CASES; c++) {
            String what = "seed " + seed + ", case " + c;
            try {
                runCase(rnd, what);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(what + ": " + e.getMessage(), e);
            }
        }
    }

    private static void runCase(Random rnd, String what) {
        boolean fmp4 = rnd.nextBoolean();
        ContentMedia content = ContentMedia.of(content(rnd, fmp4), URI.create("https://origin.example.com/c/"
                + rnd.nextInt(1000) + "/index.m3u8"));
        List<AdMedia> pool = new ArrayList<>();
        List<Boolean> playable = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
            boolean plays = rnd.nextInt(6) != 0;
            pool.add(ad(rnd, "ad" + i, plays));
            playable.add(plays);
        }
        AdMedia slate = rnd.nextBoolean() ? null : ad(rnd, "slate", true);
        List<Break> breaks = new ArrayList<>();
        for (int b = 0; b < rnd.nextInt(5); b++) {
            List<AdMedia> ads = new ArrayList<>();
            for (int a = 0; a < rnd.nextInt(4); a++) {
                ads.add(pool.get(rnd.nextInt(pool.size())));
            }
            long position = rnd.nextInt(5) == 0 ? Break.PRE_ROLL : rnd.nextInt(5) == 0 ? Break.POST_ROLL
                    : (long) (rnd.nextDouble() * 1.1 * content.durationMicros());
            breaks.add(rnd.nextBoolean() ? new Break("b" + b, position, ads)
                    : new Break("b" + b, position, rnd.nextInt(40_000_000), ads));
        }
        Target target = target(rnd);
        HlsStitcher stitcher = new HlsStitcher(new StitchOptions(rnd.nextBoolean(), rnd.nextBoolean(), slate,
                StitchOptions.EMPTY_WEBVTT));
        SegmentLinker linker = rnd.nextBoolean() ? SegmentLinker.DIRECT : TestLinkers.ROUTING;

        StitchedMedia s = stitcher.stitchMedia(content, target, breaks, linker);

        StitchAssertions.assertNoErrors(s.playlist(), what);
        StitchAssertions.assertWellFormed(content, s, what);
        List<Break> shuffled = new ArrayList<>(breaks);
        Collections.shuffle(shuffled, rnd);
        assertEquals(StitchAssertions.write(s.playlist()),
                StitchAssertions.write(stitcher.stitchMedia(content, target, shuffled, linker).playlist()),
                what + ": breaks in another order");

        StitchAssertions.assertBreaksFromInputs(content, breaks, slate, s, what);
        long skippedNoMedia = 0;
        for (Break b : breaks) {
            for (AdMedia ad : b.ads()) {
                skippedNoMedia += playable.get(pool.indexOf(ad)) ? 0 : 1;
            }
        }
        for (int i = 0; i < s.breaks().size(); i++) {
            Break b = ContentMedia.ordered(breaks).get(s.breaks().get(i).breakIndex());
            assertEquals(content.boundaryMicros(nearest(content, b.positionMicros())), s.breaks().get(i).contentMicros(),
                    what + ": break " + b.breakId() + " at " + b.positionMicros());
        }
        assertEquals(skippedNoMedia, s.skipped().stream().filter(k -> k.reason() == SkippedAd.Reason.NO_MEDIA).count(),
                what);
        assertExplicitIvs(content, s, what);
    }

    /** The boundary nearest {@code position} by brute force: ties to the earlier; 0 and the end as they are. */
    private static int nearest(ContentMedia c, long position) {
        int n = c.segmentCount();
        if (position >= c.durationMicros()) {
            return n;
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (Math.abs(c.boundaryMicros(i) - position) < Math.abs(c.boundaryMicros(best) - position)) {
                best = i;
            }
        }
        return best;
    }

    /** Content segments shifted by the splice carry their AES-128 IV explicitly; the others as they were. */
    private static void assertExplicitIvs(ContentMedia c, StitchedMedia s, String what) {
        int contentIndex = 0;
        List<MediaSegment> out = s.playlist().segments();
        for (int k = 0; k < out.size(); k++) {
            if (StitchAssertions.isInserted(out.get(k))) {
                continue;
            }
            MediaSegment original = c.playlist().segments().get(contentIndex);
            if (!original.keys().isEmpty() && original.keys().get(0).method().equals("AES-128")) {
                String iv = out.get(k).keys().get(0).iv();
                if (k == contentIndex) {
                    assertEquals(null, iv, what + ": segment " + k + " keeps its sequence number");
                } else {
                    assertEquals("0x" + String.format(Locale.ROOT, "%032X",
                            c.playlist().firstMediaSequence() + contentIndex), iv, what + ": IV of segment " + k);
                }
            }
            contentIndex++;
        }
    }

    private static MediaPlaylist content(Random rnd, boolean fmp4) {
        int n = rnd.nextInt(40);
        boolean ranges = rnd.nextInt(3) == 0;
        boolean offsets = rnd.nextBoolean();
        int keying = rnd.nextInt(3);
        int dating = rnd.nextInt(3);
        Instant start = Instant.parse("2024-05-01T10:00:00Z").plusSeconds(rnd.nextInt(100_000));
        InitSection map = fmp4 ? InitSection.of("init.mp4") : null;
        List<MediaSegment> segments = new ArrayList<>();
        long elapsed = 0;
        long offset = 0;
        long target = 1;
        for (int i = 0; i < n; i++) {
            DecimalSeconds d = duration(rnd);
            target = Math.max(target, d.roundedSeconds());
            MediaSegment.Builder b = MediaSegment.builder(ranges ? "all" + (fmp4 ? ".mp4" : ".ts")
                    : "s" + i + (fmp4 ? ".m4s" : ".ts"), d).map(map);
            if (ranges) {
                long length = 1000 + rnd.nextInt(100_000);
                b.byteRange(new ByteRange(length, offsets || i == 0 ? offset : null));
                offset += length;
            }
            if (keying == 1) {
                b.keys(List.of(EncryptionKey.of("AES-128", "key" + (i / 10) + ".bin")));
            } else if (keying == 2 && i >= n / 2) {
                b.keys(List.of(EncryptionKey.of("SAMPLE-AES", "skd://k")));
            }
            if (dating == 1 && i == 0 || dating == 2) {
                b.programDateTime(HlsDateTime.of(start.plusNanos(elapsed * 1000)));
            }
            if (i > 0 && rnd.nextInt(20) == 0) {
                b.discontinuity(true);
            }
            elapsed += d.micros();
            segments.add(b.build());
        }
        return MediaPlaylist.builder().version(6).targetDuration(target).mediaSequence((long) rnd.nextInt(500))
                .discontinuitySequence(rnd.nextBoolean() ? null : (long) rnd.nextInt(5))
                .playlistType(PlaylistType.VOD).endList(true).segments(segments).build();
    }

    private static DecimalSeconds duration(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return DecimalSeconds.parse(new String[] {"2", "4", "6", "10"}[rnd.nextInt(4)]);
            case 1:
                return DecimalSeconds.parse(new String[] {"3.84", "6.006", "9.97664", "5.994667"}[rnd.nextInt(4)]);
            default:
                return DecimalSeconds.ofMicros(500_000 + rnd.nextInt(9_500_000));
        }
    }

    private static AdMedia ad(Random rnd, String id, boolean playable) {
        SyntheticAd ad = new SyntheticAd(id, 1_000_000L * (5 + rnd.nextInt(30)));
        int variants = 1 + rnd.nextInt(3);
        for (int v = 0; v < variants; v++) {
            if (!playable) {
                ad.unfetchedVariant(500_000L * (1 + rnd.nextInt(10)), CODECS[rnd.nextInt(CODECS.length)]);
                continue;
            }
            ad.variant(500_000L * (1 + rnd.nextInt(10)), rnd.nextBoolean() ? "1280x720" : "640x360",
                    CODECS[rnd.nextInt(CODECS.length)], rnd.nextBoolean() ? "aud" : null, rnd.nextBoolean(),
                    durations(rnd));
        }
        if (rnd.nextBoolean()) {
            ad.audio("aud", rnd.nextBoolean() ? "en" : "sv", rnd.nextBoolean(), rnd.nextBoolean(), durations(rnd));
        }
        return ad.build();
    }

    private static String[] durations(Random rnd) {
        String[] out = new String[1 + rnd.nextInt(5)];
        for (int i = 0; i < out.length; i++) {
            out[i] = duration(rnd).text();
        }
        return out;
    }

    private static Target target(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0:
                return Target.variant(StreamInfo.builder().bandwidth(300_000L + rnd.nextInt(6_000_000))
                        .codecs(CODECS[rnd.nextInt(CODECS.length)]).build());
            case 1:
                return new Target(Target.Kind.AUDIO, null, rnd.nextBoolean() ? "en" : "fr", "aud");
            default:
                return new Target(Target.Kind.SUBTITLES, null, "en", "subs");
        }
    }

    @Test
    void nearestBoundaryByBruteForceAgreesOnGeneratedContents() {
        Random rnd = new Random(7);
        for (int c = 0; c < 50; c++) {
            ContentMedia content = ContentMedia.of(content(rnd, false), URI.create("https://o.example/x.m3u8"));
            for (int k = 0; k < 50; k++) {
                long p = (long) (rnd.nextDouble() * 1.2 * content.durationMicros());
                assertEquals(nearest(content, p), content.boundaryFor(p), "case " + c + " position " + p);
            }
            assertTrue(content.boundaryFor(Break.POST_ROLL) == content.segmentCount());
        }
    }
}
