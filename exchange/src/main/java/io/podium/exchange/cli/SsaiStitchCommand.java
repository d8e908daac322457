package io.podium.exchange.cli;

import io.podium.exchange.ssai.AdMediaPicker;
import io.podium.exchange.ssai.MediaIndex;
import io.podium.exchange.ssai.PlaylistSource;
import io.podium.ssai.dash.DashAd;
import io.podium.ssai.dash.DashBreak;
import io.podium.ssai.dash.DashStitched;
import io.podium.ssai.dash.DashStitcher;
import io.podium.ssai.dash.Mpd;
import io.podium.ssai.dash.MpdChecker;
import io.podium.ssai.dash.MpdParser;
import io.podium.ssai.dash.MpdWriter;
import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.HlsProblem;
import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Playlist;
import io.podium.ssai.origin.OriginPolicy;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.stitch.AdMedia;
import io.podium.ssai.stitch.Break;
import io.podium.ssai.stitch.ContentMedia;
import io.podium.ssai.stitch.HlsStitcher;
import io.podium.ssai.stitch.SegmentLinker;
import io.podium.ssai.stitch.SkippedAd;
import io.podium.ssai.stitch.StitchOptions;
import io.podium.ssai.stitch.StitchedMedia;
import io.podium.vast.model.Ad;
import io.podium.vast.model.Vast;
import io.podium.vast.parse.VastParser;
import io.podium.vast.vmap.AdBreak;
import io.podium.vast.vmap.AdTagUri;
import io.podium.vast.vmap.VastAdData;
import io.podium.vast.vmap.Vmap;
import io.podium.vast.vmap.VmapParser;
import io.podium.vast.wrapper.HttpVastFetcher;
import io.podium.vast.wrapper.WrapperResolver;
import io.podium.vast.xml.SafeXml;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code podium ssai stitch --content FILE-or-URL --vmap FILE-or-URL --out DIR}: stitches the
 * VMAP's breaks into an HLS content (master + every variant and rendition) or a DASH MPD,
 * offline, with the same stitcher the server uses, and writes the result for checking:
 * {@code master.m3u8} and {@code v<i>.m3u8} (or {@code manifest.mpd}). Each break's ads come
 * from its inline VAST or its tag URI (wrappers followed), each ad's HLS/DASH MediaFile is
 * used. Prints what was written, the ads skipped and why, and what the checker says. Exit 0
 * when everything was written and the checker found no error, 1 otherwise, 2 for bad input.
 */
@Command(name = "stitch", mixinStandardHelpOptions = true,
        description = "Stitch a VMAP's ad breaks into HLS or DASH content and write the result to a directory.")
final class SsaiStitchCommand implements Callable<Integer> {
    private static final int MAX_BYTES = 16 << 20;

    @Option(names = "--content", required = true, description = "HLS master playlist or DASH MPD (file or URL)")
    String content;

    @Option(names = "--vmap", required = true, description = "VMAP 1.0 document (file or URL)")
    String vmap;

    @Option(names = "--out", required = true, description = "Directory to write the stitched playlists to")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        HttpVastFetcher http = new HttpVastFetcher(Duration.ofSeconds(10), MAX_BYTES, "Podium/0.1 (ssai stitch)",
                uri -> true);
        LocalOrHttpFetcher fetcher = new LocalOrHttpFetcher(http, MAX_BYTES);
        URI contentUri = LocalOrHttpFetcher.toUri(content);
        URI vmapUri = LocalOrHttpFetcher.toUri(vmap);
        byte[] contentBytes;
        Vmap plan;
        try {
            contentBytes = fetcher.get(contentUri).join();
            plan = new VmapParser(new SafeXml(MAX_BYTES)).parse(fetcher.get(vmapUri).join());
        } catch (CompletionException e) {
            w.println("error: " + e.getCause().getMessage());
            w.flush();
            return 2;
        } catch (io.podium.vast.vmap.VmapParseException e) {
            w.println("error: " + vmap + ": " + e.getMessage());
            w.flush();
            return 2;
        }
        Files.createDirectories(out);
        boolean dash = new String(contentBytes, 0, Math.min(contentBytes.length, 512), StandardCharsets.UTF_8)
                .stripLeading().startsWith("<");
        List<PlannedBreak> breaks = plan(plan, fetcher, dash ? AdMediaPicker.Kind.DASH : AdMediaPicker.Kind.HLS, w);
        int status = dash ? dash(contentBytes, contentUri, breaks, fetcher, w) : hls(contentBytes, contentUri, breaks,
                fetcher, w);
        w.flush();
        return status;
    }

    /** A VMAP break with its ads picked: position in microseconds (percentages resolved later). */
    private record PlannedBreak(String id, io.podium.vast.vmap.TimeOffset offset, List<AdDecision> ads) {
    }

    private static List<PlannedBreak> plan(Vmap plan, LocalOrHttpFetcher fetcher, AdMediaPicker.Kind kind,
                                           PrintWriter w) {
        VastParser parser = new VastParser(new SafeXml(MAX_BYTES));
        WrapperResolver resolver = new WrapperResolver(fetcher, parser, 5, Clock.systemUTC());
        List<PlannedBreak> out = new ArrayList<>();
        int n = 0;
        for (AdBreak b : plan.breaks()) {
            String id = b.breakId() != null ? b.breakId() : "break-" + (n + 1);
            n++;
            if (b.timeOffset().kind() == io.podium.vast.vmap.TimeOffset.Kind.POSITION) {
                w.println("break " + id + ": position offsets (#n) are not supported; skipped");
                continue;
            }
            List<AdDecision> ads = new ArrayList<>();
            try {
                Vast vast = null;
                URI base = null;
                if (b.adSource() != null && b.adSource().data() instanceof VastAdData inline) {
                    vast = parser.parse(inline.xml().getBytes(StandardCharsets.UTF_8));
                } else if (b.adSource() != null && b.adSource().data() instanceof AdTagUri tag) {
                    base = LocalOrHttpFetcher.toUri(tag.url().trim());
                    vast = parser.parse(fetcher.get(base).join());
                }
                if (vast == null) {
                    w.println("break " + id + ": no VAST (custom ad data is not supported); left empty");
                } else {
                    int k = 0;
                    for (Ad ad : resolver.resolve(vast, base).join().ads()) {
                        String adId = id + "-" + (++k) + (ad.id() == null ? "" : "-" + ad.id());
                        AdDecision d = AdMediaPicker.pick(ad, adId, kind);
                        if (d == null) {
                            w.println("ad " + adId + ": no " + kind + " MediaFile; skipped");
                        } else {
                            ads.add(d);
                        }
                    }
                }
            } catch (io.podium.vast.parse.VastParseException | CompletionException e) {
                w.println("break " + id + ": its VAST cannot be read (" + e.getMessage() + "); left empty");
            }
            out.add(new PlannedBreak(id, b.timeOffset(), ads));
        }
        return out;
    }

    private static long positionMicros(io.podium.vast.vmap.TimeOffset t, long contentMicros) {
        return switch (t.kind()) {
            case START -> 0;
            case END -> Long.MAX_VALUE;
            case TIME -> t.value() * 1000;
            case PERCENT -> t.value() == 100 ? Long.MAX_VALUE : contentMicros * t.value() / 100;
            case POSITION -> throw new IllegalArgumentException("position offsets are not supported");
        };
    }

    private int hls(byte[] bytes, URI contentUri, List<PlannedBreak> planned, LocalOrHttpFetcher fetcher,
                    PrintWriter w) throws Exception {
        HlsParser parser = new HlsParser(MAX_BYTES);
        Playlist p = parser.parse(new String(bytes, StandardCharsets.UTF_8));
        if (!(p instanceof MasterPlaylist master)) {
            w.println("error: " + content + " is a media playlist; give the master playlist");
            return 2;
        }
        MediaIndex index = new MediaIndex(master, contentUri);
        List<ContentMedia> media = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            Playlist mp = parser.parse(new String(fetcher.get(index.uri(i)).join(), StandardCharsets.UTF_8));
            if (!(mp instanceof MediaPlaylist m)) {
                w.println("error: " + index.uri(i) + " is not a media playlist");
                return 2;
            }
            media.add(ContentMedia.of(m, index.uri(i)));
        }
        long contentMicros = media.isEmpty() ? 0 : media.get(0).durationMicros();
        PlaylistSource ads = new PlaylistSource(new OriginPolicy(List.of()), fetcher, fetcher, MAX_BYTES,
                Clock.systemUTC(), 60_000, 1000);
        List<Break> breaks = new ArrayList<>();
        for (PlannedBreak b : planned) {
            List<AdMedia> list = new ArrayList<>();
            for (AdDecision d : b.ads()) {
                list.add(ads.ad(d.adId(), d.durationMicros(), d.mediaUri()).join());
            }
            breaks.add(new Break(b.id(), positionMicros(b.offset(), contentMicros), list));
        }
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);
        HlsWriter writer = new HlsWriter();
        HlsChecker checker = new HlsChecker();
        boolean errors = false;
        MasterPlaylist stitchedMaster = stitcher.stitchMaster(master, contentUri, u -> "v" + index.indexOf(u) + ".m3u8");
        errors |= write(out.resolve("master.m3u8"), writer.write(stitchedMaster), checker, w);
        for (int i = 0; i < index.size(); i++) {
            StitchedMedia s = stitcher.stitchMedia(media.get(i), index.target(i), breaks, SegmentLinker.DIRECT);
            errors |= write(out.resolve("v" + i + ".m3u8"), writer.write(s.playlist()), checker, w);
            for (SkippedAd a : s.skipped()) {
                String line = "ad " + a.adId() + " skipped in v" + i + ".m3u8: " + a.reason() + " (VAST error "
                        + a.reason().vastErrorCode() + ")";
                w.println(line);
            }
        }
        w.println(breaks.size() + " break(s), " + breaks.stream().mapToInt(b -> b.ads().size()).sum() + " ad(s), "
                + (index.size() + 1) + " playlist(s) written to " + out);
        return errors ? 1 : 0;
    }

    private static boolean write(Path file, String text, HlsChecker checker, PrintWriter w) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        boolean errors = false;
        for (HlsProblem p : checker.check(text)) {
            w.println(file.getFileName() + ":" + p.line() + ": " + p.severity() + ": " + p.rule() + ": " + p.message());
            errors |= p.severity() == HlsProblem.Severity.ERROR;
        }
        w.println("wrote " + file);
        return errors;
    }

    private int dash(byte[] bytes, URI contentUri, List<PlannedBreak> planned, LocalOrHttpFetcher fetcher,
                     PrintWriter w) throws Exception {
        MpdParser parser = new MpdParser(new SafeXml(MAX_BYTES));
        Mpd mpd;
        try {
            mpd = parser.parse(bytes);
        } catch (io.podium.ssai.dash.MpdParseException e) {
            w.println("error: " + content + ": " + e.getMessage());
            return 2;
        }
        long contentMicros = mpd.mediaPresentationDurationMicros() == null ? 0 : mpd.mediaPresentationDurationMicros();
        List<DashBreak> breaks = new ArrayList<>();
        for (PlannedBreak b : planned) {
            List<DashAd> ads = new ArrayList<>();
            for (AdDecision d : b.ads()) {
                try {
                    ads.add(new DashAd(d.adId(), d.durationMicros(), parser.parse(fetcher.get(d.mediaUri()).join()),
                            d.mediaUri()));
                } catch (io.podium.ssai.dash.MpdParseException | CompletionException e) {
                    w.println("ad " + d.adId() + ": its MPD cannot be read; skipped");
                }
            }
            breaks.add(new DashBreak(b.id(), positionMicros(b.offset(), contentMicros), ads));
        }
        DashStitched stitched = new DashStitcher().stitch(mpd, contentUri, breaks);
        String text = new MpdWriter().write(stitched.mpd());
        Path file = out.resolve("manifest.mpd");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        w.println("wrote " + file);
        stitched.skipped().forEach(a -> w.println("ad " + a.adId() + " skipped: " + a.reason()));
        boolean errors = false;
        for (var p : new MpdChecker().check(text)) {
            w.println("manifest.mpd:" + p.line() + ": " + p.severity() + ": " + p.rule() + ": " + p.message());
            errors |= p.severity().name().equals("ERROR");
        }
        return errors ? 1 : 0;
    }
}
