package io.podium.exchange.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.vast.lint.LintProblem;
import io.podium.vast.lint.VastLinter;
import io.podium.vast.lint.VastSchemas;
import io.podium.vast.vmap.VmapSchema;
import io.podium.vast.wrapper.FetchException;
import io.podium.vast.wrapper.HttpVastFetcher;
import io.podium.vast.xml.SafeXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podium vast lint FILE-or-URL...}: checks VAST documents (schema of the declared
 * version plus the prose rules) and VMAP documents (the VMAP 1.0 schema). Prints
 * {@code SOURCE:LINE: RULE: MESSAGE} per problem and {@code SOURCE: ok} for a valid document;
 * {@code --json} prints one JSON array instead. Exit 0 when every document is valid, 1 otherwise.
 * URLs are fetched once each with a timeout, a size cap and Podium's {@code User-Agent}.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check VAST 2.0-4.3 and VMAP 1.0 documents (files or http(s) URLs); exit 1 if any is invalid.")
final class VastLintCommand implements Callable<Integer> {
    static final int MAX_BYTES = 1 << 20;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(arity = "1..*", paramLabel = "FILE-or-URL")
    List<String> sources;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SafeXml xml = new SafeXml(MAX_BYTES);
        VastLinter vast = new VastLinter(xml, new VastSchemas());
        VmapSchema vmap = new VmapSchema(xml);
        HttpVastFetcher fetcher = new HttpVastFetcher(FETCH_TIMEOUT, MAX_BYTES, "Podium/0.1 (vast lint)", uri -> true);
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode results = mapper.createArrayNode();
        boolean allValid = true;
        for (String source : sources) {
            List<LintProblem> problems = lint(source, fetcher, vast, vmap);
            allValid &= problems.isEmpty();
            if (json) {
                ObjectNode r = results.addObject().put("source", source).put("valid", problems.isEmpty());
                ArrayNode list = r.putArray("problems");
                for (LintProblem p : problems) {
                    list.addObject().put("line", p.line()).put("rule", p.rule()).put("message", p.message());
                }
            } else if (problems.isEmpty()) {
                out.println(source + ": ok");
            } else {
                for (LintProblem p : problems) {
                    out.println(source + ":" + p.line() + ": " + p.rule() + ": " + p.message());
                }
            }
        }
        if (json) {
            try {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(results));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return allValid ? 0 : 1;
    }

    static List<LintProblem> lint(String source, HttpVastFetcher fetcher, VastLinter vast, VmapSchema vmap) {
        byte[] bytes;
        try {
            bytes = read(source, fetcher);
        } catch (IOException e) {
            return List.of(new LintProblem(0, "read", e.getMessage()));
        }
        if (isVmap(bytes)) {
            List<LintProblem> out = new ArrayList<>();
            vmap.validate(bytes).forEach(p -> out.add(new LintProblem(p.line(), p.rule(), p.message())));
            return out;
        }
        return vast.lint(bytes);
    }

    private static byte[] read(String source, HttpVastFetcher fetcher) throws IOException {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return fetcher.get(URI.create(source)).get();
            } catch (IllegalArgumentException e) {
                throw new IOException("not a URL: " + e.getMessage());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IOException(cause instanceof FetchException ? cause.getMessage() : String.valueOf(cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        Path file = Path.of(source);
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("file of " + Files.size(file) + " bytes is over the " + MAX_BYTES + "-byte limit");
        }
        return Files.readAllBytes(file);
    }

    /** A document whose root element is {@code VMAP} (any prefix). */
    private static boolean isVmap(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        return head.matches("(?s)^(\\s|<\\?[^>]*\\?>|<!--.*?-->)*<([A-Za-z_][\\w.-]*:)?VMAP[\\s>/].*");
    }
}
