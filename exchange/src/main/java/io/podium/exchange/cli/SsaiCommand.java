package io.podium.exchange.cli;

import picocli.CommandLine.Command;

/** {@code podium ssai ...}: SSAI tools. */
@Command(name = "ssai", mixinStandardHelpOptions = true, description = "Server-side ad insertion tools.",
        subcommands = {SsaiStitchCommand.class})
final class SsaiCommand {
}
