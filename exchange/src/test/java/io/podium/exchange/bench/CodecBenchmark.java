package io.podium.exchange.bench;

import com.google.protobuf.util.JsonFormat;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.BidRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + encode of a typical 2 KB bid request: Podium's streaming codec against protobuf's
 * own {@link JsonFormat} in the same run. JsonFormat cannot carry {@code ext} objects in a
 * string field, so the comparison uses the same document without its {@code ext} objects;
 * {@code podiumWithExt} measures the full document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CodecBenchmark {
    private final OpenRtbJsonCodec codec = new OpenRtbJsonCodec();
    private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
    private final JsonFormat.Printer printer = JsonFormat.printer().preservingProtoFieldNames()
            .printingEnumsAsInts().omittingInsignificantWhitespace();
    private byte[] full;
    private byte[] noExt;
    private String noExtText;

    @Setup
    public void setUp() throws Exception {
        full = load();
        BidRequest withoutExt = stripExt(codec.decodeRequest(full));
        noExt = codec.encode(withoutExt);
        noExtText = new String(noExt, StandardCharsets.UTF_8);
    }

    static byte[] load() throws IOException {
        try (InputStream in = CodecBenchmark.class.getResourceAsStream("/bench/typical-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        }
    }

    static BidRequest stripExt(BidRequest r) {
        BidRequest.Builder b = r.toBuilder().clearExt();
        for (int i = 0; i < b.getImpCount(); i++) {
            b.getImpBuilder(i).clearExt();
        }
        return b.build();
    }

    @Benchmark
    public byte[] podiumWithExt() throws Exception {
        return codec.encode(codec.decodeRequest(full));
    }

    @Benchmark
    public byte[] podium() throws Exception {
        return codec.encode(codec.decodeRequest(noExt));
    }

    /** The floor on this machine: Jackson reading every token of the same document, building nothing. */
    @Benchmark
    public int jacksonTokensOnly() throws Exception {
        int n = 0;
        try (com.fasterxml.jackson.core.JsonParser p = codec.factory().createParser(full)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public String protobufJsonFormat() throws Exception {
        BidRequest.Builder b = BidRequest.newBuilder();
        parser.merge(noExtText, b);
        return printer.print(b.build());
    }
}
