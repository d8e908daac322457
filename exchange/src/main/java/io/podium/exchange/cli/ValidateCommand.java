package io.podium.exchange.cli;

import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.openrtb.OpenRtbValidator;
import io.podium.exchange.openrtb.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podium openrtb validate FILE...}: each file must be a valid bid request or bid
 * response (JSON). Prints {@code FILE: PATH: problem} per problem; exit 0 when every file is
 * valid, 1 otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check OpenRTB 2.6 JSON bid requests and responses; exit 1 if any is invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OpenRtbJsonCodec codec = new OpenRtbJsonCodec();
        OpenRtbValidator validator = new OpenRtbValidator();
        boolean allValid = true;
        for (Path file : files) {
            List<Problem> problems = check(file, codec, validator);
            if (problems.isEmpty()) {
                out.println(file + ": ok");
            } else {
                allValid = false;
                for (Problem p : problems) {
                    out.println(file + ": " + p.path() + ": " + p.message());
                }
            }
        }
        out.flush();
        return allValid ? 0 : 1;
    }

    /** A document with {@code imp} is a request; one with {@code seatbid} or {@code nbr} a response. */
    static List<Problem> check(Path file, OpenRtbJsonCodec codec, OpenRtbValidator validator) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new Problem("$", "cannot read file: " + e.getMessage()));
        }
        try {
            if (isResponse(bytes)) {
                return validator.validateResponse(codec.decodeResponse(bytes));
            }
            return validator.validateRequest(codec.decodeRequest(bytes));
        } catch (OpenRtbDecodeException e) {
            return List.of(new Problem(e.path(), e.problem()));
        }
    }

    /** A top-level {@code seatbid}, {@code bidid} or {@code nbr} and no {@code imp}: a response. */
    private static boolean isResponse(byte[] bytes) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
            return tree != null && tree.isObject() && !tree.has("imp")
                    && (tree.has("seatbid") || tree.has("bidid") || tree.has("nbr"));
        } catch (IOException e) {
            return false;
        }
    }
}
