package planbot.cli;

import picocli.CommandLine.Command;

/** {@code planbot bench …}: speed and memory benchmarks, printed as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory; prints JSON.",
        subcommands = {ImportBenchCommand.class, CommandBenchCommand.class, RemindBenchCommand.class, SlackBenchCommand.class,
                TeamsBenchCommand.class, DiscordBenchCommand.class, WebBenchCommand.class})
public final class BenchCommand {
}
