package io.podium.exchange.ssai.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ffmpeg} and {@code ffprobe} binaries for the end-to-end SSAI test: each
 * call with a timeout, stdout and stderr captured to files (so a chatty process never blocks on a
 * full pipe) and quoted in failure messages.
 */
final class Ffmpeg {
    /** Loopback HTTP only, plus local files for the originals. */
    static final String PROTOCOLS = "file,http,tcp,crypto,data";

    private final Path work;
    private int calls;

    Ffmpeg(Path work) {
        this.work = work;
    }

    /** What a finished call gave. */
    record Result(List<String> command, int exit, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command) + "\nexit " + exit + "\nstderr:\n" + stderr + "\nstdout:\n"
                    + (stdout.length() > 4000 ? stdout.substring(0, 4000) + "..." : stdout);
        }
    }

    /**
     * Fails the test with a clear message when a binary is missing: CI installs it through
     * {@code ./podium test}; a silently skipped end-to-end test would prove nothing.
     */
    static void requireOnPath(String... binaries) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String binary : binaries) {
            boolean found = false;
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                fail(binary + " is not on PATH: the SSAI end-to-end test needs ffmpeg and ffprobe (Debian package"
                        + " ffmpeg). Run the suite with ./podium test, which installs it, or apt-get install ffmpeg.");
            }
        }
    }

    /** Runs a command to its end (or kills it after {@code timeout}); never asserts on its result. */
    Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        int n = ++calls;
        Path out = work.resolve("call-" + n + ".out");
        Path err = work.resolve("call-" + n + ".err");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("timed out after " + timeout + ": " + String.join(" ", command) + "\nstderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed, with nothing on stderr at {@code -v error}. */
    Result runOk(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Result r = run(timeout, command);
        if (r.exit() != 0 || !r.stderr().isBlank()) {
            fail("ffmpeg call failed:\n" + r.describe());
        }
        return r;
    }

    static List<String> cmd(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    /** The {@code key=value} lines of ffprobe's {@code default} writer (the last value of each key). */
    static Map<String, String> keyValues(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
