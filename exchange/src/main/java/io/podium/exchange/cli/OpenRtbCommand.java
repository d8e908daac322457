package io.podium.exchange.cli;

import picocli.CommandLine.Command;

/** {@code podium openrtb ...}: tools for OpenRTB 2.6 documents. */
@Command(name = "openrtb", mixinStandardHelpOptions = true, description = "OpenRTB 2.6 document tools.",
        subcommands = {ValidateCommand.class, ConvertCommand.class})
final class OpenRtbCommand {
}
