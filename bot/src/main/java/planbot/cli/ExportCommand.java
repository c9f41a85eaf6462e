package planbot.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.domain.Plan;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/** {@code planbot export}: writes a plan back out in the council's own layout (CSV, XLSX, DOCX) or as JSON. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a plan as CSV, XLSX or DOCX in the council's own layout, or as JSON.")
public final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx|docx|json", description = "Output format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output).")
    Path out;

    @Option(names = "--plan", paramLabel = "NAME", description = "Which plan (needed when the tenant has several).")
    String planName;

    @Override
    public Integer call() throws IOException {
        ExportFormat fmt = ExportFormat.parse(format);
        boolean binary = fmt == ExportFormat.XLSX || fmt == ExportFormat.DOCX;
        if (out == null && binary && System.console() != null) {
            throw new UserError((fmt == ExportFormat.XLSX ? "an XLSX" : "a DOCX") + " file is binary: give --out FILE."
                    + fmt.extension() + " (or redirect the output to a file)");
        }
        Plan plan;
        try (App app = root.open(global)) {
            plan = app.admin().loadPlan(root.tenant(global), planName);
        }
        if (out == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PlanExporter.write(plan, fmt, bytes);
            if (binary) {
                System.out.write(bytes.toByteArray());
                System.out.flush();
            } else {
                spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
        // Write beside the target and move into place, so a failure never leaves half a file.
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("no such folder: " + dir);
        }
        Path tmp = Files.createTempFile(dir, ".planbot-export", ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                PlanExporter.write(plan, fmt, os);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getErr().println("Exported plan \"" + plan.name() + "\" (" + plan.tasks().count() + " tasks) to " + out);
        return 0;
    }
}
