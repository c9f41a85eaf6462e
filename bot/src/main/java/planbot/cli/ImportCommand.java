package planbot.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.domain.Layout;
import planbot.domain.UserFixableException;
import planbot.tracker.ImportMode;
import planbot.tracker.ImportReport;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;

/** {@code planbot import FILE}: reads a tracker and merges it into the database in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a tracker (CSV, TSV, XLSX, DOCX, or a Word table saved as text) into the database.",
                "Re-importing the same file changes nothing; a newer version updates the plan in place."})
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The tracker file.")
    Path file;

    @Option(names = "--plan", paramLabel = "NAME", description = "The plan's name (default: the file name).")
    String planName;

    @Option(names = "--sheet", paramLabel = "SHEET", description = "XLSX: the sheet's name or number (default: the first).")
    String sheet;

    @Option(names = "--table", paramLabel = "N", description = "DOCX: read only the Nth table (default: every table).")
    String table;

    @Option(names = "--map", paramLabel = "HEADER=ROLE",
            description = "Say what a column holds, overriding the guess; repeatable. ROLE is one of: section, action-ref, action-status, action, task, task-ref, status, term, start, target, timescale, owner, lead, notes, ignored.")
    Map<String, Layout.Role> columnMap = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Read and report, write nothing.")
    boolean dryRun;

    @Option(names = "--allow-problems",
            description = "Import even when some cells cannot be read (those cells are left empty). "
                    + "Without it, a file with unreadable cells is reported and nothing is written.")
    boolean allowProblems;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            throw new UserError("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a folder, not a tracker file");
        }
        if (sheet != null && table != null) {
            throw new UserError("--sheet is for workbooks and --table for Word documents: give one of them");
        }
        String plan = planName != null ? planName : defaultPlanName(file);
        ReadResult read;
        try {
            read = TrackerReader.read(file, new ReadOptions(plan, table != null ? table : sheet, columnMap, ReadOptions.DEFAULT_MAX_BYTES));
        } catch (TrackerFormatException e) {
            throw new UserError("cannot import " + file.getFileName() + ": " + e.getMessage());
        }
        // A cell planbot cannot read would be stored empty, overwriting what the plan held: refuse the whole
        // file unless the user accepts that, so that bad input leaves stored data untouched.
        boolean refused = !dryRun && !allowProblems && !read.problems().isEmpty();
        ImportReport report;
        try (App app = root.open(global)) {
            report = app.imports().importPlan(root.tenant(global), read,
                    dryRun || refused ? ImportMode.DRY_RUN : ImportMode.APPLY, "cli", app.clock());
        } catch (UserFixableException e) {
            throw new UserError("cannot import " + file.getFileName() + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ImportReportFormat.json(file, report, refused));
        } else {
            out.print(ImportReportFormat.text(file, report, refused));
        }
        out.flush();
        if (refused) {
            int n = read.problems().size();
            spec.commandLine().getErr().println("planbot: nothing was imported: " + n + (n == 1 ? " cell" : " cells")
                    + " could not be read (listed above); fix the tracker, or import anyway with --allow-problems"
                    + " (each such cell is then stored as its line above says)");
            return 1;
        }
        return 0;
    }

    static String defaultPlanName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).strip();
    }
}
