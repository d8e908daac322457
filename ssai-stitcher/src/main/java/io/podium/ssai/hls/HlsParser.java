package io.podium.ssai.hls;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HLS playlists (RFC 8216) into the model, telling master from media playlists by their tags.
 *
 * <p>Tolerant of what does not change meaning: a byte order mark, CRLF or CR line ends, blank
 * lines, whitespace around lines and around attribute separators, a missing comma after an EXTINF
 * duration, and tags in an unusual order. Values the {@link HlsChecker} should report (missing
 * BANDWIDTH, negative media sequence, durations above the target...) are read as they are.
 * Everything else is refused with an {@link HlsParseException} naming the line.
 *
 * <p>Input above the size cap is refused before it is read. Instances are immutable and
 * thread-safe.
 */
public final class HlsParser {
    /** The default size cap: 16 Mi characters, far above any real playlist. */
    public static final int DEFAULT_MAX_CHARS = 16 << 20;

    private final int maxChars;

    /** A parser with the {@link #DEFAULT_MAX_CHARS default} size cap. */
    public HlsParser() {
        this(DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxChars the largest input accepted, in characters
     * @throws IllegalArgumentException if {@code maxChars} is not positive
     */
    public HlsParser(int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Reads a master or media playlist. */
    public Playlist parse(String text) throws HlsParseException {
        return parseWithSource(text).playlist();
    }

    /**
     * Reads a playlist from {@code in}, reading at most one character beyond the size cap; does not
     * close {@code in}.
     */
    public Playlist parse(Reader in) throws IOException, HlsParseException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) maxChars + 1 - text.length()))) > 0) {
            text.append(buffer, 0, n);
            if (text.length() > maxChars) {
                throw tooLarge("more than " + maxChars);
            }
        }
        return parse(text.toString());
    }

    /** Reads a playlist that must be a media playlist. */
    public MediaPlaylist parseMedia(String text) throws HlsParseException {
        Playlist p = parse(text);
        if (p instanceof MediaPlaylist) {
            return (MediaPlaylist) p;
        }
        throw new HlsParseException(0, "expected a media playlist, found a master playlist");
    }

    /** Reads a playlist that must be a master playlist. */
    public MasterPlaylist parseMaster(String text) throws HlsParseException {
        Playlist p = parse(text);
        if (p instanceof MasterPlaylist) {
            return (MasterPlaylist) p;
        }
        throw new HlsParseException(0, "expected a master playlist, found a media playlist");
    }

    /** Reads a playlist and where each of its parts was written. */
    public SourcedPlaylist parseWithSource(String text) throws HlsParseException {
        if (text.length() > maxChars) {
            throw tooLarge(Integer.toString(text.length()));
        }
        List<RawLine> lines = lines(text);
        if (lines.isEmpty()) {
            throw new HlsParseException(1, "missing #EXTM3U: the input is empty");
        }
        RawLine first = lines.get(0);
        if (!HlsTags.EXTM3U.equals(first.tag()) || first.value() != null) {
            throw new HlsParseException(first.number(), "missing #EXTM3U: a playlist must start with it, found '"
                    + abbreviate(first.text()) + "'");
        }
        return isMaster(lines) ? new MasterPlaylistReader(lines).read() : new MediaPlaylistReader(lines).read();
    }

    private HlsParseException tooLarge(String size) {
        return new HlsParseException(0, "playlist of " + size + " characters is above the cap of " + maxChars);
    }

    /** Non-blank lines, trimmed, numbered from 1; a leading byte order mark is dropped. */
    private static List<RawLine> lines(String text) {
        List<RawLine> out = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int number = 1;
        int n = text.length();
        for (int i = start; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                String line = text.substring(start, i).strip();
                if (!line.isEmpty()) {
                    out.add(RawLine.of(number, line));
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                number++;
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Whether the lines are a master playlist: they have a master tag. A playlist with both master
     * and media tags is refused at the first tag of the kind that came second.
     */
    private static boolean isMaster(List<RawLine> lines) throws HlsParseException {
        RawLine master = null;
        RawLine media = null;
        for (RawLine l : lines) {
            String tag = l.tag();
            if (tag == null) {
                continue;
            }
            if (master == null && HlsTags.MASTER.contains(tag)) {
                master = l;
            } else if (media == null && (HlsTags.MEDIA_HEADER.contains(tag) || HlsTags.SEGMENT.contains(tag))) {
                media = l;
            }
            if (master != null && media != null) {
                RawLine later = master.number() > media.number() ? master : media;
                RawLine earlier = later == master ? media : master;
                throw new HlsParseException(later.number(), "#" + later.tag() + " cannot be in the same playlist as #"
                        + earlier.tag() + " (line " + earlier.number() + "): a playlist is either master or media");
            }
        }
        return master != null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
