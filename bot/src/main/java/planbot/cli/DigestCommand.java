package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestText;

/** {@code planbot digest --at DATETIME}: the weekly digest that would post at that moment. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Print the weekly digest as it would post at a moment (default: now), as text or JSON.")
public final class DigestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--at", paramLabel = "DATETIME", description = "The moment (London time), e.g. 2023-05-15T09:00.")
    String at;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan.")
    String plan;

    @Option(names = "--section", paramLabel = "NAME", description = "Only this section.")
    String section;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Option(names = "--text", description = "Text (the default).")
    boolean text;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also write the chart: PNG, or SVG when FILE ends in .svg.")
    Path chart;

    @Override
    public Integer call() throws IOException {
        if (json && text) {
            throw new UserError("choose one of --json and --text");
        }
        Clock clock = at == null ? Clock.system(App.ZONE) : ChatCommand.clockAt(at);
        Digest digest;
        try (App app = root.open(global, clock)) {
            DigestScope scope = new DigestScope(root.tenant(global), plan, section);
            digest = app.digest(scope, ZonedDateTime.now(clock));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JSON.writeValueAsString(digest) + "\n" : DigestText.render(digest));
        out.flush();
        if (chart != null) {
            byte[] image = chart.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")
                    ? DigestChart.svg(digest) : DigestChart.png(digest);
            Files.write(chart, image);
            spec.commandLine().getErr().println("Chart written to " + chart);
        }
        return 0;
    }
}
