package io.podium.simulator.day;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code ./podium simulate [--scenario FILE] [--out DIR]}: runs a simulated day and writes its
 * figures, charts and {@code index.html}. Without {@code --scenario},
 * {@code config/scenarios/default.yaml}; without {@code --out}, {@code simulation/<scenario name>}. Logs go to
 * {@code DIR/simulation.log}; the terminal shows the progress and, at the end, the headline
 * figures against the pacing targets. Exits 0 when every target is met, 1 when one is missed,
 * 2 on a bad command line or scenario.
 */
public final class SimulateMain {
    /** The default scenario, relative to the repository root (where {@code ./podium} runs). */
    static final Path DEFAULT_SCENARIO = Path.of("config", "scenarios", "default.yaml");
    private SimulateMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (Exception e) {
            System.err.println("simulate: the day failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the servers' threads must not keep the JVM alive after a failure
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path scenarioFile = null;
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenarioFile = Path.of(value(args, ++i, "--scenario"));
                case "--out" -> outDir = Path.of(value(args, ++i, "--out"));
                case "-h", "--help" -> {
                    out.println("usage: ./podium simulate [--scenario FILE] [--out DIR]");
                    return 0;
                }
                default -> {
                    err.println("simulate: unknown argument " + args[i] + " (usage: ./podium simulate [--scenario FILE] [--out DIR])");
                    return 2;
                }
            }
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(scenarioFile == null ? DEFAULT_SCENARIO : scenarioFile);
        } catch (ScenarioReader.ScenarioException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("simulate: no such scenario file: " + e.getFile());
            return 2;
        }
        Path dir = outDir == null ? Path.of("simulation", scenario.name()) : outDir;
        Files.createDirectories(dir);
        logTo(dir.resolve("simulation.log"));
        out.printf(Locale.ROOT, "simulating %s: %d nodes, %,d requests over the day in %d s, %d campaigns, %d DSPs, "
                        + "%d faults; output in %s%n", scenario.name(), scenario.nodes(), scenario.traffic().requestsPerDay(),
                scenario.realSeconds(), scenario.campaigns().size(), scenario.dsps().size(), scenario.faults().size(),
                dir.toAbsolutePath());
        DayResult r = new DaySimulation(scenario, dir, out).run();
        Targets t = Targets.of(r);
        out.print(t.report());
        out.println("open " + dir.resolve("index.html").toAbsolutePath());
        return t.allMet() ? 0 : 1;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** Sends every log line to {@code file} (INFO and up), none to the terminal. */
    private static void logTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
    }
}
