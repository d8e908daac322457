package io.podium.exchange.bidder;

import io.podium.exchange.openrtb.Gzip;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.BidRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire bytes of one auction's bidder requests, each distinct request encoded once per
 * format: bidders that receive the same tailored request (the common case) share its bytes.
 * Confined to the thread that fans the auction out.
 */
final class EncodedRequests {
    private record Entry(BidRequest request, boolean protobuf, boolean gzip, byte[] bytes) {
    }

    private final OpenRtbJsonCodec codec;
    private final List<Entry> entries = new ArrayList<>(4);

    EncodedRequests(OpenRtbJsonCodec codec) {
        this.codec = codec;
    }

    byte[] bytes(BidRequest request, boolean protobuf, boolean gzip) {
        for (Entry e : entries) {
            if (e.request == request && e.protobuf == protobuf && e.gzip == gzip) {
                return e.bytes;
            }
        }
        byte[] plain = null;
        for (Entry e : entries) {
            if (e.request == request && e.protobuf == protobuf && !e.gzip) {
                plain = e.bytes;
            }
        }
        if (plain == null) {
            plain = protobuf ? request.toByteArray() : codec.encode(request);
            if (gzip) {
                entries.add(new Entry(request, protobuf, false, plain));
            }
        }
        byte[] out = gzip ? Gzip.compress(plain) : plain;
        entries.add(new Entry(request, protobuf, gzip, out));
        return out;
    }
}
