package io.podium.ssai.stitch;

import io.podium.ssai.hls.DecimalSeconds;
import io.podium.ssai.hls.InitSection;
import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import io.podium.ssai.hls.PlaylistType;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.Resolution;
import io.podium.ssai.hls.StreamInfo;
import io.podium.ssai.hls.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds ad packages in code, for cases the resource packages do not cover. Not thread-safe. */
final class SyntheticAd {
    private final String adId;
    private final long declaredMicros;
    private final URI masterUri;
    private final List<MasterEntry> entries = new ArrayList<>();
    private final Map<URI, MediaPlaylist> media = new LinkedHashMap<>();
    private int playlists;

    SyntheticAd(String adId, long declaredMicros) {
        this.adId = adId;
        this.declaredMicros = declaredMicros;
        this.masterUri = StitchFixtures.ADS.resolve(adId + "/master.m3u8");
    }

    /** A variant with its media playlist: TS, or fMP4 with an EXT-X-MAP; {@code resolution} may be null. */
    SyntheticAd variant(long bandwidth, String resolution, String codecs, String audioGroup, boolean fmp4,
            String... durations) {
        String uri = "v" + playlists++ + ".m3u8";
        StreamInfo stream = StreamInfo.builder().bandwidth(bandwidth)
                .resolution(resolution == null ? null : Resolution.parse(resolution)).codecs(codecs).audio(audioGroup)
                .build();
        entries.add(new Variant(stream, uri));
        media.put(masterUri.resolve(uri), media(uri, fmp4, durations));
        return this;
    }

    /** A variant whose media playlist is not supplied. */
    SyntheticAd unfetchedVariant(long bandwidth, String codecs) {
        entries.add(new Variant(StreamInfo.builder().bandwidth(bandwidth).codecs(codecs).build(),
                "missing" + playlists++ + ".m3u8"));
        return this;
    }

    /** An AUDIO rendition with its media playlist. */
    SyntheticAd audio(String groupId, String language, boolean isDefault, boolean fmp4, String... durations) {
        String uri = "a" + playlists++ + ".m3u8";
        entries.add(Rendition.builder(RenditionType.AUDIO, groupId, "audio-" + language).language(language)
                .isDefault(isDefault).uri(uri).build());
        media.put(masterUri.resolve(uri), media(uri, fmp4, durations));
        return this;
    }

    AdMedia build() {
        return new AdMedia(adId, declaredMicros, new MasterPlaylist(6, false, null, entries), masterUri, media);
    }

    static MediaPlaylist media(String name, boolean fmp4, String... durations) {
        String stem = name.substring(0, name.indexOf('.'));
        List<MediaSegment> segments = new ArrayList<>();
        long target = 1;
        for (int i = 0; i < durations.length; i++) {
            DecimalSeconds d = DecimalSeconds.parse(durations[i]);
            target = Math.max(target, d.roundedSeconds());
            segments.add(MediaSegment.builder(stem + "-" + i + (fmp4 ? ".m4s" : ".ts"), d)
                    .map(fmp4 ? InitSection.of(stem + "-init.mp4") : null).build());
        }
        return MediaPlaylist.builder().version(fmp4 ? 6 : 3).targetDuration(target).mediaSequence(0L)
                .playlistType(PlaylistType.VOD).endList(true).segments(segments).build();
    }
}
