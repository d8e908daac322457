package io.podium.exchange.server;

import com.google.protobuf.CodedInputStream;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.openrtb.Gzip;
import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.openrtb.OpenRtbValidator;
import io.podium.exchange.openrtb.Problem;
import io.podium.openrtb.BidRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Body bytes to a valid {@link BidRequest}: gunzips (capped), picks JSON or protobuf by
 * Content-Type, decodes and validates. Every failure becomes a list of problems with paths.
 * Stateless and thread-safe.
 */
final class RequestDecoder {
    /** Either a request or the problems that stop it. */
    record Decoded(BidRequest request, List<Problem> problems) {
    }

    private final OpenRtbJsonCodec codec;
    private final OpenRtbValidator validator;
    private final CurrencyConverter currencies;
    private final int maxDecompressedBytes;
    private final int maxDepth;

    RequestDecoder(OpenRtbJsonCodec codec, OpenRtbValidator validator, CurrencyConverter currencies,
                   int maxDecompressedBytes, int maxDepth) {
        this.codec = codec;
        this.validator = validator;
        this.currencies = currencies;
        this.maxDecompressedBytes = maxDecompressedBytes;
        this.maxDepth = maxDepth;
    }

    static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("application/x-protobuf") || ct.startsWith("application/protobuf")
                || ct.startsWith("application/vnd.google.protobuf");
    }

    Decoded decode(byte[] body, String contentType, String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !"identity".equalsIgnoreCase(contentEncoding.trim())) {
            if (!"gzip".equalsIgnoreCase(contentEncoding.trim())) {
                return failed("$", "unsupported Content-Encoding \"" + contentEncoding + "\" (gzip or none)");
            }
            try {
                body = Gzip.decompress(body, maxDecompressedBytes);
            } catch (Gzip.TooLargeException e) {
                return failed("$", e.getMessage());
            } catch (IOException e) {
                return failed("$", e.getMessage());
            }
        }
        if (body.length == 0) {
            return failed("$", "empty body");
        }
        BidRequest request;
        boolean protobuf = isProtobuf(contentType);
        if (protobuf) {
            try {
                CodedInputStream in = CodedInputStream.newInstance(body);
                in.setRecursionLimit(maxDepth);
                request = BidRequest.parseFrom(in);
            } catch (IOException e) {
                return failed("$", "invalid protobuf: " + e.getMessage());
            }
        } else {
            try {
                request = codec.decodeRequest(body);
            } catch (OpenRtbDecodeException e) {
                return failed(e.path(), e.problem());
            }
        }
        List<Problem> problems = validator.validateRequest(request, protobuf);
        if (problems.isEmpty()) {
            problems = unknownFloorCurrencies(request);
        }
        return new Decoded(request, problems);
    }

    /** A floor in a currency without a configured rate cannot be enforced: refuse the request. */
    private List<Problem> unknownFloorCurrencies(BidRequest request) {
        List<Problem> problems = new java.util.ArrayList<>(0);
        for (int i = 0; i < request.getImpCount(); i++) {
            var imp = request.getImp(i);
            if (imp.hasBidfloorcur() && !currencies.knows(imp.getBidfloorcur())) {
                problems.add(new Problem("$.imp[" + i + "].bidfloorcur", "no exchange rate configured for "
                        + imp.getBidfloorcur()));
            }
            for (int d = 0; d < imp.getPmp().getDealsCount(); d++) {
                var deal = imp.getPmp().getDeals(d);
                if (deal.hasBidfloorcur() && !currencies.knows(deal.getBidfloorcur())) {
                    problems.add(new Problem("$.imp[" + i + "].pmp.deals[" + d + "].bidfloorcur",
                            "no exchange rate configured for " + deal.getBidfloorcur()));
                }
            }
        }
        return problems;
    }

    private static Decoded failed(String path, String message) {
        return new Decoded(null, List.of(new Problem(path, message)));
    }
}
