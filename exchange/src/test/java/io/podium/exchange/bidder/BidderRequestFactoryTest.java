package io.podium.exchange.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.config.BidderConfig;
import io.podium.openrtb.Audio;
import io.podium.openrtb.Banner;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.Native;
import io.podium.openrtb.Pmp;
import io.podium.openrtb.Site;
import io.podium.openrtb.Source;
import io.podium.openrtb.SupplyChain;
import io.podium.openrtb.SupplyChainNode;
import io.podium.openrtb.Video;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BidderRequestFactoryTest {
    private static final String TID = "tid-42";
    private final BidderRequestFactory factory = new BidderRequestFactory("podium.example", "pub-7");

    private static BidderConfig bidder(String seat, String... media) {
        return new BidderConfig("dsp-" + seat, URI.create("http://127.0.0.1:9/bid"), "json", false, Set.of(media), 0,
                seat, 0);
    }

    private static final BidderConfig ALL_MEDIA = bidder("seat-a", "banner", "video", "audio", "native");

    private static Banner banner() {
        return Banner.newBuilder().setW(300).setH(250).build();
    }

    private static Video video() {
        return Video.newBuilder().addMimes("video/mp4").setMaxduration(30).build();
    }

    private static BidRequest.Builder request(Imp... imps) {
        return BidRequest.newBuilder().setId("req-1").setTmax(500)
                .setSite(Site.newBuilder().setDomain("pub.example"))
                .addAllImp(List.of(imps));
    }

    private static List<String> impIds(BidRequest r) {
        return r.getImpList().stream().map(Imp::getId).collect(Collectors.toList());
    }

    // ------------------------------------------------------------ media

    @Test
    void keepsOnlyVideoOfABannerAndVideoImpForAVideoOnlyBidder() {
        // given
        Imp imp = Imp.newBuilder().setId("1").setBanner(banner()).setVideo(video()).setBidfloor(1.5).build();

        // when
        BidRequest out = factory.build(request(imp).build(), bidder("v", "video"), TID, 120);

        // then
        Imp sent = out.getImp(0);
        assertFalse(sent.hasBanner());
        assertTrue(sent.hasVideo());
        assertEquals(video(), sent.getVideo());
        assertEquals(1.5, sent.getBidfloor());
    }

    @Test
    void keepsEveryPodFieldOfVideoAndAudioThroughTailoringAndJson() throws Exception {
        // given: a hybrid video pod (a fixed first slot and a dynamic part) and a dynamic audio pod
        Video slot = Video.newBuilder().addMimes("video/mp4").setPodid("pod-1").setPodseq(
                io.podium.openrtb.PodSequence.POD_SEQUENCE_FIRST).setSlotinpod(
                io.podium.openrtb.SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST).setMinduration(15).setMaxduration(15).build();
        Video dynamic = Video.newBuilder().addMimes("video/mp4").setPodid("pod-1").setPoddur(60).setMaxseq(4)
                .addRqddurs(15).addRqddurs(30).setMincpmpersec(0.25)
                .addPoddedupe(io.podium.openrtb.PodDeduplication.POD_DEDUPLICATION_ADOMAIN)
                .addPoddedupe(io.podium.openrtb.PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY)
                .addDurfloors(io.podium.openrtb.DurFloors.newBuilder().setMindur(1).setMaxdur(15).setBidfloor(5))
                .setSlotinpod(io.podium.openrtb.SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST_OR_LAST).build();
        Audio radio = Audio.newBuilder().addMimes("audio/mp4").setPodid("radio").setPoddur(90).setMaxseq(3)
                .setMincpmpersec(0.1).addDurfloors(io.podium.openrtb.DurFloors.newBuilder().setMindur(30).setBidfloor(2))
                .build();
        BidRequest request = request(Imp.newBuilder().setId("1").setVideo(slot).setBanner(banner()).build(),
                Imp.newBuilder().setId("2").setVideo(dynamic).build(),
                Imp.newBuilder().setId("3").setAudio(radio).build()).build();

        // when: a bidder that buys video and audio only (the banner is cut away)
        BidRequest out = factory.build(request, bidder("va", "video", "audio"), TID, 120);
        var codec = new io.podium.exchange.openrtb.OpenRtbJsonCodec();
        BidRequest wire = codec.decodeRequest(codec.encode(out));

        // then
        assertFalse(wire.getImp(0).hasBanner());
        assertEquals(slot, wire.getImp(0).getVideo());
        assertEquals(dynamic, wire.getImp(1).getVideo());
        assertEquals(radio, wire.getImp(2).getAudio());
    }

    @Test
    void dropsABannerOnlyImpForAVideoOnlyBidder() {
        // given
        Imp bannerOnly = Imp.newBuilder().setId("1").setBanner(banner()).build();
        Imp videoOnly = Imp.newBuilder().setId("2").setVideo(video()).build();

        // when
        BidRequest out = factory.build(request(bannerOnly, videoOnly).build(), bidder("v", "video"), TID, 120);

        // then
        assertEquals(List.of("2"), impIds(out));
    }

    @Test
    void returnsNullWhenNoImpIsLeft() {
        // given
        Imp bannerOnly = Imp.newBuilder().setId("1").setBanner(banner()).build();

        // then
        assertNull(factory.build(request(bannerOnly).build(), bidder("v", "video"), TID, 120));
    }

    @Test
    void dropsAnImpWithNoMediaObjectAtAll() {
        // given
        Imp empty = Imp.newBuilder().setId("1").build();
        Imp ok = Imp.newBuilder().setId("2").setBanner(banner()).build();

        // then
        assertEquals(List.of("2"), impIds(factory.build(request(empty, ok).build(), ALL_MEDIA, TID, 120)));
    }

    @Test
    void keepsAudioAndNativeForABidderThatBuysThem() {
        // given
        Imp imp = Imp.newBuilder().setId("1").setBanner(banner()).setAudio(Audio.newBuilder().addMimes("audio/mp4"))
                .setNative(Native.newBuilder().setRequest("{}")).build();

        // when
        Imp sent = factory.build(request(imp).build(), bidder("an", "audio", "native"), TID, 120).getImp(0);

        // then
        assertFalse(sent.hasBanner());
        assertTrue(sent.hasAudio());
        assertTrue(sent.hasNative());
    }

    // ------------------------------------------------------------ tmax, source

    @Test
    void setsTmaxToTheTimeTheBidderHas() {
        // when
        BidRequest out = factory.build(request(Imp.newBuilder().setId("1").setBanner(banner()).build()).build(),
                ALL_MEDIA, TID, 137);

        // then
        assertEquals(137, out.getTmax());
    }

    @Test
    void setsTheTransactionIdAndCreatesACompleteChainWithPodiumsNode() {
        // given
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).build()).build();

        // when
        BidRequest out = factory.build(req, ALL_MEDIA, TID, 120);

        // then
        Source source = out.getSource();
        assertEquals(TID, source.getTid());
        SupplyChain chain = source.getSchain();
        assertEquals(1, chain.getComplete());
        assertEquals("1.0", chain.getVer());
        assertEquals(List.of(SupplyChainNode.newBuilder().setAsi("podium.example").setSid("pub-7").setHp(1)
                .setRid("req-1").build()), chain.getNodesList());
    }

    @Test
    void appendsPodiumsNodeToAnExistingChainAndKeepsTheRestOfSource() {
        // given
        SupplyChainNode upstream = SupplyChainNode.newBuilder().setAsi("ssp.example").setSid("s-1").setHp(1).build();
        Source source = Source.newBuilder().setFd(1).setPchain("pc").setTid("upstream-tid")
                .setSchain(SupplyChain.newBuilder().setComplete(0).setVer("1.0").addNodes(upstream)).build();
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).build()).setSource(source).build();

        // when
        BidRequest out = factory.build(req, ALL_MEDIA, TID, 120);

        // then
        SupplyChain chain = out.getSource().getSchain();
        assertEquals(0, chain.getComplete());
        assertEquals(2, chain.getNodesCount());
        assertEquals(upstream, chain.getNodes(0));
        assertEquals("podium.example", chain.getNodes(1).getAsi());
        assertEquals("pub-7", chain.getNodes(1).getSid());
        assertEquals("req-1", chain.getNodes(1).getRid());
        assertEquals(1, chain.getNodes(1).getHp());
        assertEquals(TID, out.getSource().getTid());
        assertEquals(1, out.getSource().getFd());
        assertEquals("pc", out.getSource().getPchain());
    }

    @Test
    void doesNotChangeTheOriginalRequestOrTheRestOfIt() {
        // given
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).setVideo(video()).build())
                .addBcat("IAB25").build();
        BidRequest before = req.toBuilder().build();

        // when
        BidRequest out = factory.build(req, bidder("v", "video"), TID, 120);

        // then
        assertEquals(before, req);
        assertEquals(List.of("IAB25"), out.getBcatList());
        assertEquals("pub.example", out.getSite().getDomain());
        assertEquals("req-1", out.getId());
    }

    // ------------------------------------------------------------ deals

    private static Imp dealImp(int privateAuction, Deal... deals) {
        return Imp.newBuilder().setId("1").setBanner(banner())
                .setPmp(Pmp.newBuilder().setPrivateAuction(privateAuction).addAllDeals(List.of(deals))).build();
    }

    private static Deal deal(String id, String... wseat) {
        return Deal.newBuilder().setId(id).setBidfloor(2.0).addAllWseat(List.of(wseat)).build();
    }

    @Test
    void keepsOnlyDealsWhoseWseatAdmitsTheBiddersSeat() {
        // given
        Imp imp = dealImp(0, deal("mine", "seat-a"), deal("theirs", "seat-b"), deal("open"), deal("case", "SEAT-A"));

        // when
        Imp sent = factory.build(request(imp).build(), ALL_MEDIA, TID, 120).getImp(0);

        // then
        assertEquals(List.of("mine", "open", "case"),
                sent.getPmp().getDealsList().stream().map(Deal::getId).collect(Collectors.toList()));
        assertEquals(0, sent.getPmp().getPrivateAuction());
    }

    @Test
    void dropsAPrivateAuctionImpWithoutADealForTheSeat() {
        // given
        Imp privateImp = dealImp(1, deal("theirs", "seat-b"));
        Imp openImp = Imp.newBuilder().setId("2").setBanner(banner()).build();

        // when
        BidRequest out = factory.build(request(privateImp, openImp).build(), ALL_MEDIA, TID, 120);

        // then
        assertEquals(List.of("2"), impIds(out));
    }

    @Test
    void keepsAPrivateAuctionImpWithADealForTheSeat() {
        // given
        Imp privateImp = dealImp(1, deal("theirs", "seat-b"), deal("mine", "seat-a"));

        // when
        Imp sent = factory.build(request(privateImp).build(), ALL_MEDIA, TID, 120).getImp(0);

        // then
        assertEquals(1, sent.getPmp().getPrivateAuction());
        assertEquals(List.of("mine"), sent.getPmp().getDealsList().stream().map(Deal::getId).collect(Collectors.toList()));
    }

    @Test
    void keepsAnOpenAuctionImpWhoseDealsAreAllForOtherSeats() {
        // given
        Imp imp = dealImp(0, deal("theirs", "seat-b"));

        // when
        Imp sent = factory.build(request(imp).build(), ALL_MEDIA, TID, 120).getImp(0);

        // then
        assertTrue(sent.hasPmp());
        assertEquals(0, sent.getPmp().getDealsCount());
    }

    // ------------------------------------------------------------ seats

    @Test
    void skipsABidderWhoseSeatIsInBseat() {
        // given
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).build()).addBseat("Seat-A").build();

        // then
        assertEquals(BidderRequestFactory.Skip.SEAT_BLOCKED, factory.skipReason(req, ALL_MEDIA));
        assertNull(factory.build(req, ALL_MEDIA, TID, 120));
    }

    @Test
    void skipsABidderWhoseSeatIsMissingFromWseat() {
        // given
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).build()).addWseat("seat-b").build();

        // then
        assertEquals(BidderRequestFactory.Skip.SEAT_BLOCKED, factory.skipReason(req, ALL_MEDIA));
        assertNull(factory.build(req, ALL_MEDIA, TID, 120));
    }

    @Test
    void callsABidderWhoseSeatIsInWseat() {
        // given
        BidRequest req = request(Imp.newBuilder().setId("1").setBanner(banner()).build())
                .addWseat("seat-b").addWseat("seat-a").build();

        // then
        assertNull(factory.skipReason(req, ALL_MEDIA));
        assertEquals(List.of("1"), impIds(factory.build(req, ALL_MEDIA, TID, 120)));
    }

    @Test
    void seatRulesCompareCaseInsensitively() {
        assertTrue(BidderRequestFactory.seatExcluded(List.of(), List.of("SEAT"), "seat"));
        assertFalse(BidderRequestFactory.seatExcluded(List.of("SEAT"), List.of(), "seat"));
        assertFalse(BidderRequestFactory.seatExcluded(List.of(), List.of(), "seat"));
    }
}
