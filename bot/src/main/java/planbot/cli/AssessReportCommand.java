package planbot.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.assess.AssessmentResults.ActionLink;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.report.AssessmentReport;
import planbot.assess.report.AssessmentReportWriter;
import planbot.domain.RefKey;
import planbot.domain.Task;
import planbot.storage.StoredTemplate;
import planbot.storage.Tenant;

/**
 * {@code planbot assess report [--session ID] --format docx|xlsx|json [--out FILE]}: the results of one assessment
 * session ({@link AssessmentReport}), by default the tenant's latest. DOCX and XLSX need --out (written to a
 * temporary file first, then moved, so a failure leaves no half file); JSON goes to --out or stdout. No session, an
 * unknown one, or a bad format is one sentence on stderr, exit 2, and nothing written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the results of an assessment session: per part the score, target, spread and reasons, the"
                + " tips adopted and dismissed, the tasks with their RAG, and a chart of score against target across sessions.")
public final class AssessReportCommand implements Callable<Integer> {
    @ParentCommand
    AssessCommand assess;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--session", paramLabel = "ID", description = "The session (default: the latest).")
    Long session;

    @Option(names = "--format", required = true, paramLabel = "docx|xlsx|json", description = "docx, xlsx or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (required for docx and xlsx; json: default stdout).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("docx", "xlsx", "json").contains(f)) {
            err.println("planbot: --format is docx, xlsx or json, not '" + format + "'");
            return 2;
        }
        if (out == null && !f.equals("json")) {
            err.println("planbot: a " + f + " report needs --out FILE");
            return 2;
        }
        Path folder = out == null ? null : out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            err.println("planbot: no such folder: " + folder);
            return 2;
        }
        String slug = assess.root.tenant(global);
        AssessmentReport report;
        try (App app = assess.root.open(global)) {
            List<SessionResult> sessions = app.assessmentResults().sessions(slug);
            Optional<SessionResult> chosen = session != null ? app.assessmentResults().session(slug, session)
                    : sessions.stream().max(Comparator.comparing(SessionResult::started));
            if (chosen.isEmpty()) {
                err.println("planbot: " + (session != null ? "tenant '" + slug + "' has no assessment session " + session
                        : "tenant '" + slug + "' has no assessment sessions yet: run one in chat with /plan assess start"));
                return 2;
            }
            SessionResult s = chosen.get();
            Optional<StoredTemplate> template = app.templates().byId(slug, s.templateId());
            if (template.isEmpty()) {
                err.println("planbot: the template that session " + s.id() + " voted on is no longer stored");
                return 2;
            }
            Optional<Tenant> tenant = app.tenants().find(slug);
            LocalDate today = LocalDate.now(app.clock().withZone(App.ZONE));
            report = AssessmentReport.of(slug, s, template.get().template(), sessions,
                    link -> tenant.flatMap(t -> task(app, t, link)), today);
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(AssessmentReportWriter.json(report));
            stdout.flush();
            return 0;
        }
        write(report, f);
        spec.commandLine().getOut().println("Wrote the assessment report of session " + report.session().id() + " ("
                + report.template().name() + ") to " + out);
        return 0;
    }

    private static Optional<Task> task(App app, Tenant tenant, ActionLink link) {
        return app.tasks().findTasksByKey(tenant, RefKey.of(link.ref())).stream()
                .filter(t -> t.task().planName().equals(link.plan()) && t.task().task().ref().equals(link.ref()))
                .map(t -> t.task().task()).findFirst();
    }

    private void write(AssessmentReport report, String f) throws IOException {
        Path target = out.toAbsolutePath();
        // beside the target, then moved into place: a failure never leaves half a file
        Path temp = Files.createTempFile(target.getParent(), ".planbot-assess-", ".tmp");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(temp))) {
                if (f.equals("docx")) {
                    AssessmentReportWriter.docx(report, o);
                } else if (f.equals("xlsx")) {
                    AssessmentReportWriter.xlsx(report, o);
                } else {
                    o.write(AssessmentReportWriter.json(report).getBytes(StandardCharsets.UTF_8));
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
