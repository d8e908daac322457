package io.podium.simulator.dsp;

/**
 * Creative markup of a mock DSP: a small VAST 4.2 inline document for video, an HTML snippet
 * for banners. Both fire an impression pixel at the DSP's {@code /notice/imp} with the
 * {@code ${AUCTION_PRICE}} macro left for the exchange or player to expand.
 */
final class AdMarkup {
    private AdMarkup() {
    }

    static String impressionUrl(String base, String bidId) {
        return base + "/notice/imp?bid=" + bidId + "&price=${AUCTION_PRICE}";
    }

    /**
     * A VAST 4.2 InLine ad with one linear creative of {@code durSeconds}: a progressive MP4 and
     * an HLS stream (served by the mock DSP itself, see {@link #hlsPlaylist}) for SSAI.
     */
    static String vast(String base, String bidId, String crid, String adomain, int durSeconds, int w, int h) {
        String duration = String.format("%02d:%02d:%02d", durSeconds / 3600, durSeconds / 60 % 60, durSeconds % 60);
        return "<VAST version=\"4.2\" xmlns=\"http://www.iab.com/VAST\">"
                + "<Ad id=\"" + bidId + "\"><InLine>"
                + "<AdSystem version=\"1\">podium-mock-dsp</AdSystem>"
                + "<Error><![CDATA[" + base + "/notice/error?bid=" + bidId + "&code=[ERRORCODE]]]></Error>"
                + "<Impression id=\"imp\"><![CDATA[" + impressionUrl(base, bidId) + "]]></Impression>"
                + "<AdServingId>" + bidId + "</AdServingId>"
                + "<AdTitle>" + crid + "</AdTitle>"
                + "<Advertiser>" + adomain + "</Advertiser>"
                + "<Creatives><Creative id=\"" + crid + "\" adId=\"" + crid + "\">"
                + "<Linear><Duration>" + duration + "</Duration>"
                + "<MediaFiles><MediaFile delivery=\"progressive\" type=\"video/mp4\" width=\"" + w + "\" height=\"" + h
                + "\" bitrate=\"2000\"><![CDATA[" + base + "/media/" + crid + ".mp4]]></MediaFile>"
                + "<MediaFile delivery=\"streaming\" type=\"application/x-mpegURL\" width=\"" + w + "\" height=\"" + h
                + "\" bitrate=\"2000\"><![CDATA[" + base + "/media/" + crid + "-" + durSeconds + "s.m3u8]]></MediaFile>"
                + "</MediaFiles>"
                + "</Linear>"
                // the IAB 4.2 schema orders UniversalAdId after the creative's Linear element
                + "<UniversalAdId idRegistry=\"podium-mock\">" + crid + "</UniversalAdId>"
                + "</Creative></Creatives>"
                + "</InLine></Ad></VAST>";
    }

    /** A clickable image with an impression pixel. */
    static String banner(String base, String bidId, String crid, String adomain, int w, int h) {
        return "<a href=\"https://" + adomain + "/\" target=\"_blank\"><img src=\"" + base + "/media/" + crid
                + ".png\" width=\"" + w + "\" height=\"" + h + "\" alt=\"\"></a>"
                + "<img src=\"" + impressionUrl(base, bidId) + "\" width=\"1\" height=\"1\" style=\"display:none\" alt=\"\">";
    }

    /** Longest segment of the HLS ad streams, seconds. */
    static final int HLS_SEGMENT_SECONDS = 6;

    /**
     * The HLS media playlist of an ad of {@code durSeconds}: segments of at most
     * {@value #HLS_SEGMENT_SECONDS} s named {@code <name>-<n>.ts}, next to the playlist.
     */
    static String hlsPlaylist(String name, int durSeconds) {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:")
                .append(Math.min(HLS_SEGMENT_SECONDS, Math.max(1, durSeconds))).append("\n#EXT-X-MEDIA-SEQUENCE:0\n"
                        + "#EXT-X-PLAYLIST-TYPE:VOD\n");
        int left = durSeconds;
        for (int n = 0; left > 0; n++) {
            int d = Math.min(HLS_SEGMENT_SECONDS, left);
            sb.append("#EXTINF:").append(d).append(".000,\n").append(name).append('-').append(n).append(".ts\n");
            left -= d;
        }
        return sb.append("#EXT-X-ENDLIST\n").toString();
    }
}
