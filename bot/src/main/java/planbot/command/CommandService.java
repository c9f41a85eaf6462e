package planbot.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.access.CalendarFeeds;
import planbot.access.SignInLinks;
import planbot.doctor.Doctor;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Person;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Role;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.people.PeopleMatchService;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.reply.ActionCard;
import planbot.reply.Confirmation;
import planbot.reply.DigestReply;
import planbot.reply.Failure;
import planbot.reply.HelpReply;
import planbot.reply.HistoryLine;
import planbot.reply.HistoryReply;
import planbot.reply.LinkReply;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.reminder.PolicySource;
import planbot.storage.ActionRow;
import planbot.storage.AuditRepository;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChannelRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.DateRevisionRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonChannel;
import planbot.storage.PersonRepository;
import planbot.storage.PersonReach;
import planbot.storage.PlanRepository;
import planbot.storage.SnoozeRepository;
import planbot.storage.TaskInAction;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.domain.UkDates;

/**
 * Executes {@code /plan} commands for an actor in a tenant: parses the text, resolves refs, checks
 * permission, changes state, and writes the audit event (and any target-date revision) in the same
 * transaction as the change. Every platform calls this one service.
 *
 * <p>Roles: a viewer reads; an officer also changes the tasks they own; a lead also changes the tasks of the
 * actions they lead (and assigns them); a manager or admin changes anything. A refused command says why and
 * changes nothing.
 *
 * <p>Thread-safe. Never throws: a failure the user can act on is a {@link Failure} with a reason (a
 * {@link UserFixableException} from below is caught where it is expected and worded for the command); anything else
 * is logged once at ERROR and answered with {@link Failure#ours()}. Either way its transaction is rolled back.
 */
public final class CommandService {
    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
    private static final int LIST_LIMIT = 25;
    private static final int RECENT = 3;
    /** What a caller is told about a task id that is not their tenant's, or is gone: nothing more. */
    public static final String UNKNOWN_TASK = "I can't find that task any more: it may have been removed from the plan.";

    private final Database db;
    private final TenantRepository tenants;
    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final DateRevisionRepository revisions;
    private final SnoozeRepository snoozes;
    private final ChannelRepository channels;
    private final PolicySource policies;
    private final RefResolver refs;
    private final CommandParser parser;
    private final DigestSource digests;
    private final OutboxRepository outbox;
    private final PeopleMatchService matches;
    private final AdminClaimService claims;
    private final Doctor doctor;
    private final SignInLinks signIn;
    private final CalendarFeeds calendars;
    private final MeterRegistry meters;
    private final planbot.assessment.AssessmentService assessments;
    private final Clock clock;
    private final ZoneId zone;
    private final java.util.Map<String, Tenant> knownTenants = new java.util.concurrent.ConcurrentHashMap<>();

    public CommandService(Database db, TenantRepository tenants, TaskRepository tasks, PlanRepository plans, PersonRepository people,
                          AuditRepository audit, DateRevisionRepository revisions, SnoozeRepository snoozes,
                          ChannelRepository channels, PolicySource policies, DigestSource digests, OutboxRepository outbox,
                          PeopleMatchService matches, AdminClaimService claims, Doctor doctor, SignInLinks signIn,
                          CalendarFeeds calendars, planbot.assessment.AssessmentService assessments, MeterRegistry meters,
                          Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.snoozes = Objects.requireNonNull(snoozes, "snoozes");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.matches = Objects.requireNonNull(matches, "matches");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.doctor = Objects.requireNonNull(doctor, "doctor");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.assessments = Objects.requireNonNull(assessments, "assessments");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.refs = new RefResolver(tasks);
        this.parser = new CommandParser(new DateParser(clock, zone));
    }

    /**
     * True for the reply {@link #execute} gives when it failed on its side (and its change was rolled back): not the
     * user's doing, so a caller that marks an inbound event as handled in an enclosing transaction must not commit.
     */
    public static boolean failedOnOurSide(Reply reply) {
        return reply instanceof Failure && ((Failure) reply).kind() == Failure.Kind.OURS;
    }

    /** Parses and executes the request's text. */
    public Reply handle(CommandRequest request) {
        ParseResult parsed = parser.parse(request.text(),
                () -> tenant(request.tenant()).map(plans::planNames).orElse(java.util.List.of()));
        if (parsed instanceof ParseResult.Failed) {
            ParseResult.Failed f = (ParseResult.Failed) parsed;
            return counted(request, "unparsed", new Failure(f.message(), f.suggestions()));
        }
        return execute(request, ((ParseResult.Parsed) parsed).command());
    }

    /** Executes an already parsed command. */
    public Reply execute(CommandRequest request, Command command) {
        return execute(request, null, command);
    }

    /**
     * Executes a command about the task with this id in the request's tenant (a button, a reply in a reminder's
     * thread): the command's ref is not resolved, so a ref that several plans share cannot get in the way. A task
     * of another tenant, or one that is gone, is {@link #UNKNOWN_TASK}.
     */
    public Reply executeOnTask(CommandRequest request, long taskId, Command command) {
        return execute(request, taskId, command);
    }

    /**
     * The ref of the task with this id in the tenant, as it can be typed back: naming its plan when another plan has
     * the same ref ({@code EN003/01 in south}); empty when the tenant has no such task.
     */
    public Optional<RefText> refOf(String tenantSlug, long taskId) {
        return tenant(tenantSlug).flatMap(t -> taskById(t, taskId)).map(f -> f.ref);
    }

    /**
     * Whether the actor may change the task with this id in the tenant (its status, target date and notes; with
     * {@code reassign}, its owner): what a web page asks before it offers forms. The same rules the commands apply, which
     * check again when the form is sent. False for a task the tenant does not have.
     */
    public boolean mayChange(String tenantSlug, Actor actor, long taskId, boolean reassign) {
        if (actor.role() == Role.VIEWER) {
            return false;
        }
        return tenant(tenantSlug).flatMap(t -> taskById(t, taskId))
                .map(byId -> refusal(actor, byId.found(), reassign ? Role.LEAD : Role.OFFICER).isEmpty()).orElse(false);
    }

    /**
     * Every name a ref can resolve to in the tenant (actions by key and label, tasks by ref), in plan order, for a
     * platform that offers refs as the user types them; empty for an unknown tenant.
     */
    public java.util.List<planbot.storage.RefIndexEntry> refIndex(String tenantSlug) {
        return tenant(tenantSlug).map(tasks::refIndex).orElse(java.util.List.of());
    }

    private Reply execute(CommandRequest request, Long taskId, Command command) {
        // every line logged while the command runs names its tenant (a field of PLANBOT_LOG_FORMAT=json's lines)
        try (org.slf4j.MDC.MDCCloseable tagged = org.slf4j.MDC.putCloseable("tenant", request.tenant())) {
            return counted(request, command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    executeUncounted(request, taskId, command));
        }
    }

    /**
     * Counts a command's outcome in {@code planbot.commands}: by kind (the command, or "unparsed"), outcome (ok, refused:
     * the user's to fix, failed: ours) and platform (where it came from).
     */
    private Reply counted(CommandRequest request, String kind, Reply reply) {
        String outcome = !(reply instanceof Failure) ? "ok" : failedOnOurSide(reply) ? "failed" : "refused";
        meters.counter("planbot.commands", "kind", kind, "outcome", outcome, "platform", request.source().word()).increment();
        return reply;
    }

    private Reply executeUncounted(CommandRequest request, Long taskId, Command command) {
        try {
            Optional<Tenant> tenant = tenant(request.tenant());
            if (tenant.isEmpty()) {
                return Failure.of("There is no plan here yet: an admin can import one with `./planbot import FILE`.");
            }
            Ctx c = new Ctx(request, tenant.get(), LocalDate.now(clock.withZone(zone)), taskId);
            // One handle (one pooled connection) for the whole command: every repository call joins it, so a
            // card's four reads cost one checkout, not four. A change still runs in its own write transaction.
            if (command instanceof Command.MatchPeople) {
                // waits on the platform's member list (paginated, rate-limited): holds no connection meanwhile
                return dispatch(c, command);
            }
            return db.withHandle(h -> dispatch(c, command));
        } catch (RuntimeException e) {
            LOG.error("command failed: {} from {} in tenant {}", command.getClass().getSimpleName(),
                    request.source().word(), request.tenant(), e);
            return Failure.ours();
        }
    }

    /**
     * The tenant with this slug. Found tenants are remembered: a tenant is never renamed or removed, and every
     * command needs one, so the lookup would otherwise be a fifth of the cost of a card. Slugs not found are
     * asked again next time (an import may have created the tenant since).
     */
    private Optional<Tenant> tenant(String slug) {
        Tenant known = knownTenants.get(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Tenant> found = tenants.find(slug);
        found.ifPresent(t -> knownTenants.put(slug, t));
        return found;
    }

    /** Everything one execution needs to know. @param taskId the task a command is about, when given by id; else null */
    private record Ctx(CommandRequest request, Tenant tenant, LocalDate today, Long taskId) {
        Actor actor() {
            return request.actor();
        }
    }

    /** A task found by id, with its ref as it can be typed back. */
    private record ById(TaskInAction found, RefText ref) {
    }

    private Optional<ById> taskById(Tenant tenant, long taskId) {
        Optional<TaskRow> row = tasks.get(tenant, taskId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        java.util.List<TaskInAction> sameRef = tasks.findTasksByKey(tenant, planbot.domain.RefKey.of(row.get().ref()));
        for (TaskInAction t : sameRef) {
            if (t.task().id() == taskId) {
                return Optional.of(new ById(t, typedBack(t.task(), sameRef)));
            }
        }
        return Optional.empty();
    }

    /** The task's ref as it can be typed back: naming its plan when another plan has the same ref. */
    private RefText typedBack(Tenant tenant, TaskRow task) {
        return typedBack(task, tasks.findTasksByKey(tenant, planbot.domain.RefKey.of(task.ref())));
    }

    private static RefText typedBack(TaskRow task, java.util.List<TaskInAction> sameRef) {
        return new RefText(task.ref(), sameRef.size() > 1 ? task.planName() : null);
    }

    /** What the command's ref names: the task given by id, else the ref resolved. */
    private RefResolver.Resolution resolve(Ctx c, RefText ref) {
        if (c.taskId() == null) {
            return refs.resolve(c.tenant(), ref);
        }
        Optional<ById> byId = taskById(c.tenant(), c.taskId());
        return byId.isPresent() ? new RefResolver.ToTask(byId.get().found())
                : new RefResolver.Unresolved(UNKNOWN_TASK, java.util.List.of());
    }

    private Reply dispatch(Ctx c, Command command) {
        if (command instanceof Command.Status) {
            return status(c, ((Command.Status) command).ref());
        } else if (command instanceof Command.List) {
            return list(c, ((Command.List) command).filter());
        } else if (command instanceof Command.Mine) {
            return list(c, new ListFilter.Mine());
        } else if (command instanceof Command.Overdue) {
            return list(c, new ListFilter.Overdue());
        } else if (command instanceof Command.Update) {
            Command.Update u = (Command.Update) command;
            return setStatus(c, u.ref(), Status.canonical(u.kind()), u.note());
        } else if (command instanceof Command.Done) {
            Command.Done d = (Command.Done) command;
            return setStatus(c, d.ref(), Status.canonical(StatusKind.COMPLETED), d.note());
        } else if (command instanceof Command.Note) {
            Command.Note n = (Command.Note) command;
            return addNote(c, n.ref(), n.text());
        } else if (command instanceof Command.Date) {
            Command.Date d = (Command.Date) command;
            return setDate(c, d.ref(), d.date(), d.reason());
        } else if (command instanceof Command.Assign) {
            Command.Assign a = (Command.Assign) command;
            return assign(c, a.ref(), a.assignee());
        } else if (command instanceof Command.Snooze) {
            Command.Snooze s = (Command.Snooze) command;
            return snooze(c, s.ref(), s.spec(), s.reason());
        } else if (command instanceof Command.History) {
            return history(c, ((Command.History) command).ref());
        } else if (command instanceof Command.Search) {
            return search(c, ((Command.Search) command).words());
        } else if (command instanceof Command.DigestPreview) {
            return new DigestReply(DigestBuilder.build(digests.read(DigestScope.all(c.tenant().slug()), null,
                    ZonedDateTime.now(clock.withZone(zone)))));
        } else if (command instanceof Command.Help) {
            return help(((Command.Help) command).topic());
        } else if (command instanceof Command.LinkPerson) {
            Command.LinkPerson l = (Command.LinkPerson) command;
            return linkPerson(c, l.name(), l.mention());
        } else if (command instanceof Command.Unlinked) {
            return unlinked(c);
        } else if (command instanceof Command.SetChannel) {
            Command.SetChannel s = (Command.SetChannel) command;
            return setChannel(c, s.purpose(), s.channel());
        } else if (command instanceof Command.Channels) {
            return channels(c);
        } else if (command instanceof Command.Policy) {
            return new Listing("How reminders are sent here (an admin changes this with `policy set key=value`):",
                    PolicyWords.lines(policies.of(c.tenant())), "");
        } else if (command instanceof Command.SetPolicy) {
            return setPolicy(c, ((Command.SetPolicy) command).settings());
        } else if (command instanceof Command.Me) {
            return me(c);
        } else if (command instanceof Command.RemindersOn) {
            return remindersOn(c, ((Command.RemindersOn) command).platform());
        } else if (command instanceof Command.LinkChannel) {
            Command.LinkChannel l = (Command.LinkChannel) command;
            return linkChannel(c, l.name(), l.channel());
        } else if (command instanceof Command.MatchPeople) {
            return matchPeople(c, ((Command.MatchPeople) command).code());
        } else if (command instanceof Command.ClaimAdmin) {
            Optional<ChatIdentity> caller = c.request().chatContext().flatMap(ChatContext::caller);
            return caller.isEmpty() ? Failure.of(NO_CHAT)
                    : claims.claim(c.tenant(), c.actor(), c.request().source(), caller.get(), ((Command.ClaimAdmin) command).code());
        } else if (command instanceof Command.Calendar) {
            return calendar(c);
        } else if (command instanceof Command.Assess) {
            return assessments.run(new planbot.assessment.AssessmentService.Caller(c.tenant(), c.actor(), c.request().source(),
                    c.request().chat()), ((Command.Assess) command).step());
        } else if (command instanceof Command.Doctor) {
            Optional<Failure> refused = onlyAdmin(c, "run the doctor");
            return refused.isPresent() ? refused.get() : doctor.examine(c.tenant().slug()).checklist();
        } else if (command instanceof Command.Web) {
            return webLink(c);
        }
        throw new IllegalStateException("no handler for " + command);
    }

    // ---- reads

    private Reply status(Ctx c, RefText ref) {
        RefResolver.Resolution r = resolve(c, ref);
        if (r instanceof RefResolver.ToTask) {
            TaskInAction found = ((RefResolver.ToTask) r).found();
            return new TaskCard(view(c, found.task(), found.actionName()), lines(taskEvents(c, found.task()), RECENT));
        }
        if (r instanceof RefResolver.ToAction) {
            ActionRow a = ((RefResolver.ToAction) r).action();
            java.util.List<TaskView> views = new ArrayList<>();
            for (Task t : a.action().tasks()) {
                views.add(view(c, new TaskRow(0, a.planName(), a.sectionName(), a.key(), 0, t), a.action().displayName()));
            }
            Action action = a.action();
            return new ActionCard(action.key(), action.displayName(), a.sectionName(), action.recommendation(),
                    action.status(), action.lead(), views);
        }
        return unresolved(r);
    }

    private Reply list(Ctx c, ListFilter filter) {
        TaskQuery q = TaskQuery.all().open();
        String title;
        String empty;
        if (filter instanceof ListFilter.Mine) {
            if (c.actor().person() == null) {
                return Failure.of("You are not linked to anyone in the plan yet, so I can't tell which tasks are yours. "
                        + "Ask an admin to link your account to your name in the plan.");
            }
            q = q.ownedBy(c.actor().person().name());
            title = "Your open tasks, soonest first";
            empty = "You have no open tasks.";
        } else if (filter instanceof ListFilter.Overdue) {
            q = q.dueBefore(c.today());
            title = "Overdue, most overdue first";
            empty = "Nothing is overdue.";
        } else if (filter instanceof ListFilter.DueWithin) {
            int days = ((ListFilter.DueWithin) filter).days();
            q = q.dueOnOrAfter(c.today()).dueBefore(c.today().plusDays(days + 1L));
            title = "Due in the next " + days + (days == 1 ? " day" : " days");
            empty = "Nothing is due in the next " + days + (days == 1 ? " day." : " days.");
        } else if (filter instanceof ListFilter.WithStatus) {
            String word = ((ListFilter.WithStatus) filter).word();
            // Match by meaning when the word has one ("closed" finds "Closed - no longer required"); a word
            // planbot does not know can only be matched as the council wrote it.
            StatusKind kind = StatusKind.of(word);
            q = kind == StatusKind.UNKNOWN ? TaskQuery.all().withStatus(word) : TaskQuery.all().withStatus(kind);
            title = "Tasks with status " + Quote.of(word);
            empty = "No task has the status " + Quote.of(word) + ".";
        } else if (filter instanceof ListFilter.Owner) {
            String name = ((ListFilter.Owner) filter).name();
            q = q.ownedBy(name);
            title = "Open tasks of " + Quote.of(name);
            empty = Quote.of(name) + " has no open tasks.";
        } else if (filter instanceof ListFilter.Section) {
            String name = ((ListFilter.Section) filter).name();
            q = q.inSection(name);
            title = "Open tasks in " + Quote.of(name);
            empty = "No section with " + Quote.of(name) + " in its name has open tasks.";
        } else {
            title = "Open tasks, soonest first";
            empty = "There are no open tasks.";
        }
        java.util.List<TaskRow> rows = tasks.find(c.tenant(), q);
        java.util.List<TaskView> views = new ArrayList<>();
        for (TaskRow row : rows.subList(0, Math.min(LIST_LIMIT, rows.size()))) {
            views.add(view(c, row, null));
        }
        return new TaskList(title, views, rows.size(), empty);
    }

    private Reply history(Ctx c, RefText ref) {
        RefResolver.Resolution r = resolve(c, ref);
        if (r instanceof RefResolver.ToTask) {
            TaskRow task = ((RefResolver.ToTask) r).task();
            return new HistoryReply(task.ref(), "History of " + task.ref() + ", newest first",
                    lines(taskEvents(c, task), Integer.MAX_VALUE));
        }
        if (r instanceof RefResolver.ToAction) {
            ActionRow a = ((RefResolver.ToAction) r).action();
            return new HistoryReply(a.key(), "History of " + a.action().displayName() + " and its tasks, newest first",
                    actionHistory(c, a));
        }
        return unresolved(r);
    }

    /**
     * An action's own events and its tasks' (each line naming its task), newest first: what happens to an
     * action happens to its tasks.
     */
    private java.util.List<HistoryLine> actionHistory(Ctx c, ActionRow a) {
        java.util.List<HistoryLine> lines = new ArrayList<>(lines(audit.list(c.tenant(), a.key()), Integer.MAX_VALUE));
        for (Task t : a.action().tasks()) {
            for (AuditEvent e : taskEvents(c, a.planName(), t.ref())) {
                lines.add(new HistoryLine(e.at(), e.actor(), e.source().word(), t.ref() + " " + describe(e)));
            }
        }
        // Stable: events at the same instant keep the order each list gave them (latest written first).
        lines.sort(java.util.Comparator.comparing(HistoryLine::at).reversed());
        return lines;
    }

    private Reply search(Ctx c, String words) {
        java.util.List<String> terms = new ArrayList<>(Arrays.asList(words.strip().split("\\s+")));
        terms.removeIf(String::isBlank);
        if (terms.size() > 8) {
            terms = terms.subList(0, 8);
        }
        java.util.List<TaskRow> rows = tasks.search(c.tenant(), terms, LIST_LIMIT + 1);
        java.util.List<TaskView> views = new ArrayList<>();
        for (TaskRow row : rows.subList(0, Math.min(LIST_LIMIT, rows.size()))) {
            views.add(view(c, row, null));
        }
        return new TaskList("Tasks matching " + Quote.of(words), views, rows.size(),
                "No task mentions " + Quote.of(words) + ".");
    }

    private static Reply help(String topic) {
        if (topic != null) {
            Optional<HelpText.Entry> e = HelpText.find(topic);
            if (e.isPresent()) {
                return new HelpReply("How to use " + e.get().name(),
                        java.util.List.of(new HelpReply.Entry(e.get().usage(), e.get().description() + " Example: " + e.get().example())));
            }
        }
        java.util.List<HelpReply.Entry> entries = new ArrayList<>();
        for (HelpText.Entry e : HelpText.entries()) {
            entries.add(new HelpReply.Entry(e.usage(), e.description()));
        }
        return new HelpReply(topic == null ? "What I understand" : "I have no help on " + Quote.of(topic) + "; here is everything",
                entries);
    }

    // ---- administration: chat accounts and channels

    private static final String NO_CHAT = "There are no chat accounts or channels here: run this in the chat workspace it is about.";

    private Reply linkPerson(Ctx c, String name, String mention) {
        Optional<Failure> refused = onlyAdminInChat(c, "link chat accounts to people");
        if (refused.isPresent()) {
            return refused.get();
        }
        ChatContext chat = c.request().chatContext().orElseThrow();
        String platform = chat.platform();
        String userId;
        String account;
        if (Mentions.isEmail(mention)) {
            Optional<Directory.Member> member;
            try {
                member = matches.byEmail(platform, mention);
            } catch (PlatformException | UserFixableException e) {
                return Failure.of(e.getMessage());
            }
            if (member.isEmpty()) {
                return Failure.of("Nobody in this " + platform + " workspace has the email address " + Quote.of(mention)
                        + ": check it, or mention the person instead.");
            }
            userId = member.get().userId();
            account = PeopleMatchService.shown(member.get());
        } else {
            Assignee.Mention m = new Assignee.Mention(mention);
            if (m.platformUserId().isEmpty()) {
                return Failure.of("I can't tell which account " + Quote.of(mention) + " is: pick the person from the "
                        + "mention list as you type @, so that it shows as a link.");
            }
            userId = m.platformUserId().get();
            account = m.label().map(l -> "@" + l).orElse("that account");
        }
        Optional<planbot.domain.Person> person = people.find(c.tenant(), name);
        if (person.isEmpty()) {
            return nobodyCalled(c, name, mention);
        }
        String who = person.get().name();
        ChatIdentity identity = new ChatIdentity(platform, chat.workspace(), userId);
        try {
            return db.transaction(() -> {
                Optional<ChatIdentity> before = people.identity(c.tenant(), who, platform);
                if (before.isPresent() && before.get().equals(identity)) {
                    return new Confirmation(who + " is already linked to " + account + "; nothing to change.", null, null);
                }
                people.link(c.tenant(), who, identity);
                outbox.releaseHeld(c.tenant(), clock.instant()); // what waited for a way to reach someone may go now
                AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "person",
                        who, "linked", before.map(CommandService::accountText).orElse(null), accountText(identity), null);
                audit.append(c.tenant(), event);
                return new Confirmation(who + " is now linked to " + account + " on " + platform + ".", null, describe(event));
            });
        } catch (UserFixableException e) {
            // Linked in another tenant: say so without naming it.
            return Failure.of("That account is linked to someone in another plan, so I can't link it here.");
        }
    }

    private Reply linkChannel(Ctx c, String name, String typed) {
        Optional<Failure> refused = onlyAdminInChat(c, "link people to channels");
        if (refused.isPresent()) {
            return refused.get();
        }
        ChatContext chat = c.request().chatContext().orElseThrow();
        Optional<planbot.domain.Person> person = people.find(c.tenant(), name);
        if (person.isEmpty()) {
            return nobodyCalled(c, name, typed);
        }
        String who = person.get().name();
        PersonChannel channel = new PersonChannel(chat.platform(), Mentions.channelId(typed).orElseThrow());
        return db.transaction(() -> {
            PersonChannel before = people.reach(c.tenant(), who).channel();
            if (channel.equals(before)) {
                return new Confirmation(who + "'s reminders already go to #" + Mentions.channelName(typed) + "; nothing to change.",
                        null, null);
            }
            people.linkChannel(c.tenant(), who, channel);
            outbox.releaseHeld(c.tenant(), clock.instant()); // what waited for a way to reach them may go now
            AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "person", who,
                    "channel", before == null ? null : before.toString(), channel.toString(), null);
            audit.append(c.tenant(), event);
            return new Confirmation(who + "'s reminders now go to #" + Mentions.channelName(typed) + ", naming them.", null,
                    describe(event));
        });
    }

    private Reply matchPeople(Ctx c, String code) {
        Optional<Failure> refused = onlyAdminInChat(c, "link chat accounts to people");
        if (refused.isPresent()) {
            return refused.get();
        }
        ChatContext chat = c.request().chatContext().orElseThrow();
        String platform = chat.platform();
        String workspace = chat.workspace();
        try {
            if (code != null) {
                java.util.List<PeopleMatchService.Proposal> linked = matches.confirm(c.tenant(), platform, workspace, code,
                        c.actor().displayName(), c.request().source());
                java.util.List<String> lines = new ArrayList<>();
                linked.forEach(p -> lines.add(p.person() + " → " + PeopleMatchService.shown(p.member())));
                return new Listing("Linked " + linked.size() + (linked.size() == 1 ? " person" : " people") + " on " + platform
                        + " (each audited):", lines, "");
            }
            PeopleMatchService.Proposals proposals = matches.propose(c.tenant(), platform, workspace);
            java.util.List<String> lines = new ArrayList<>();
            int n = 0;
            for (PeopleMatchService.Proposal p : proposals.links()) {
                lines.add(++n + ". " + p.person() + " → " + PeopleMatchService.shown(p.member()) + ", by " + p.by());
            }
            lines.addAll(proposals.notes());
            String title = proposals.links().isEmpty()
                    ? "No links to propose from the " + platform + " members for the people with no account here."
                    : "Proposed links from the " + platform + " members (" + proposals.links().size() + "); `people match confirm "
                    + proposals.code() + "` links exactly these, or link one by one with `people link`:";
            return new Listing(title, lines, "Everyone in the plan has a " + platform + " account linked, or nobody matches.");
        } catch (PlatformException e) {
            // the platform's sentence is written for the admin and holds no secret
            return Failure.of("I couldn't get the " + platform + " member list: " + e.getMessage());
        } catch (UserFixableException e) {
            return Failure.of(capitalised(e.getMessage()) + ". Nothing was linked.");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A name not in the plan, with the closest names as commands to type back. */
    private Failure nobodyCalled(Ctx c, String name, String mention) {
        java.util.List<String> names = new ArrayList<>();
        people.list(c.tenant()).forEach(p -> names.add(p.name()));
        java.util.List<String> close = closeNames(name, names);
        return new Failure("Nobody called " + Quote.of(name) + " is in the plan."
                + (close.isEmpty() ? " `people unlinked` lists the names." : " Did you mean " + CommandParser.orList(close) + "?"),
                close.stream().map(n -> "people link \"" + n + "\" " + mention).toList());
    }

    private Reply unlinked(Ctx c) {
        if (!c.actor().role().atLeast(Role.LEAD)) {
            return Failure.of("Only a lead, a manager or an admin can see who is not linked yet.");
        }
        Optional<ChatContext> chat = c.request().chatContext();
        if (chat.isEmpty()) {
            return Failure.of(NO_CHAT);
        }
        java.util.List<String> names = new ArrayList<>();
        people.unlinked(c.tenant(), chat.get().platform()).forEach(p -> names.add(p.name() + " (" + p.role().word() + ")"));
        return new Listing("People in the plan with no " + chat.get().platform() + " account linked (an admin links one with "
                + "`people link <name> @user`):", names, "Everyone in the plan has a " + chat.get().platform() + " account linked.");
    }

    private Reply setChannel(Ctx c, ChannelPurpose purpose, String typed) {
        Optional<Failure> refused = onlyAdminInChat(c, "choose channels");
        if (refused.isPresent()) {
            return refused.get();
        }
        ChatContext chat = c.request().chatContext().orElseThrow();
        String platform = chat.platform();
        if (typed == null && chat.channel() == null) {
            return Failure.of("Mention the channel, or run this in the channel.");
        }
        String address = typed == null ? chat.channel() : Mentions.channelId(typed).orElseThrow();
        String shown = typed == null ? "this channel" : "#" + Mentions.channelName(typed);
        String word = purpose.name().toLowerCase(Locale.ROOT);
        return db.transaction(() -> {
            Optional<String> before = channels.find(c.tenant(), platform, purpose);
            if (before.isPresent() && before.get().equals(address)) {
                return new Confirmation("That is already the " + word + " channel; nothing to change.", null, null);
            }
            channels.set(c.tenant(), platform, purpose, address, clock.instant());
            outbox.releaseHeld(c.tenant(), clock.instant()); // what waited for a channel may go now
            AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "channel",
                    platform + " " + word, "set", before.orElse(null), address, null);
            audit.append(c.tenant(), event);
            return new Confirmation("The " + word + " channel is now " + shown + ": " + purposeText(purpose) + ".", null, describe(event));
        });
    }

    private Reply channels(Ctx c) {
        Optional<ChatContext> chat = c.request().chatContext();
        if (chat.isEmpty()) {
            return Failure.of(NO_CHAT);
        }
        java.util.List<String> lines = new ArrayList<>();
        for (ChannelPurpose p : ChannelPurpose.values()) {
            String word = p.name().toLowerCase(Locale.ROOT);
            lines.add(word + ": " + channels.find(c.tenant(), chat.get().platform(), p).map(id -> "#" + id).orElse("not set")
                    + " (" + purposeText(p) + ")");
        }
        return new Listing("Channels on " + chat.get().platform() + " (an admin sets one with `channel manager #channel`):",
                lines, "");
    }

    private Reply setPolicy(Ctx c, String settings) {
        Optional<Failure> refused = onlyAdmin(c, "change the reminder policy");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return db.transaction(() -> {
                PolicySource.Change change = policies.change(c.tenant(), settings, clock.instant());
                if (!change.changed()) {
                    return new Confirmation("The reminder policy already says that; nothing to change.", null, null);
                }
                AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "policy",
                        "reminders", "changed", change.before().format(), change.after().format(), null);
                audit.append(c.tenant(), event);
                return new Confirmation("The reminder policy is now: " + change.after().format()
                        + ". The next reminder sweep follows it.", null, describe(event));
            });
        } catch (UserFixableException e) {
            // PolicySource's refusal: a sentence naming the setting and what it takes, written for the admin
            return Failure.of("I can't set that: " + e.getMessage() + ". Nothing was changed. " + HelpText.usageSentence("policy"));
        }
    }

    /**
     * {@code calendar}: a new link to the caller's own calendar feed, shown only to them (a {@link LinkReply}); their
     * earlier link stops working. A guest has no tasks of their own to show.
     */
    private Reply calendar(Ctx c) {
        if (c.actor().person() == null) {
            return Failure.of("Your chat account isn't linked to a person of the plan, so I have no tasks of yours to put in a"
                    + " calendar: an admin can link you with `people link`.");
        }
        try {
            CalendarFeeds.Issued issued = calendars.issue(c.tenant().slug(), planbot.storage.CalendarFeed.Kind.PERSON,
                    c.actor().person().name(), c.actor().displayName(), c.request().source());
            return new LinkReply("Your calendar of your open tasks' target dates, for you alone: subscribe to this address in"
                    + " your calendar (Outlook: Add calendar, Subscribe from web; Google: Other calendars, From URL). Anyone"
                    + " with it sees your tasks; asking again gives a new address and stops this one (handle "
                    + issued.handle() + ").", issued.url(), "Subscribe");
        } catch (UserFixableException e) {
            return Failure.of(e.getMessage());
        }
    }

    /** A sign-in link for the asker alone (the reply is never shown to the channel); a guest is told how to be linked. */
    private Reply webLink(Ctx c) {
        Person person = c.actor().person();
        if (person == null) {
            return Failure.of("planbot does not know which person of the plan you are yet: an admin must link your account"
                    + " first (`people link \"Your name\" @you`), then `web` gives you a link.");
        }
        try {
            return new LinkReply("Your link to planbot's web pages, for you alone: it signs you in once, within the next "
                    + SignInLinks.VALID_FOR.toMinutes() + " minutes. Do not forward it.",
                    signIn.issue(c.tenant().slug(), person, c.request().source()), "Open planbot");
        } catch (UserFixableException e) {
            return Failure.of(e.getMessage());
        }
    }

    private Reply me(Ctx c) {
        if (c.actor().person() == null) {
            return Failure.of(NOT_LINKED);
        }
        String who = c.actor().person().name();
        PersonReach reach = people.reach(c.tenant(), who);
        java.util.List<String> lines = new ArrayList<>();
        reach.identities().forEach(id -> lines.add(id.platform() + ": " + id.userId()));
        String where = reach.chosen() != null ? reach.chosen() + " (you chose it)"
                : reach.lastUsed() != null ? reach.lastUsed() + " (where you last used planbot)" : "the first platform you are linked on";
        return new Listing("You are " + who + " (" + c.actor().role().word() + "). Your reminders go to " + where
                + "; `me reminders slack` (or teams, discord, auto) changes that. Your chat accounts:", lines,
                "You have no chat account linked.");
    }

    private Reply remindersOn(Ctx c, String platform) {
        if (c.actor().person() == null) {
            return Failure.of(NOT_LINKED);
        }
        String who = c.actor().person().name();
        PersonReach reach = people.reach(c.tenant(), who);
        if (platform != null && reach.identities().stream().noneMatch(id -> id.platform().equals(platform))) {
            return Failure.of("You have no " + platform + " account linked, so your reminders cannot go there; an admin links one "
                    + "with `people link` on " + platform + ".");
        }
        if (java.util.Objects.equals(reach.chosen(), platform)) {
            return new Confirmation("Your reminders already go " + (platform == null ? "wherever you last used planbot" : "to " + platform)
                    + "; nothing to change.", null, null);
        }
        return db.transaction(() -> {
            people.chooseRemindersPlatform(c.tenant(), who, platform);
            AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "person", who,
                    "reminders platform", reach.chosen() == null ? "auto" : reach.chosen(), platform == null ? "auto" : platform, null);
            audit.append(c.tenant(), event);
            return new Confirmation("Your reminders now go " + (platform == null ? "wherever you last used planbot" : "to " + platform)
                    + ".", null, describe(event));
        });
    }

    private static final String NOT_LINKED = "You are not linked to anyone in the plan yet: an admin links you with "
            + "`people link <name> @you`.";

    private static String purposeText(ChannelPurpose purpose) {
        switch (purpose) {
            case PLAN:
                return "reminders for people with no linked account go there, naming them";
            case MANAGER:
                return "escalations and digests go there";
            default:
                return "notices of messages that could not be delivered go there";
        }
    }

    private static String accountText(ChatIdentity identity) {
        return identity.platform() + " " + identity.workspace() + "/" + identity.userId();
    }

    /** As {@link #onlyAdmin}, and the command must come from a chat platform (it names that platform's accounts). */
    private static Optional<Failure> onlyAdminInChat(Ctx c, String what) {
        Optional<Failure> refused = onlyAdmin(c, what);
        return refused.isPresent() || c.request().chatContext().isPresent() ? refused : Optional.of(Failure.of(NO_CHAT));
    }

    private static Optional<Failure> onlyAdmin(Ctx c, String what) {
        return c.actor().role() == Role.ADMIN ? Optional.empty() : Optional.of(Failure.denied("Only an admin can " + what + "."));
    }

    /** The names closest to what was typed, compared without regard to case. */
    private static java.util.List<String> closeNames(String typed, java.util.List<String> names) {
        java.util.Map<String, String> byLower = new java.util.LinkedHashMap<>();
        names.forEach(n -> byLower.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        java.util.List<String> close = new ArrayList<>();
        Suggest.closest(typed.toLowerCase(Locale.ROOT), new ArrayList<>(byLower.keySet()), 3).forEach(k -> close.add(byLower.get(k)));
        return close;
    }

    // ---- changes

    /** One change to one task, as a command computes it from the stored task. */
    private record Edit(Task after, String change, String before, String afterText, String note, String said) {
    }

    private interface Editor {
        /** The edit to make, or null when the task is already as asked (nothing to write). */
        Edit edit(TaskRow row, String shown);
    }

    private Reply setStatus(Ctx c, RefText ref, Status status, String note) {
        return change(c, ref, Role.OFFICER, (row, shown) -> {
            Task t = row.task();
            if (t.status() != null && t.status().kind() == status.kind() && note == null) {
                return null;
            }
            Task after = t.withStatus(status);
            if (note != null) {
                after = after.withNotes(appendNote(t.notes(), c, note));
            }
            String before = t.status() == null ? "no status" : t.status().word();
            return new Edit(after, "status", before, status.word(), note,
                    shown + " is now " + status.word() + (note == null ? "." : ", with your note."));
        }, "is already " + status.word());
    }

    private Reply addNote(Ctx c, RefText ref, String text) {
        return change(c, ref, Role.OFFICER, (row, shown) -> new Edit(
                row.task().withNotes(appendNote(row.task().notes(), c, text)), "note", null, text, null,
                "Noted on " + shown + "."), "");
    }

    private Reply setDate(Ctx c, RefText ref, LocalDate date, String reason) {
        return change(c, ref, Role.OFFICER, (row, shown) -> {
            Task t = row.task();
            PlanDate to = PlanDate.of(date);
            if (t.target() != null && t.target().isDate() && t.target().date().equals(date)) {
                return null;
            }
            String from = t.target() == null ? "no target date" : t.target().display();
            String past = date.isBefore(c.today()) ? " That date has already passed, so it shows as overdue." : "";
            return new Edit(t.withTarget(to), "target-date", from, UkDates.format(date), reason,
                    "The target date of " + shown + " is now " + UkDates.format(date) + " (was " + from + ")." + past);
        }, "is already due on " + UkDates.format(date));
    }

    private Reply assign(Ctx c, RefText ref, Assignee assignee) {
        String name;
        if (assignee instanceof Assignee.Name) {
            name = assignee.text().strip();
        } else {
            Assignee.Mention mention = (Assignee.Mention) assignee;
            Optional<String> handle = mention.handle();
            if (handle.isEmpty()) {
                // A platform mention (<@U123|sam>) names whoever an admin linked to that account with `people link`.
                handle = mention.platformUserId().flatMap(id -> c.request().chatContext().flatMap(chat -> people.findByIdentity(
                        c.tenant(), new ChatIdentity(chat.platform(), chat.workspace(), id)))).map(planbot.domain.Person::name);
            }
            if (handle.isEmpty()) {
                return Failure.of("I can't tell who " + Quote.of(assignee.text()) + " is yet: an admin can link them "
                        + "to their name in the plan, or assign by name, e.g. `assign EN003/02 Sam Jones`.");
            }
            name = handle.get();
        }
        return change(c, ref, Role.LEAD, (row, shown) -> {
            Task t = row.task();
            if (t.owner() != null && Actor.same(t.owner(), name)) {
                return null;
            }
            people.upsert(c.tenant(), java.util.List.of(name), Role.OFFICER);
            return new Edit(t.withOwner(name), "owner", t.owner(), name, null,
                    shown + " is now " + name + "'s" + (t.owner() == null ? "." : " (was " + t.owner() + ")."));
        }, "is already assigned to " + name);
    }

    private Reply snooze(Ctx c, RefText ref, SnoozeSpec spec, String reason) {
        LocalDate until = spec.resumesOn(c.today());
        if (!until.isAfter(c.today())) {
            return Failure.of("A snooze must end after today: try `snooze " + Quote.of(ref.text()) + " 1w`.");
        }
        return change(c, ref, Role.OFFICER, (row, shown) -> {
            snoozes.snooze(c.tenant(), row.id(), until, c.actor().displayName(), c.request().source(), reason,
                    clock.instant());
            return new Edit(row.task(), "snooze", null, "until " + UkDates.format(until), reason,
                    "Reminders for " + shown + " are paused until " + UkDates.format(until) + ".");
        }, "");
    }

    /**
     * The shared path of every change: resolve the ref to one task, check the actor may change it (at least
     * {@code minimum}, and owning or leading it below manager), compute the edit, and write the task, the
     * audit event and any date revision in one transaction.
     */
    private Reply change(Ctx c, RefText ref, Role minimum, Editor editor, String alreadyText) {
        if (c.actor().role() == Role.VIEWER) {
            return Failure.denied(c.actor().person() == null && c.actor().integrationRole() == null
                    ? "You can read the plan but not change it: ask an admin to link your account to your name in the plan."
                    : "As " + article(c.actor().role().word()) + " you can read the plan but not change it.");
        }
        // Anyone else may change some tasks: whether this one is theirs is known only once the ref is resolved.
        return db.transaction(() -> {
            RefResolver.Resolution r = resolve(c, ref);
            if (r instanceof RefResolver.ToAction) {
                ActionRow a = ((RefResolver.ToAction) r).action();
                java.util.List<String> refsOf = new ArrayList<>();
                a.action().tasks().forEach(t -> refsOf.add(t.ref()));
                return new Failure(a.action().displayName() + " is an action; name one of its tasks.",
                        refsOf.subList(0, Math.min(8, refsOf.size())));
            }
            if (!(r instanceof RefResolver.ToTask)) {
                return unresolved(r);
            }
            TaskInAction found = ((RefResolver.ToTask) r).found();
            TaskRow row = found.task();
            Optional<String> refusal = refusal(c.actor(), found, minimum);
            if (refusal.isPresent()) {
                return Failure.denied(refusal.get());
            }
            String shown = typedBack(c.tenant(), row).toString();
            Edit edit = editor.edit(row, shown);
            if (edit == null) {
                return new Confirmation(shown + " " + alreadyText + "; nothing to change.", view(c, row, found.actionName()), null);
            }
            if (!edit.after().equals(row.task())) {
                tasks.update(c.tenant(), row.id(), edit.after(), clock.instant());
            }
            AuditEvent event = new AuditEvent(clock.instant(), c.actor().displayName(), c.request().source(), "task",
                    row.ref(), edit.change(), edit.before(), edit.afterText(), edit.note());
            audit.appendForTask(c.tenant(), row.id(), event);
            if (edit.change().equals("target-date")) {
                revisions.append(c.tenant(), row.id(), new DateRevision(row.ref(), row.task().target(), edit.after().target(),
                        c.actor().displayName(), c.request().source(), edit.note(), clock.instant()));
            }
            TaskRow now = new TaskRow(row.id(), row.planName(), row.sectionName(), row.actionKey(), row.position(), edit.after());
            return new Confirmation(edit.said(), view(c, now, found.actionName()), describe(event));
        });
    }

    /** Why the actor may not change this task, or empty when they may. */
    private static Optional<String> refusal(Actor actor, TaskInAction found, Role minimum) {
        TaskRow row = found.task();
        Role role = actor.role();
        if (role.atLeast(Role.MANAGER)) {
            return Optional.empty();
        }
        boolean leads = actor.is(found.actionLead());
        if (role.atLeast(Role.LEAD) && leads) {
            return Optional.empty();
        }
        if (minimum == Role.OFFICER && actor.is(row.task().owner())) {
            return Optional.empty();
        }
        String whose = row.task().owner() == null ? "it has no owner" : "it is " + row.task().owner() + "'s";
        if (minimum == Role.LEAD) {
            return Optional.of("Only the lead of " + found.actionName() + " or a manager can reassign " + row.ref() + ".");
        }
        return Optional.of("You can't change " + row.ref() + ": " + whose + ", and as " + article(role.word())
                + " you can change only " + (role == Role.LEAD ? "your own tasks and those of actions you lead." : "your own tasks."));
    }

    // ---- helpers

    /** A task as replies show it; {@code actionName} null shows the action by its key. */
    private TaskView view(Ctx c, TaskRow row, String actionName) {
        Task t = row.task();
        Rag rag = Rag.of(t.status(), t.target(), c.today());
        int late = rag == Rag.RED ? (int) ChronoUnit.DAYS.between(t.target().date(), c.today()) : 0;
        return new TaskView(t.ref(), row.actionKey(), actionName != null ? actionName : row.actionKey(), row.sectionName(), t.description(), t.status(), rag,
                t.target(), t.owner(), t.notes(), late, row.id());
    }

    /** A stored task's events: not those of a task with the same ref in another plan. */
    private java.util.List<AuditEvent> taskEvents(Ctx c, TaskRow task) {
        return audit.listForTask(c.tenant(), task.id(), task.ref());
    }

    /** The events of the task with this ref in this plan (an action card's tasks carry no id). */
    private java.util.List<AuditEvent> taskEvents(Ctx c, String plan, String ref) {
        for (TaskInAction f : tasks.findTasksByKey(c.tenant(), planbot.domain.RefKey.of(ref))) {
            if (f.task().planName().equals(plan) && f.task().ref().equals(ref)) {
                return taskEvents(c, f.task());
            }
        }
        return audit.list(c.tenant(), ref);
    }

    private static java.util.List<HistoryLine> lines(java.util.List<AuditEvent> events, int limit) {
        java.util.List<HistoryLine> lines = new ArrayList<>();
        for (AuditEvent e : events) {
            if (lines.size() >= limit) {
                break;
            }
            lines.add(new HistoryLine(e.at(), e.actor(), e.source().word(), describe(e)));
        }
        return lines;
    }

    /** An audit event in words: "status In progress → Completed (nearly there)". */
    static String describe(AuditEvent e) {
        StringBuilder b = new StringBuilder(e.change());
        if (e.before() != null || e.after() != null) {
            b.append(' ');
            if (e.before() != null) {
                b.append(e.before()).append(" → ");
            }
            b.append(e.after() == null ? "(none)" : e.after());
        }
        if (e.note() != null) {
            b.append(" (").append(e.note()).append(')');
        }
        return b.toString();
    }

    private String appendNote(String existing, Ctx c, String note) {
        String line = UkDates.format(c.today()) + " " + c.actor().displayName() + ": " + note;
        return existing == null ? line : existing + "\n" + line;
    }

    private static Failure unresolved(RefResolver.Resolution r) {
        RefResolver.Unresolved u = (RefResolver.Unresolved) r;
        return new Failure(u.message(), u.candidates());
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
