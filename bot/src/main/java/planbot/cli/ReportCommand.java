package planbot.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.Source;
import planbot.domain.UkDates;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestInput;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestSource;
import planbot.storage.Tenant;

/**
 * {@code planbot report --format docx --out FILE [--at DATE] [--plan P]}: the committee report
 * ({@link CommitteeReport}). Its changes are those since the last report of the plan (an audit event
 * {@code report} on the plan, written when the file is), or of the last {@link #FIRST_PERIOD} when there was none.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the committee report of a plan as a Word document: RAG summary and chart, a table per "
                + "section, then what is overdue, slipped and completed since the last report.")
public final class ReportCommand implements Callable<Integer> {
    /** The period of the first report of a plan. */
    static final Duration FIRST_PERIOD = Duration.ofDays(28);

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "docx", paramLabel = "docx", description = "Output format (docx).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The Word file to write.")
    Path out;

    @Option(names = "--at", paramLabel = "DATE", description = "The day the report is as at (default: today).")
    String at;

    @Option(names = "--plan", paramLabel = "NAME", description = "Which plan (needed when the tenant has several).")
    String planName;

    @Override
    public Integer call() throws IOException {
        if (!format.strip().equalsIgnoreCase("docx")) {
            throw new UserError("unknown report format '" + format.strip() + "': use docx");
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("no such folder: " + dir);
        }
        Clock clock = at == null ? Clock.system(App.ZONE) : ChatCommand.clockAt(at);
        ZonedDateTime now = ZonedDateTime.now(clock);
        try (App app = root.open(global, clock)) {
            String tenantSlug = root.tenant(global);
            Plan plan = app.admin().loadPlan(tenantSlug, planName);
            Tenant tenant = app.admin().tenant(tenantSlug);
            Instant last = app.audit().list(tenant, plan.name()).stream()
                    .filter(e -> e.entity().equals("plan") && e.change().equals("report") && e.at().isBefore(now.toInstant()))
                    .map(AuditEvent::at).findFirst().orElse(null);
            Instant since = last != null ? last : now.minus(FIRST_PERIOD).toInstant();
            DigestInput input = new DigestSource(app.database()).read(new DigestScope(tenantSlug, plan.name(), null),
                    since, now);
            CommitteeReport.Input report = new CommitteeReport.Input(plan, DigestBuilder.build(input), input.tasks(),
                    last == null ? null : last.atZone(App.ZONE).toLocalDate());
            // Write beside the target and move into place, so a failure never leaves half a file.
            Path tmp = Files.createTempFile(dir, ".planbot-report", ".tmp");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    CommitteeReport.write(report, os);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            app.audit().append(tenant, new AuditEvent(now.toInstant(), "cli", Source.CLI, "plan", plan.name(), "report",
                    null, String.valueOf(out.getFileName()), null));
            spec.commandLine().getErr().println("Report on plan \"" + plan.name() + "\" as at "
                    + UkDates.format(now) + " written to " + out);
        }
        return 0;
    }
}
