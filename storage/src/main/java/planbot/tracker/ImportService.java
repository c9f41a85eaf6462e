package planbot.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Role;
import planbot.domain.Section;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.storage.ActionRow;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.DateRevisionRepository;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.SectionRow;
import planbot.storage.StoredPlan;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.tracker.read.ReadResult;

/**
 * Merges a plan read from a tracker into the database, in one transaction: the file is imported whole or
 * not at all.
 *
 * <p>Rows are matched by natural key (section name, action key, task ref). New rows are created; stored rows
 * the file states differently are updated in place, each with an audit event holding the changed fields
 * before and after (and a target-date revision when the target changed); rows the file states exactly as
 * stored are not touched, so importing the same file twice writes nothing the second time. Stored actions
 * and tasks the file no longer has are kept and reported, never deleted. Creations are summed up in one
 * audit event for the plan rather than one per row, so a large first import stays fast. Owners and action
 * leads are added to the tenant's people (as officers and leads; nobody's role is lowered).
 *
 * <p>Thread-safe: each call is its own transaction. A plan whose section names, action keys or task refs
 * repeat is refused before anything is written ({@link UserFixableException}, with a sentence naming the
 * repeat); any other failure rolls the whole import back and is rethrown (as {@code StorageException} when
 * the database failed).
 */
public final class ImportService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final DateRevisionRepository revisions;

    public ImportService(Database db, TenantRepository tenants, PlanRepository plans, PersonRepository people,
                         AuditRepository audit, DateRevisionRepository revisions) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
    }

    /**
     * Imports a read plan into a tenant (created if new) under the plan's name.
     *
     * @param actor who asked for the import, as the audit trail should name them
     * @param clock the time recorded on everything written
     */
    public ImportReport importPlan(String tenantSlug, ReadResult read, ImportMode mode, String actor, Clock clock) {
        Objects.requireNonNull(tenantSlug, "tenantSlug");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(actor, "actor");
        requireUniqueKeys(read.plan());
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Merge merge = new Merge(tenants.getOrCreate(tenantSlug, now), read, mode == ImportMode.DRY_RUN, actor, now);
            ImportReport report = merge.run();
            if (mode == ImportMode.DRY_RUN) {
                // The same work as APPLY, so the same report; then undo all of it, the tenant included.
                h.rollback();
            }
            return report;
        });
    }

    /** Natural keys are what the merge matches by, so a repeat would silently merge two rows into one. */
    private static void requireUniqueKeys(Plan plan) {
        Set<String> sections = new HashSet<>();
        Map<String, String> actionSection = new HashMap<>();
        Map<String, String> taskAction = new HashMap<>();
        for (Section s : plan.sections()) {
            if (!sections.add(s.name())) {
                throw new UserFixableException("section '" + s.name() + "' appears twice in plan '" + plan.name()
                        + "': section names must be unique within a plan");
            }
            for (Action a : s.actions()) {
                String other = actionSection.putIfAbsent(a.key(), s.name());
                if (other != null) {
                    throw new UserFixableException("action " + a.key() + " appears twice in plan '" + plan.name()
                            + "' (in sections '" + other + "' and '" + s.name() + "'): action keys must be unique within a plan");
                }
                for (Task t : a.tasks()) {
                    String otherAction = taskAction.putIfAbsent(t.ref(), a.key());
                    if (otherAction != null) {
                        throw new UserFixableException("task " + t.ref() + " appears twice in plan '" + plan.name()
                                + "' (under actions " + otherAction + " and " + a.key() + "): task refs must be unique within a plan");
                    }
                }
            }
        }
    }

    /** One import's work: compare the file with the stored rows in memory, then write only the differences. */
    private final class Merge {
        private final Tenant tenant;
        private final ReadResult read;
        private final Plan plan;
        private final boolean dryRun;
        private final String actor;
        private final Instant now;

        private final List<SectionRow> sectionWrites = new ArrayList<>();
        private final List<ActionRow> actionWrites = new ArrayList<>();
        private final List<TaskRow> taskWrites = new ArrayList<>();
        private final Map<Long, DateRevision> dateChanges = new LinkedHashMap<>();
        private final List<AuditEvent> events = new ArrayList<>();
        private int actionsCreated;
        private int actionsUpdated;
        private int tasksCreated;
        private int tasksUpdated;

        Merge(Tenant tenant, ReadResult read, boolean dryRun, String actor, Instant now) {
            this.tenant = tenant;
            this.read = read;
            this.plan = read.plan();
            this.dryRun = dryRun;
            this.actor = actor;
            this.now = now;
        }

        ImportReport run() {
            Optional<StoredPlan> stored = plans.stored(tenant, plan.name());
            Map<String, SectionRow> oldSections = byKey(stored.map(StoredPlan::sections).orElse(List.of()), SectionRow::name);
            Map<String, ActionRow> oldActions = byKey(stored.map(StoredPlan::actions).orElse(List.of()), ActionRow::key);
            Map<String, TaskRow> oldTasks = byKey(stored.map(StoredPlan::tasks).orElse(List.of()), TaskRow::ref);

            for (int s = 0; s < plan.sections().size(); s++) {
                Section section = plan.sections().get(s);
                mergeSection(oldSections.get(section.name()), new SectionRow(0, section.name(), s));
                for (int a = 0; a < section.actions().size(); a++) {
                    Action action = section.actions().get(a);
                    mergeAction(oldActions.get(action.key()), new ActionRow(0, plan.name(), section.name(), a, action));
                    for (int t = 0; t < action.tasks().size(); t++) {
                        Task task = action.tasks().get(t);
                        mergeTask(oldTasks.get(task.ref()), new TaskRow(0, plan.name(), section.name(), action.key(), t, task));
                    }
                }
            }

            boolean changed = !sectionWrites.isEmpty() || !actionWrites.isEmpty() || !taskWrites.isEmpty();
            long planId;
            if (stored.isEmpty()) {
                planId = plans.createPlan(tenant, plan.name(), plan.layout(), now);
                changed = true;
            } else {
                planId = stored.get().id();
                if (!stored.get().layout().equals(plan.layout())) {
                    events.add(updated("plan", plan.name(), Map.of("layout", stored.get().layout()), Map.of("layout", plan.layout())));
                    changed = true;
                }
                if (changed) {
                    plans.updatePlan(tenant, planId, plan.layout(), now);
                }
            }
            plans.saveRows(tenant, planId, sectionWrites, actionWrites, taskWrites, now);
            dateChanges.forEach((taskId, revision) -> revisions.append(tenant, taskId, revision));
            addPeople();

            ImportReport report = report(oldActions, oldTasks);
            if (changed) {
                events.add(new AuditEvent(now, actor, Source.IMPORT, "plan", plan.name(), "imported", null,
                        json(summary(report)), null));
            }
            audit.append(tenant, events);
            return report;
        }

        private void mergeSection(SectionRow old, SectionRow row) {
            if (old == null) {
                sectionWrites.add(row);
            } else if (old.position() != row.position()) {
                sectionWrites.add(new SectionRow(old.id(), row.name(), row.position()));
                events.add(updated("section", row.name(), Map.of("position", old.position()), Map.of("position", row.position())));
            }
        }

        private void mergeAction(ActionRow old, ActionRow row) {
            if (old == null) {
                actionWrites.add(row);
                actionsCreated++;
                return;
            }
            Action was = old.action();
            Action is = row.action();
            Diff diff = new Diff()
                    .field("section", old.sectionName(), row.sectionName())
                    .field("position", old.position(), row.position())
                    .field("label", was.label(), is.label())
                    .field("recommendation", was.recommendation(), is.recommendation())
                    .field("status", was.status(), is.status())
                    .field("lead", was.lead(), is.lead())
                    .field("notes", was.notes(), is.notes());
            if (!diff.isEmpty()) {
                actionWrites.add(new ActionRow(old.id(), row.planName(), row.sectionName(), row.position(), is));
                events.add(updated("action", is.key(), diff.before, diff.after));
                actionsUpdated++;
            }
        }

        private void mergeTask(TaskRow old, TaskRow row) {
            if (old == null) {
                taskWrites.add(row);
                tasksCreated++;
                return;
            }
            Task was = old.task();
            Task is = row.task();
            Diff diff = new Diff()
                    .field("action", old.actionKey(), row.actionKey())
                    .field("position", old.position(), row.position())
                    .field("description", was.description(), is.description())
                    .field("status", was.status(), is.status())
                    .field("term", was.term(), is.term())
                    .field("start", was.start(), is.start())
                    .field("target", was.target(), is.target())
                    .field("timescale", was.timescale(), is.timescale())
                    .field("owner", was.owner(), is.owner())
                    .field("notes", was.notes(), is.notes());
            if (diff.isEmpty()) {
                return;
            }
            taskWrites.add(new TaskRow(old.id(), row.planName(), row.sectionName(), row.actionKey(), row.position(), is));
            events.add(updated("task", is.ref(), diff.before, diff.after));
            tasksUpdated++;
            if (!Objects.equals(was.target(), is.target())) {
                dateChanges.put(old.id(), new DateRevision(is.ref(), was.target(), is.target(), actor, Source.IMPORT, null, now));
            }
        }

        private void addPeople() {
            Set<String> leads = new LinkedHashSet<>();
            Set<String> owners = new LinkedHashSet<>();
            plan.actions().forEach(a -> {
                if (a.lead() != null) {
                    leads.add(a.lead());
                }
            });
            plan.tasks().forEach(t -> {
                if (t.owner() != null) {
                    owners.add(t.owner());
                }
            });
            people.upsert(tenant, leads, Role.LEAD);
            people.upsert(tenant, owners, Role.OFFICER);
        }

        private ImportReport report(Map<String, ActionRow> oldActions, Map<String, TaskRow> oldTasks) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            Map<String, Integer> actionStatuses = new LinkedHashMap<>();
            Set<String> keys = new HashSet<>();
            Set<String> refs = new HashSet<>();
            int actions = 0;
            int tasks = 0;
            int dated = 0;
            for (Action a : plan.actions().toList()) {
                actions++;
                keys.add(a.key());
                if (a.status() != null) {
                    actionStatuses.merge(a.status().word(), 1, Integer::sum);
                }
                for (Task t : a.tasks()) {
                    tasks++;
                    refs.add(t.ref());
                    if (t.status() != null) {
                        statuses.merge(t.status().word(), 1, Integer::sum);
                    }
                    if (t.target() != null && t.target().isDate()) {
                        dated++;
                    }
                }
            }
            List<String> missingActions = oldActions.keySet().stream().filter(k -> !keys.contains(k)).toList();
            List<String> missingTasks = oldTasks.keySet().stream().filter(r -> !refs.contains(r)).toList();
            return new ImportReport(tenant.slug(), plan.name(), dryRun, plan.sections().size(), actions, tasks, dated,
                    statuses, actionStatuses,
                    new ImportReport.Changes(actionsCreated, actionsUpdated,
                            actions - actionsCreated - actionsUpdated, missingActions),
                    new ImportReport.Changes(tasksCreated, tasksUpdated,
                            tasks - tasksCreated - tasksUpdated, missingTasks),
                    read.problems(), read.notices());
        }

        private AuditEvent updated(String entity, String ref, Map<String, ?> before, Map<String, ?> after) {
            return new AuditEvent(now, actor, Source.IMPORT, entity, ref, "updated", json(before), json(after), null);
        }
    }

    private static Map<String, Object> summary(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sections", r.sections());
        m.put("actions", r.actions());
        m.put("tasks", r.tasks());
        m.put("datedTasks", r.datedTasks());
        m.put("actionsCreated", r.actionChanges().created());
        m.put("actionsUpdated", r.actionChanges().updated());
        m.put("actionsUnchanged", r.actionChanges().unchanged());
        m.put("actionsKeptMissing", r.actionChanges().keptMissing().size());
        m.put("tasksCreated", r.taskChanges().created());
        m.put("tasksUpdated", r.taskChanges().updated());
        m.put("tasksUnchanged", r.taskChanges().unchanged());
        m.put("tasksKeptMissing", r.taskChanges().keptMissing().size());
        m.put("problems", r.problems().size());
        return m;
    }

    /** The fields that differ between two versions of a row, as audit values. */
    private static final class Diff {
        final Map<String, Object> before = new LinkedHashMap<>();
        final Map<String, Object> after = new LinkedHashMap<>();

        Diff field(String name, Object was, Object is) {
            if (!Objects.equals(was, is)) {
                before.put(name, auditValue(was));
                after.put(name, auditValue(is));
            }
            return this;
        }

        boolean isEmpty() {
            return before.isEmpty();
        }
    }

    /** A status as its word, a date as its parts (nothing lost, so a history can show it either way). */
    private static Object auditValue(Object value) {
        if (value instanceof Status) {
            return ((Status) value).word();
        }
        if (value instanceof PlanDate) {
            PlanDate d = (PlanDate) value;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kind().name());
            if (d.date() != null) {
                m.put("date", d.date().toString());
                m.put("precision", d.precision().name());
            }
            if (d.remark() != null) {
                m.put("remark", d.remark());
            }
            if (d.text() != null) {
                m.put("text", d.text());
            }
            return m;
        }
        return value;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit value as JSON", e);
        }
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T row : rows) {
            m.put(key.apply(row), row);
        }
        return m;
    }
}
