package io.podium.exchange.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code podium} command line: {@code serve}, {@code openrtb validate|convert}, {@code vast lint}. */
@Command(name = "podium", mixinStandardHelpOptions = true, version = "Podium 0.1.0",
        description = "OpenRTB 2.6 ad exchange, budget pacing engine and SSAI stitcher.",
        subcommands = {ServeCommand.class, OpenRtbCommand.class, VastCommand.class, SsaiCommand.class})
public final class PodiumMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new PodiumMain()).execute(args);
    }
}
