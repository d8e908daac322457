package io.podium.exchange.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.openrtb.Bid;
import io.podium.openrtb.CategoryTaxonomy;
import io.podium.openrtb.PodDeduplication;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupeKeysTest {
    private static final Bid BID = Bid.newBuilder().setId("b").setCrid("spot-7").addAdomain("WWW.Shop.example")
            .addAdomain("brand.example").addCat("iab22").addCat("IAB22-1")
            .setAdm("<VAST version=\"4.2\"><Ad><InLine><Creatives><Creative><Linear><MediaFiles>"
                    + "<MediaFile delivery=\"progressive\" type=\"video/mp4\"><![CDATA[ https://cdn.example/a.mp4 ]]></MediaFile>"
                    + "<MediaFile type=\"video/webm\">https://cdn.example/a.webm?x=1&amp;y=2</MediaFile>"
                    + "</MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>").build();

    @Test
    void withoutSettingsPodiumSeparatesByAdvertiserAndCategory() {
        assertEquals(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_ADOMAIN,
                PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY), DedupeKeys.settings(List.of()));
    }

    @Test
    void noDeduplicationAloneTurnsSeparationOffAndIsIgnoredBesideOthers() {
        assertEquals(Set.of(), DedupeKeys.settings(List.of(PodDeduplication.POD_DEDUPLICATION_NONE)));
        assertEquals(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID), DedupeKeys.settings(List.of(
                PodDeduplication.POD_DEDUPLICATION_NONE, PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID)));
    }

    @Test
    void adomainKeysAreLowerCaseWithoutWww() {
        assertEquals(List.of("adomain:shop.example", "adomain:brand.example"),
                DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_ADOMAIN), "dsp", BID));
    }

    @Test
    void categoryKeysNameTheirTaxonomy() {
        assertEquals(List.of("cat:1:IAB22", "cat:1:IAB22-1"),
                DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY), "dsp", BID));
        Bid v3 = BID.toBuilder().setCattax(CategoryTaxonomy.forNumber(7)).build();
        assertEquals("cat:7:IAB22",
                DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY), "dsp", v3).get(0));
    }

    @Test
    void creativeIdKeysBelongToTheirBidder() {
        assertEquals(List.of("crid:dsp/spot-7"),
                DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID), "dsp", BID));
    }

    @Test
    void mediaFileKeysComeFromTheVastMarkup() {
        assertEquals(List.of("media:https://cdn.example/a.mp4", "media:https://cdn.example/a.webm?x=1&y=2"),
                DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_MEDIAFILE_URL), "dsp", BID));
        assertEquals(List.of(), DedupeKeys.of(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_MEDIAFILE_URL), "dsp",
                BID.toBuilder().clearAdm().setNurl("https://dsp/markup").build()), "markup on the win notice: nothing to compare");
    }
}
