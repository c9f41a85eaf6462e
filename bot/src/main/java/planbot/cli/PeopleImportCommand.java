package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.people.PeopleImportReport;
import planbot.people.PeopleImportReport.Kind;
import planbot.people.PeopleImportService;

/**
 * {@code planbot people import FILE [--dry-run] [--json]}: links the plan's people to chat accounts, emails, roles and
 * channels from the council's people file ({@link PeopleImportService}). Exit code 1 when the file has a problem (then
 * nothing is written).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Link the plan's people in bulk from a CSV file with the columns name, email, role, channel"
                + " (slack:C0123) and one per platform holding the chat user id (slack, teams, discord).",
                "Only names as the plan writes them are linked; near misses are reported. A file with any problem writes nothing."})
public final class PeopleImportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    PeopleCommand people;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The people file (CSV, UTF-8 or Windows-1252).")
    Path file;

    @Option(names = "--dry-run", description = "Read and report, write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // one byte over the limit is enough to refuse it, without reading a huge file into memory
            content = in.readNBytes(PeopleImportService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        GlobalOptions options = global.dbUrl == null && global.tenant == null ? people.global : global;
        PeopleImportReport report;
        try (App app = people.root.open(options)) {
            report = app.peopleImport().run(app.admin().tenant(people.root.tenant(options)), file.getFileName().toString(),
                    content, dryRun, "cli");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(report) + "\n" : text(report));
        out.flush();
        return report.count(Kind.PROBLEM) > 0 ? 1 : 0;
    }

    private String text(PeopleImportReport r) {
        StringBuilder b = new StringBuilder(file.getFileName() + ": " + (r.dryRun() ? "to change " : "changed ")
                + r.count(Kind.CHANGED) + ", unchanged " + r.count(Kind.UNCHANGED) + ", near misses " + r.count(Kind.NEAR_MISS)
                + ", not in the plan " + r.count(Kind.NO_MATCH) + ", problems " + r.count(Kind.PROBLEM) + "\n");
        r.lines().forEach(l -> b.append("  ").append(l.kind() == Kind.PROBLEM ? "problem: " : "").append(l.text()).append('\n'));
        if (r.count(Kind.PROBLEM) > 0) {
            b.append("Nothing was written: fix the problems above and import the file again.\n");
        } else if (r.dryRun()) {
            b.append("Dry run: nothing was written.\n");
        } else if (!r.applied()) {
            b.append("Nothing to change.\n");
        }
        return b.toString();
    }

    private String json(PeopleImportReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("applied", r.applied());
        o.put("dryRun", r.dryRun());
        ObjectNode counts = o.putObject("counts");
        for (Kind k : Kind.values()) {
            counts.put(k.name().toLowerCase(java.util.Locale.ROOT), r.count(k));
        }
        ArrayNode lines = o.putArray("lines");
        for (PeopleImportReport.Line l : r.lines()) {
            ObjectNode n = lines.addObject();
            n.put("line", l.line());
            n.put("name", l.name());
            n.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("text", l.text());
        }
        return o.toString();
    }
}
