package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.assess.read.TemplateFormatException;
import planbot.assess.read.TemplateRead;
import planbot.assess.read.TemplateReader;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.StoredTemplate;
import planbot.storage.Tenant;

/**
 * {@code planbot assess …}: self-assessment frameworks (DESIGN.md §12) on the command line. {@code assess template
 * import FILE} stores a toolkit section (text, DOCX, YAML or JSON) as the next version of its template,
 * {@code assess templates} lists them, {@code assess report} writes a session's results ({@link AssessReportCommand}).
 * The sessions themselves run in chat. A file that is not a template is one sentence on stderr, exit 2, nothing
 * stored; an import is audited with the source CLI.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        subcommands = {AssessCommand.TemplateCommand.class, AssessCommand.ListTemplates.class, AssessReportCommand.class},
        description = {"Self-assessment templates and reports (sessions run in chat: /plan assess …):",
                "assess template import FILE [--json]   a toolkit section (.txt or .docx as Word saves it) or YAML/JSON",
                "assess templates                       the stored templates and their versions",
                "assess report --format docx|xlsx|json [--session ID] [--out FILE]"})
public final class AssessCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK).withZone(App.ZONE);

    @ParentCommand
    PlanbotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code assess template …}: only {@code import} so far. */
    @Command(name = "template", mixinStandardHelpOptions = true, subcommands = ImportTemplate.class,
            description = "Import an assessment template: assess template import FILE [--json].")
    static final class TemplateCommand implements Callable<Integer> {
        @ParentCommand
        AssessCommand assess;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code assess template import FILE}: read, store as the next version, audit, report. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an assessment template: a toolkit section as Word saves it (text or DOCX), or planbot's"
                    + " YAML/JSON form (README \"Assessments\").",
                    "The same name again is a new version; sessions already run keep the version they voted on."})
    static final class ImportTemplate implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @ParentCommand
        TemplateCommand template;

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The template file (.txt, .docx, .yaml, .yml or .json).")
        Path file;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            PlanbotCommand root = template.assess.root;
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("planbot: " + (Files.isDirectory(file) ? file + " is a folder, not a template file" : "no such file: " + file));
                return 2;
            }
            TemplateRead read;
            try {
                read = TemplateReader.read(file);
            } catch (TemplateFormatException e) {
                err.println("planbot: nothing was imported: " + file.getFileName() + " cannot be read as a template: "
                        + e.getMessage());
                return 2;
            }
            String slug = root.tenant(global);
            StoredTemplate stored;
            try (App app = root.open(global)) {
                stored = store(app, slug, read.template(), file.getFileName().toString());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? json(slug, read, stored) + "\n" : text(slug, read, stored));
            out.flush();
            return 0;
        }

        /** Stores {@code t} as the next version of its name in one transaction with its audit event (source CLI). */
        static StoredTemplate store(App app, String slug, Template t, String fileName) {
            return app.database().transaction(() -> {
                Tenant tenant = app.tenants().getOrCreate(slug, app.clock().instant());
                long id = app.templates().save(slug, t);
                StoredTemplate s = app.templates().byId(slug, id).orElseThrow();
                app.audit().append(tenant, new AuditEvent(s.importedAt(), "cli", Source.CLI, "assessment-template",
                        t.name(), "imported", null, "version " + s.version() + " (id " + id + "): " + t.parts().size()
                                + " parts, " + t.tipCount() + " tips", fileName));
                return s;
            });
        }

        private String text(String tenant, TemplateRead read, StoredTemplate stored) {
            Template t = stored.template();
            StringBuilder b = new StringBuilder();
            b.append("Imported ").append(file.getFileName()).append(" (").append(read.form()).append(") as template \"")
                    .append(t.name()).append("\" version ").append(stored.version()).append(" (id ").append(stored.id())
                    .append(") of tenant '").append(tenant).append("'\n");
            int questions = t.parts().stream().mapToInt(p -> p.questions().size()).sum();
            b.append("  ").append(plural(t.parts().size(), "part")).append(", ").append(plural(t.tipCount(), "tip"))
                    .append(", ").append(plural(questions, "question")).append('\n');
            for (Part p : t.parts()) {
                b.append("  part ").append(p.number()).append(" \"").append(p.title()).append("\": ")
                        .append(plural(p.tips().size(), "tip")).append(tipRange(p.tips())).append(", ")
                        .append(plural(p.questions().size(), "question")).append('\n');
            }
            if (read.skipped().isEmpty()) {
                b.append("  nothing was skipped\n");
            } else {
                b.append("  ").append(read.skipped().size()).append(" skipped:\n");
                read.skipped().forEach(s -> b.append("    ").append(s).append('\n'));
            }
            return b.toString();
        }

        private String json(String tenant, TemplateRead read, StoredTemplate stored) {
            Template t = stored.template();
            ObjectNode o = JSON.createObjectNode();
            o.put("file", file.toString());
            o.put("form", read.form());
            o.put("tenant", tenant);
            o.put("template", t.name());
            o.put("version", stored.version());
            o.put("id", stored.id());
            o.put("tips", t.tipCount());
            o.put("questions", t.parts().stream().mapToInt(p -> p.questions().size()).sum());
            ArrayNode parts = o.putArray("parts");
            for (Part p : t.parts()) {
                ObjectNode n = parts.addObject();
                n.put("number", p.number());
                n.put("title", p.title());
                ArrayNode tips = n.putArray("tips");
                p.tips().forEach(tip -> tips.add(tip.number()));
                n.put("questions", p.questions().size());
            }
            ArrayNode skipped = o.putArray("skipped");
            for (TemplateRead.Skipped s : read.skipped()) {
                skipped.addObject().put("where", s.where()).put("text", s.text()).put("why", s.why());
            }
            return o.toString();
        }

        private static String tipRange(List<Tip> tips) {
            if (tips.isEmpty()) {
                return "";
            }
            int first = tips.get(0).number();
            int last = tips.get(tips.size() - 1).number();
            return first == last ? " (" + first + ")" : " (" + first + "–" + last + ")";
        }
    }

    /** {@code assess templates}: every stored version, by name, newest first. */
    @Command(name = "templates", mixinStandardHelpOptions = true,
            description = "List the tenant's assessment templates: name, version, parts, tips, when imported.")
    static final class ListTemplates implements Callable<Integer> {
        @ParentCommand
        AssessCommand assess;

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<StoredTemplate> all;
            String tenant = assess.root.tenant(global);
            try (App app = assess.root.open(global)) {
                all = app.templates().list(tenant);
            }
            if (all.isEmpty()) {
                out.println("No assessment templates yet: import one with ./planbot assess template import FILE");
                return 0;
            }
            out.printf("%-5s %-40s %7s %5s %4s  %s%n", "id", "template", "version", "parts", "tips", "imported");
            for (StoredTemplate s : all) {
                out.printf("%-5d %-40s %7d %5d %4d  %s%n", s.id(), s.template().name(), s.version(),
                        s.template().parts().size(), s.template().tipCount(), WHEN.format(s.importedAt()));
            }
            out.flush();
            return 0;
        }
    }

    static String plural(int n, String word) {
        return n + " " + (n == 1 ? word : word + "s");
    }
}
