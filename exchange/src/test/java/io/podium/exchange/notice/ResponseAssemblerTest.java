package io.podium.exchange.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.CandidateBid;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.ImpWin;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseAssemblerTest {
    private static final NoticeSigner SIGNER = new NoticeSigner(URI.create("http://127.0.0.1:8080"),
            "a-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void noticesCarryTheTimeTheAuctionStartedNotTheTimeItAnswered() {
        // given: an auction that started a second before midnight and is answered after it
        Instant started = Instant.parse("2026-11-23T23:59:59.900Z");
        Clock answeredAt = Clock.fixed(Instant.parse("2026-11-24T00:00:00.100Z"), ZoneOffset.UTC);
        CurrencyConverter usd = new CurrencyConverter("USD", Map.of("USD", 1_000_000L));
        ResponseAssembler assembler = new ResponseAssembler(SIGNER, new MacroValues(usd), usd, answeredAt);
        Imp imp = Imp.newBuilder().setId("1").build();
        BidRequest request = BidRequest.newBuilder().setId("r1").addImp(imp).build();
        Bid bid = Bid.newBuilder().setId("b1").setImpid("1").setPrice(2.0).setAdm("<a></a>").build();
        CandidateBid winner = new CandidateBid("dsp", "seat", "b1", bid, "USD", 2_000_000, 0, null, 0);
        AuctionOutcome outcome = new AuctionOutcome(request, List.of(new ImpWin(imp, winner, 1_000_000, 500_000)),
                List.of(), List.of(), List.of(), 0, started.toEpochMilli());

        // when
        BidResponse response = assembler.assemble(outcome);

        // then: the billing notice is dated when the budget was reserved (so it is billed to that day)
        String burl = response.getSeatbid(0).getBid(0).getBurl();
        Notice bill = SIGNER.verify(NoticeType.BILL, URI.create(burl).getRawQuery());
        assertNotNull(bill, burl);
        assertEquals(started.toEpochMilli(), bill.issuedAtMillis());
        Notice win = SIGNER.verify(NoticeType.WIN, URI.create(response.getSeatbid(0).getBid(0).getNurl()).getRawQuery());
        assertEquals(started.toEpochMilli(), win.issuedAtMillis());
        // an outcome that does not know its start falls back to the clock
        AuctionOutcome unknown = new AuctionOutcome(request, outcome.wins(), List.of(), List.of(), List.of(), 0, 0);
        assertEquals(answeredAt.millis(), unknown.noticeTime(answeredAt));
    }
}
