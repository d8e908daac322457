package io.podium.exchange.cli;

import com.google.protobuf.Message;
import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code podium openrtb convert --to json|protobuf [--from json|protobuf] [--type request|response]}:
 * standard input to standard output.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an OpenRTB 2.6 document between JSON and protobuf (stdin to stdout).")
final class ConvertCommand implements Callable<Integer> {
    enum Format { json, protobuf }

    enum Type { request, response }

    @Option(names = "--to", required = true, description = "output format: ${COMPLETION-CANDIDATES}")
    Format to;

    @Option(names = "--from", defaultValue = "json", description = "input format: ${COMPLETION-CANDIDATES} (default json)")
    Format from;

    @Option(names = "--type", defaultValue = "request", description = "${COMPLETION-CANDIDATES} (default request)")
    Type type;

    InputStream in = System.in;
    OutputStream out = System.out;

    @Override
    public Integer call() throws IOException {
        byte[] input = in.readAllBytes();
        OpenRtbJsonCodec codec = new OpenRtbJsonCodec();
        Message prototype = type == Type.request ? BidRequest.getDefaultInstance() : BidResponse.getDefaultInstance();
        Message message;
        try {
            message = from == Format.json ? codec.decode(input, 0, input.length, prototype)
                    : prototype.getParserForType().parseFrom(input);
        } catch (OpenRtbDecodeException e) {
            System.err.println("invalid input: " + e.getMessage());
            return 1;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            System.err.println("invalid input: broken protobuf: " + e.getMessage());
            return 1;
        }
        out.write(to == Format.json ? codec.encode(message) : message.toByteArray());
        if (to == Format.json) {
            out.write('\n');
        }
        out.flush();
        return 0;
    }
}
