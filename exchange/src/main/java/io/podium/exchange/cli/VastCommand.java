package io.podium.exchange.cli;

import picocli.CommandLine.Command;

/** {@code podium vast ...}: tools for VAST and VMAP documents. */
@Command(name = "vast", mixinStandardHelpOptions = true, description = "VAST and VMAP document tools.",
        subcommands = {VastLintCommand.class})
final class VastCommand {
}
