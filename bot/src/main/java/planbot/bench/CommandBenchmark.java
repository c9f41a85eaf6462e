package planbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import planbot.App;
import planbot.command.Actor;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.domain.Action;
import planbot.domain.Person;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.domain.Section;
import planbot.domain.Source;
import planbot.domain.Task;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.storage.Database;
import planbot.storage.Tenant;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerReader;

/**
 * {@code bench commands}: how fast the command service answers the commands people send most, on a
 * database of many tenants. Generates one tracker ({@link TrackerGenerator}, with owners given to its tasks),
 * imports it into every tenant of a fresh SQLite file, warms up, then times in-process calls of
 * {@code status <task ref>} (exact refs and typed forms such as {@code GEN17/3}) and {@code mine} across
 * random tenants, against a baseline measured in the same run, interleaved call by call: one indexed lookup of a
 * task by ref on the same {@link Database}. Reports p50 and p99 in microseconds and whether the targets were met.
 */
public final class CommandBenchmark {
    /** Target: a status card in at most 2 ms at p99, and within 5× of the indexed lookup it cannot avoid. */
    static final double TARGET_STATUS_P99_MICROS = 2_000;
    static final double TARGET_RATIO = 5.0;
    private static final int OWNERS_PER_TENANT = 20;
    private static final int WARMUP = 20_000;
    private static final int CALLS = 20_000;
    private static final long SEED = 42L;
    /** A day inside the generated plan's two years, so lists have both overdue and future tasks. */
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

    public ObjectNode run(int tasks, int tenants) throws Exception {
        if (tenants < 1 || tasks < tenants) {
            throw new IllegalArgumentException("need at least one tenant and one task per tenant");
        }
        int perTenant = tasks / tenants;
        Path dir = Files.createTempDirectory("planbot-bench");
        try {
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("benchmark", "commands");
            out.put("tenants", tenants);
            out.put("tasksPerTenant", perTenant);
            out.put("tasks", (long) perTenant * tenants);

            Path file = dir.resolve("generated.tsv");
            TrackerGenerator.writeReviewTracker(file, perTenant);
            ReadResult read = TrackerReader.read(file, ReadOptions.named("bench"));
            ReadResult owned = new ReadResult(withOwners(read.plan()), read.problems(), read.notices());
            List<String> refs = new ArrayList<>();
            owned.plan().tasks().forEach(t -> refs.add(t.ref()));

            Clock clock = Clock.fixed(TODAY.atTime(9, 0).atZone(App.ZONE).toInstant(), App.ZONE);
            try (App app = App.open("jdbc:sqlite:" + dir.resolve("bench.db"), clock)) {
                long t0 = System.nanoTime();
                long[] tenantIds = new long[tenants];
                for (int i = 0; i < tenants; i++) {
                    app.imports().importPlan(slug(i), owned, ImportMode.APPLY, "bench", clock);
                    tenantIds[i] = app.tenants().find(slug(i)).map(Tenant::id).orElseThrow();
                }
                out.put("setupMillis", Math.round((System.nanoTime() - t0) / 1e6));

                Runner r = new Runner(app.commands(), app.database(), refs, tenants, tenantIds);
                r.warmUp();
                r.measure();
                double[] status = r.status;
                double[] mine = r.mine;
                double[] baseline = r.baseline;

                out.set("status", stats(status, "status <task ref>: half exact (GEN000017/03), half typed (GEN17/3, gen17/3)"));
                out.set("mine", stats(mine, "mine, as an owner of about " + perTenant / OWNERS_PER_TENANT + " tasks"));
                out.set("baseline", stats(baseline, "SELECT … FROM task WHERE tenant_id = ? AND ref = ?, same Database"));
                double ratio = percentile(status, 99) / percentile(baseline, 99);
                out.put("statusP99OverBaselineP99", round(ratio));
                ObjectNode targets = out.putObject("targets");
                targets.put("statusP99Micros", TARGET_STATUS_P99_MICROS);
                targets.put("statusP99OverBaselineP99", TARGET_RATIO);
                boolean met = percentile(status, 99) <= TARGET_STATUS_P99_MICROS && ratio <= TARGET_RATIO;
                out.put("targetsMet", met);
            }
            return out;
        } finally {
            deleteTree(dir);
        }
    }

    /** The timed loops. Each checks its answers, so that a fast wrong answer cannot pass for a fast right one. */
    private static final class Runner {
        private final CommandService commands;
        private final Database db;
        private final List<String> refs;
        private final int tenants;
        private final long[] tenantIds;
        private final Random random = new Random(SEED);
        final double[] status = new double[CALLS];
        final double[] baseline = new double[CALLS];
        final double[] mine = new double[(CALLS + 3) / 4];

        Runner(CommandService commands, Database db, List<String> refs, int tenants, long[] tenantIds) {
            this.commands = commands;
            this.db = db;
            this.refs = refs;
            this.tenants = tenants;
            this.tenantIds = tenantIds;
        }

        void warmUp() {
            for (int i = 0; i < WARMUP; i++) {
                statusOnce();
                if (i % 4 == 0) {
                    mineOnce();
                }
                if (i % 2 == 0) {
                    baselineOnce();
                }
            }
        }

        /**
         * Interleaves the three, call by call, so that whatever else the machine is doing at a moment (other
         * processes, a garbage collection) falls on all of them alike and the ratio stays fair.
         */
        void measure() {
            for (int i = 0; i < CALLS; i++) {
                status[i] = statusOnce();
                baseline[i] = baselineOnce();
                if (i % 4 == 0) {
                    mine[i / 4] = mineOnce();
                }
            }
        }

        private double statusOnce() {
            String ref = refs.get(random.nextInt(refs.size()));
            String typed = random.nextBoolean() ? ref : typed(ref, random.nextBoolean());
            CommandRequest request = new CommandRequest(slug(random.nextInt(tenants)), Actor.guest("bench"), Source.CLI,
                    "status " + typed);
            long t0 = System.nanoTime();
            Reply reply = commands.handle(request);
            long t1 = System.nanoTime();
            if (!(reply instanceof TaskCard) || !((TaskCard) reply).task().ref().equals(ref)) {
                throw new IllegalStateException("status " + typed + " answered " + reply);
            }
            return (t1 - t0) / 1e3;
        }

        private double mineOnce() {
            Actor owner = Actor.of(new Person(ownerName(random.nextInt(OWNERS_PER_TENANT)), Role.OFFICER));
            CommandRequest request = new CommandRequest(slug(random.nextInt(tenants)), owner, Source.CLI, "mine");
            long t0 = System.nanoTime();
            Reply reply = commands.handle(request);
            long t1 = System.nanoTime();
            if (!(reply instanceof TaskList) || ((TaskList) reply).tasks().isEmpty()) {
                throw new IllegalStateException("mine for " + owner.displayName() + " answered " + reply);
            }
            return (t1 - t0) / 1e3;
        }

        private double baselineOnce() {
            String ref = refs.get(random.nextInt(refs.size()));
            long tenant = tenantIds[random.nextInt(tenants)];
            long t0 = System.nanoTime();
            String description = db.withHandle(h -> h.createQuery("SELECT id, ref, description, status_word, target_date,"
                            + " owner, notes FROM task WHERE tenant_id = ? AND ref = ?")
                    .bind(0, tenant).bind(1, ref)
                    .map((rs, ctx) -> rs.getLong(1) + rs.getString(2) + rs.getString(3) + rs.getString(4)
                            + rs.getString(5) + rs.getString(6) + rs.getString(7))
                    .one());
            long t1 = System.nanoTime();
            if (description.isEmpty()) {
                throw new IllegalStateException("no task " + ref);
            }
            return (t1 - t0) / 1e3;
        }
    }

    /** {@code GEN000017/03} as people type it: {@code GEN17/3}, or {@code gen17/3}. */
    static String typed(String ref, boolean lowerCase) {
        int slash = ref.indexOf('/');
        int firstDigit = 0;
        while (firstDigit < ref.length() && !Character.isDigit(ref.charAt(firstDigit))) {
            firstDigit++;
        }
        String s = ref.substring(0, firstDigit) + Integer.parseInt(ref.substring(firstDigit, slash)) + "/"
                + Integer.parseInt(ref.substring(slash + 1));
        return lowerCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** The generated plan with every task given one of a few owners, round robin. */
    static Plan withOwners(Plan plan) {
        int n = 0;
        List<Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) {
            List<Action> actions = new ArrayList<>();
            for (Action a : s.actions()) {
                List<Task> tasks = new ArrayList<>();
                for (Task t : a.tasks()) {
                    tasks.add(t.withOwner(ownerName(n++ % OWNERS_PER_TENANT)));
                }
                actions.add(new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(), tasks));
            }
            sections.add(new Section(s.name(), actions));
        }
        return new Plan(plan.name(), plan.layout(), sections);
    }

    private static String ownerName(int i) {
        return "Officer " + i;
    }

    private static String slug(int i) {
        return String.format("council-%03d", i);
    }

    private static ObjectNode stats(double[] micros, String what) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("what", what);
        o.put("calls", micros.length);
        o.put("p50Micros", round(percentile(micros, 50)));
        o.put("p99Micros", round(percentile(micros, 99)));
        return o;
    }

    /** The p-th percentile (nearest rank) of the values; sorts a copy. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
