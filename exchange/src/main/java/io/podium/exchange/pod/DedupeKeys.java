package io.podium.exchange.pod;

import io.podium.openrtb.Bid;
import io.podium.openrtb.PodDeduplication;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Competitive separation within a pod (AdCOM 1.0 List: Pod Deduplication): the keys two ads
 * of one pod must never share. Stateless.
 *
 * <ul>
 *   <li>1 adomain: {@code adomain:<domain>} per advertiser domain, lower case, without a
 *       leading {@code www.}</li>
 *   <li>2 IAB content taxonomy: {@code cat:<cattax>:<code>} per category (exact codes: IAB2
 *       and IAB2-3 are different categories)</li>
 *   <li>3 creative id: {@code crid:<bidder>/<crid>} (creative ids are a bidder's own namespace)</li>
 *   <li>4 mediafile URL: {@code media:<url>} per {@code <MediaFile>} URL of the VAST markup
 *       in {@code adm} (markup served on the win notice cannot be checked)</li>
 *   <li>5 no deduplication: alone, no keys; listed with other settings it is ignored</li>
 * </ul>
 * When the request gives no setting, Podium separates by advertiser domain and by category.
 */
public final class DedupeKeys {
    private static final Pattern MEDIA_FILE = Pattern.compile("<MediaFile\\b[^>]*>(.*?)</MediaFile>", Pattern.DOTALL);
    private static final Set<PodDeduplication> DEFAULT = EnumSet.of(PodDeduplication.POD_DEDUPLICATION_ADOMAIN,
            PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY);

    private DedupeKeys() {
    }

    /** The settings in force for a pod whose imps sent {@code requested} (all its imps' lists together). */
    public static Set<PodDeduplication> settings(List<PodDeduplication> requested) {
        Set<PodDeduplication> out = EnumSet.noneOf(PodDeduplication.class);
        for (PodDeduplication d : requested) {
            if (d != PodDeduplication.POD_DEDUPLICATION_UNSPECIFIED && d != PodDeduplication.UNRECOGNIZED) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            return EnumSet.copyOf(DEFAULT);
        }
        if (out.size() > 1) {
            out.remove(PodDeduplication.POD_DEDUPLICATION_NONE);
        }
        if (out.contains(PodDeduplication.POD_DEDUPLICATION_NONE)) {
            return EnumSet.noneOf(PodDeduplication.class);
        }
        return out;
    }

    /** The keys of one bid under {@code settings}; empty when nothing is compared. */
    public static List<String> of(Set<PodDeduplication> settings, String bidderId, Bid bid) {
        Set<String> keys = new LinkedHashSet<>();
        if (settings.contains(PodDeduplication.POD_DEDUPLICATION_ADOMAIN)) {
            for (String d : bid.getAdomainList()) {
                String domain = d.trim().toLowerCase(Locale.ROOT);
                if (domain.startsWith("www.")) {
                    domain = domain.substring(4);
                }
                if (!domain.isEmpty()) {
                    keys.add("adomain:" + domain);
                }
            }
        }
        if (settings.contains(PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY)) {
            int cattax = bid.hasCattax() ? bid.getCattaxValue() : 1;
            for (String c : bid.getCatList()) {
                String code = c.trim();
                if (!code.isEmpty()) {
                    keys.add("cat:" + cattax + ":" + code.toUpperCase(Locale.ROOT));
                }
            }
        }
        if (settings.contains(PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID) && !bid.getCrid().isEmpty()) {
            keys.add("crid:" + bidderId + "/" + bid.getCrid());
        }
        if (settings.contains(PodDeduplication.POD_DEDUPLICATION_MEDIAFILE_URL)) {
            for (String url : mediaFileUrls(bid.getAdm())) {
                keys.add("media:" + url);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The text of every {@code <MediaFile>} element of a VAST document, CDATA unwrapped, trimmed. */
    static List<String> mediaFileUrls(String vast) {
        List<String> urls = new ArrayList<>();
        if (vast == null || vast.indexOf("<MediaFile") < 0) {
            return urls;
        }
        Matcher m = MEDIA_FILE.matcher(vast);
        while (m.find()) {
            String text = m.group(1).trim();
            if (text.startsWith("<![CDATA[") && text.endsWith("]]>")) {
                text = text.substring(9, text.length() - 3).trim();
            } else {
                text = text.replace("&amp;", "&");
            }
            if (!text.isEmpty()) {
                urls.add(text);
            }
        }
        return urls;
    }
}
