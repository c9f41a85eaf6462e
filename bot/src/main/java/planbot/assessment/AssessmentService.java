package planbot.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.command.Actor;
import planbot.command.AssessStep;
import planbot.command.ChatContext;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.PlanDate;
import planbot.domain.RefKey;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.domain.UkDates;
import planbot.reply.AssessCard;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.storage.ActionRow;
import planbot.storage.AssessSessionRepository;
import planbot.storage.AssessSessionRepository.ActionLink;
import planbot.storage.AssessSessionRepository.Outcome;
import planbot.storage.AssessSessionRepository.Session;
import planbot.storage.AssessSessionRepository.TipDecision;
import planbot.storage.AssessSessionRepository.Vote;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.SectionRow;
import planbot.storage.StoredPlan;
import planbot.storage.StoredTemplate;
import planbot.storage.TaskInAction;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.TemplateRepository;
import planbot.storage.Tenant;

/**
 * Runs assessment sessions: one step of {@code assess …} for the session in the channel it is typed in (the console
 * is one channel; on a platform, the chat's channel). A lead or above starts a session and is its facilitator; anyone
 * votes; the facilitator (or a manager or admin, so that a session whose facilitator left can be finished) reveals,
 * records scores, decides tips and moves on. Scores are on the template's {@link Scale}: 1–5, or red, amber, green
 * (kept as 1–3 in the same columns); a score typed on the other scale is refused.
 *
 * <p>Votes stay hidden until the reveal, which the facilitator asks for, or which happens by itself once as many have
 * voted on a part as voted on the first part ("invited" is the first part's voters: nobody has to list the team up
 * front). An anonymous session stores a salted hash per voter until the reveal, then nothing that ties a vote to anyone;
 * its votes are audited as "anonymous voter". Adopted tips and added actions become ordinary actions, each with one task
 * (owner, target date), in the section named after the template, in the plan chosen at the start: audited like any
 * other change, so reminders, the digest, status and export pick them up.
 *
 * <p>Called by the command service inside its handle. Thread-safe: all state is in the database, every change is one
 * transaction. Never throws for bad input: it answers with a {@link Failure} and changes nothing.
 */
public final class AssessmentService {
    /** The console's one channel. */
    public static final String CONSOLE = "console";
    private static final String ANONYMOUS_VOTER = "anonymous voter";
    private static final int SPREAD_TO_DISCUSS = 2;

    private final Database db;
    private final TemplateRepository templates;
    private final AssessSessionRepository sessions;
    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    public AssessmentService(Database db, TemplateRepository templates, AssessSessionRepository sessions, PlanRepository plans,
                             TaskRepository tasks, PersonRepository people, AuditRepository audit, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Who asked, where: the tenant, the actor, the source for the audit, and the chat (null on the console). */
    public record Caller(Tenant tenant, Actor actor, Source source, ChatContext chat) {
        public Caller {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(source, "source");
        }

        /** The channel a session is kept for. */
        String channel() {
            if (chat == null) {
                return CONSOLE;
            }
            String where = chat.channel() != null ? chat.channel() : "dm-" + (chat.userId() == null ? "" : chat.userId());
            return chat.platform() + ":" + chat.workspace() + ":" + where;
        }

        /** What tells one voter from another: their chat account, else their name. */
        String voterKey() {
            return chat != null && chat.userId() != null ? chat.platform() + ":" + chat.workspace() + ":" + chat.userId()
                    : "name:" + actor.displayName().strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Runs one step. */
    public Reply run(Caller c, AssessStep step) {
        if (step instanceof AssessStep.Start) {
            return start(c, (AssessStep.Start) step);
        }
        if (step instanceof AssessStep.Templates) {
            List<String> names = new ArrayList<>();
            templates.list(c.tenant().slug()).stream().map(st -> st.template().name()).distinct()
                    .forEach(n -> names.add("assess start \"" + n + "\""));
            return new Listing("Templates to assess against:", names,
                    "No templates yet: an admin imports one with `./planbot assess template import FILE`.");
        }
        Optional<Session> running = sessions.running(c.tenant(), c.channel());
        if (running.isEmpty()) {
            return step instanceof AssessStep.Status
                    ? new Confirmation("No assessment is running here. A lead starts one with `assess start \"<template>\"`.", null, null, false)
                    : Failure.of("No assessment is running here: a lead starts one with `assess start \"<template>\"`.");
        }
        Session s = running.get();
        Template t = template(c, s);
        Optional<Failure> wrongScale = wrongScale(step, t.scale());
        if (wrongScale.isPresent()) {
            return wrongScale.get();
        }
        if (step instanceof AssessStep.Vote) {
            return vote(c, s, t, ((AssessStep.Vote) step).score());
        }
        if (step instanceof AssessStep.Status) {
            return status(s, t);
        }
        if (!facilitates(c.actor(), s)) {
            return Failure.of("Only the facilitator, " + s.facilitator() + ", can do that (or a manager).");
        }
        if (step instanceof AssessStep.Reveal) {
            return reveal(c, s, t, c.actor().displayName());
        } else if (step instanceof AssessStep.Agree) {
            AssessStep.Agree a = (AssessStep.Agree) step;
            return score(c, s, t.scale(), false, a.score(), a.reason());
        } else if (step instanceof AssessStep.Target) {
            AssessStep.Target a = (AssessStep.Target) step;
            return score(c, s, t.scale(), true, a.score(), a.reason());
        } else if (step instanceof AssessStep.Adopt) {
            return adopt(c, s, t, (AssessStep.Adopt) step);
        } else if (step instanceof AssessStep.Dismiss) {
            return dismiss(c, s, t, (AssessStep.Dismiss) step);
        } else if (step instanceof AssessStep.AddAction) {
            AssessStep.AddAction a = (AssessStep.AddAction) step;
            return db.transaction(() -> {
                String ref = addTask(c, s, a.title(), a.owner(), a.by(), null);
                return new Confirmation("Action " + ref + " added to " + s.planName() + ": " + a.title() + ", for " + a.owner()
                        + " by " + UkDates.format(a.by()) + ".", null, null);
            });
        } else if (step instanceof AssessStep.Next) {
            return next(c, s, t);
        }
        return end(c, s, t);
    }

    // ---- start

    private Reply start(Caller c, AssessStep.Start start) {
        if (!c.actor().role().atLeast(Role.LEAD)) {
            return Failure.of("Only a lead, a manager or an admin can start an assessment; you can vote in one.");
        }
        Optional<Session> running = sessions.running(c.tenant(), c.channel());
        if (running.isPresent()) {
            return Failure.of("An assessment of " + running.get().templateName() + " is already running here (facilitator: "
                    + running.get().facilitator() + "): finish it with `assess end`, or start the new one in another channel.");
        }
        List<StoredTemplate> all = templates.list(c.tenant().slug()); // by name, newest version first
        Optional<StoredTemplate> found = all.stream()
                .filter(st -> st.template().name().equalsIgnoreCase(start.template().strip())).findFirst();
        if (found.isEmpty()) {
            List<String> names = all.stream().map(st -> st.template().name()).distinct().toList();
            return Failure.of("There is no template called \"" + start.template() + "\". "
                    + (names.isEmpty() ? "Import one with `./planbot assess template import FILE`."
                    : "The templates here are: " + String.join("; ", names) + "."));
        }
        StoredTemplate st = found.get();
        List<String> planNames = plans.planNames(c.tenant());
        String plan;
        if (start.plan() != null) {
            Optional<String> named = planNames.stream().filter(p -> p.equalsIgnoreCase(start.plan().strip())).findFirst();
            if (named.isEmpty()) {
                return Failure.of("There is no plan called \"" + start.plan() + "\". The plans here are: " + String.join("; ", planNames) + ".");
            }
            plan = named.get();
        } else if (planNames.size() == 1) {
            plan = planNames.get(0);
        } else if (planNames.isEmpty()) {
            return Failure.of("There is no plan here for the assessment's actions yet: an admin imports one with `./planbot import FILE`.");
        } else {
            return Failure.of("This council has " + planNames.size() + " plans: say which one gets the actions, e.g. `assess start \""
                    + st.template().name() + "\" plan \"" + planNames.get(0) + "\"`.");
        }
        Part first = st.template().parts().get(0);
        Instant now = clock.instant();
        Session s = db.transaction(() -> {
            Session fresh = new Session(0, st.id(), st.template().name(), plan, c.channel(), c.actor().displayName(),
                    start.anonymous(), salt(), first.number(), false, 0, now, null);
            long id = sessions.start(c.tenant(), fresh);
            audit.append(c.tenant(), new AuditEvent(now, c.actor().displayName(), c.source(), "assessment", st.template().name(),
                    "session started", null, start.anonymous() ? "anonymous" : "named", "session " + id + " in " + c.channel()));
            return sessions.get(c.tenant(), id).orElseThrow();
        });
        List<String> opening = new ArrayList<>();
        sessions.previous(c.tenant(), s.templateName(), s.id()).ifPresent(prev -> {
            List<String> open = new ArrayList<>();
            for (ActionLink l : sessions.links(prev.id())) {
                task(c, l.taskId()).filter(r -> !finished(r.task())).ifPresent(r -> open.add(taskLine(r.task())));
            }
            if (!open.isEmpty()) {
                opening.add(open.size() + (open.size() == 1 ? " action" : " actions") + " from the last assessment ("
                        + UkDates.format(LocalDate.ofInstant(prev.startedAt(), zone)) + (open.size() == 1 ? ") is" : ") are")
                        + " still open:");
                open.forEach(line -> opening.add("  " + line));
            }
        });
        opening.add(s.facilitator() + " is facilitating; voting is " + (s.anonymous() ? "anonymous" : "named")
                + "; actions go into " + plan + ", section \"" + s.templateName() + "\".");
        return partCard(c, s, st.template(), opening);
    }

    // ---- votes and the reveal

    private Reply vote(Caller c, Session read, Template t, Integer score) {
        String voter = read.anonymous() ? hash(read.salt(), c.voterKey()) : c.actor().displayName();
        return db.transaction(() -> {
            // read again in the write transaction: two last votes at once must not both reveal
            Session s = sessions.get(c.tenant(), read.id()).orElseThrow();
            if (s.revealed() || !s.running() || s.part() != read.part()) {
                return Failure.of("The votes on part " + read.part() + " are revealed, so voting on it is closed; the "
                        + "facilitator moves on with `assess next`.");
            }
            sessions.vote(s.id(), s.part(), voter, score, clock.instant());
            audit.append(c.tenant(), new AuditEvent(clock.instant(), s.anonymous() ? ANONYMOUS_VOTER : c.actor().displayName(),
                    c.source(), "assessment", s.templateName(), "vote", null, s.anonymous() ? "(hidden)" : scoreWord(t.scale(), score),
                    "session " + s.id() + ", part " + s.part()));
            int count = sessions.votes(s.id(), s.part()).size();
            if (s.invited() > 0 && count >= s.invited()) {
                // not audited as the last voter: in an anonymous session that would name them
                return reveal(c, s, t, "all invited voted");
            }
            // no score in the answer: on Teams a channel's answers are seen by everyone
            return new Confirmation("Your vote on part " + s.part() + " is in. It stays hidden until the reveal, and you can "
                    + "change it until then. " + count + (count == 1 ? " vote" : " votes") + " so far.", null, null, false);
        });
    }

    /** Reveals the current part's votes; called in or out of a transaction, it reads the session again in its own. */
    private Reply reveal(Caller c, Session read, Template t, String by) {
        return db.transaction(() -> {
            Session s = sessions.get(c.tenant(), read.id()).orElseThrow();
            if (s.revealed()) {
                return Failure.of("The votes on part " + s.part() + " are already revealed.");
            }
            List<Vote> votes = sessions.votes(s.id(), s.part());
            if (votes.isEmpty()) {
                return Failure.of("Nobody has voted on part " + s.part() + " yet.");
            }
            Scale scale = t.scale();
            Spread spread = Spread.of(scale, votes);
            sessions.saveOutcome(s.id(), new Outcome(s.part(), spread.low(), spread.high(), spread.stored(), spread.abstained(),
                    null, null, null, null, clock.instant()));
            if (s.anonymous()) {
                sessions.forgetVoters(s.id(), s.part());
            }
            boolean firstPart = t.parts().get(0).number() == s.part();
            sessions.setState(s.id(), s.part(), true, firstPart ? votes.size() : s.invited());
            audit.append(c.tenant(), new AuditEvent(clock.instant(), by, c.source(), "assessment", s.templateName(),
                    "votes revealed", null, spread.stored(), "session " + s.id() + ", part " + s.part()));
            List<String> lines = new ArrayList<>(spread.lines());
            if (!s.anonymous()) {
                List<String> named = new ArrayList<>();
                votes.forEach(v -> named.add(v.voter() + " " + scoreWord(scale, v.score())));
                lines.add("Votes: " + String.join(", ", named) + ".");
            }
            previousOutcome(c, s).ifPresent(o -> lines.add("Last time: " + scoreOrNone(scale, o.agreedScore()) + " (target "
                    + scoreOrNone(scale, o.targetScore()) + ")."));
            String n = scale == Scale.RAG ? "red|amber|green" : "N";
            lines.add("Next: `assess agree " + n + " because …`, then `assess target " + n + " because …`.");
            return new AssessCard("Votes on part " + s.part() + " of " + s.templateName() + " revealed", lines, List.of(), true);
        });
    }

    /**
     * The votes on a part: how many gave each score of the scale, the abstentions (not in the spread), the lowest and
     * highest score (null when nobody scored).
     */
    private record Spread(Scale scale, TreeMap<Integer, Integer> counts, int abstained, Integer low, Integer high) {
        static Spread of(Scale scale, List<Vote> votes) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (int k = 1; k <= scale.highest(); k++) {
                counts.put(k, 0);
            }
            int abstained = 0;
            Integer low = null;
            Integer high = null;
            for (Vote v : votes) {
                if (v.score() == null) {
                    abstained++;
                    continue;
                }
                counts.merge(v.score(), 1, Integer::sum);
                low = low == null ? v.score() : Math.min(low, v.score());
                high = high == null ? v.score() : Math.max(high, v.score());
            }
            return new Spread(scale, counts, abstained, low, high);
        }

        /** As stored, by number on either scale: "1:0 2:1 3:3 4:1 5:0". */
        String stored() {
            StringBuilder b = new StringBuilder();
            counts.forEach((k, n) -> b.append(b.length() == 0 ? "" : " ").append(k).append(':').append(n));
            return b.toString();
        }

        /** As the reveal says it, flagging a spread worth discussing. */
        List<String> lines() {
            int scored = counts.values().stream().mapToInt(Integer::intValue).sum();
            List<String> lines = new ArrayList<>();
            lines.add(scored + (scored == 1 ? " score" : " scores") + (abstained > 0 ? ", " + abstained + " abstained" : "")
                    + (low == null ? "." : ": lowest " + scale.word(low) + ", highest " + scale.word(high) + "."));
            StringBuilder perScore = new StringBuilder();
            counts.forEach((k, n) -> perScore.append(perScore.length() == 0 ? "" : " · ").append(scale.label(k)).append(": ").append(n));
            lines.add(perScore.toString());
            // red to green is a spread of 2 as well: the same rule, said in colours
            if (low != null && high - low >= SPREAD_TO_DISCUSS) {
                lines.add(scale == Scale.RAG ? "⚠ Votes run from red to green: discuss why before agreeing a rating."
                        : "⚠ A spread of " + (high - low) + ": discuss why before agreeing a score.");
            }
            return lines;
        }
    }

    // ---- outcomes

    private Reply score(Caller c, Session s, Scale scale, boolean target, int score, String reason) {
        if (!s.revealed()) {
            return Failure.of("Reveal the votes on part " + s.part() + " first (`assess reveal`), then record the "
                    + (target ? "target" : "agreed score") + ".");
        }
        return db.transaction(() -> {
            sessions.recordScore(s.id(), s.part(), target, score, reason);
            audit.append(c.tenant(), new AuditEvent(clock.instant(), c.actor().displayName(), c.source(), "assessment",
                    s.templateName(), target ? "target score" : "agreed score", null, scale.word(score),
                    (reason == null ? "" : reason + "; ") + "session " + s.id() + ", part " + s.part()));
            String movement = previousOutcome(c, s).filter(o -> o.agreedScore() != null && !target)
                    .map(o -> " Last time " + scale.word(o.agreedScore()) + " → now " + scale.word(score) + ".").orElse("");
            return new Confirmation(target
                    ? "Part " + s.part() + " target: " + scale.word(score) + (reason == null ? "." : ", not " + scale.best() + " because " + reason + ".")
                    : "Part " + s.part() + " agreed at " + scale.word(score) + " because " + reason + "." + movement, null, null);
        });
    }

    // ---- tips and actions

    private Reply adopt(Caller c, Session s, Template t, AssessStep.Adopt a) {
        Part part = t.part(s.part()).orElseThrow();
        Optional<Failure> refused = tipRefusal(s, t, part, a.tip());
        if (refused.isPresent()) {
            return refused.get();
        }
        Tip tip = part.tip(a.tip()).orElseThrow();
        return db.transaction(() -> {
            String ref = addTask(c, s, tip.text(), a.owner(), a.by(), tip.number());
            sessions.decide(s.id(), new TipDecision(s.part(), tip.number(), true, a.reason(), c.actor().displayName(), clock.instant()));
            audit.append(c.tenant(), new AuditEvent(clock.instant(), c.actor().displayName(), c.source(), "assessment",
                    s.templateName(), "tip adopted", null, "tip " + tip.number() + " → " + ref, a.reason()));
            return new Confirmation("Tip " + tip.number() + " adopted as " + ref + " in " + s.planName() + ", for " + a.owner()
                    + " by " + UkDates.format(a.by()) + ".", null, null);
        });
    }

    private Reply dismiss(Caller c, Session s, Template t, AssessStep.Dismiss d) {
        Part part = t.part(s.part()).orElseThrow();
        Optional<Failure> refused = tipRefusal(s, t, part, d.tip());
        if (refused.isPresent()) {
            return refused.get();
        }
        return db.transaction(() -> {
            sessions.decide(s.id(), new TipDecision(s.part(), d.tip(), false, d.reason(), c.actor().displayName(), clock.instant()));
            audit.append(c.tenant(), new AuditEvent(clock.instant(), c.actor().displayName(), c.source(), "assessment",
                    s.templateName(), "tip dismissed", null, "tip " + d.tip(), d.reason()));
            return new Confirmation("Tip " + d.tip() + " dismissed because " + d.reason() + ".", null, null);
        });
    }

    private Optional<Failure> tipRefusal(Session s, Template t, Part part, int number) {
        if (part.tip(number).isEmpty()) {
            Optional<Part> elsewhere = t.parts().stream().filter(p -> p.tip(number).isPresent()).findFirst();
            List<String> here = part.tips().stream().map(x -> Integer.toString(x.number())).toList();
            return Optional.of(Failure.of(elsewhere.isPresent()
                    ? "Tip " + number + " belongs to part " + elsewhere.get().number() + "; this is part " + part.number() + "."
                    : "Part " + part.number() + " has no tip " + number + (here.isEmpty() ? "." : ": its tips are " + String.join(", ", here) + ".")));
        }
        Optional<TipDecision> decided = sessions.decisions(s.id()).stream()
                .filter(d -> d.part() == part.number() && d.tip() == number).findFirst();
        return decided.map(d -> Failure.of("Tip " + number + " was already " + (d.adopted() ? "adopted" : "dismissed") + " in this session."));
    }

    /**
     * Adds an action with one task to the session's plan, in the section named after the template (made when missing),
     * links it to the session and audits it; returns the task's ref. The action key is the first free "AS" number in
     * the tenant, so the ref is unique and types like any other ({@code AS001/01}, {@code AS1/1}).
     */
    private String addTask(Caller c, Session s, String text, String owner, LocalDate by, Integer tip) {
        StoredPlan plan = plans.stored(c.tenant(), s.planName()).orElseThrow();
        String section = s.templateName();
        List<SectionRow> newSections = new ArrayList<>();
        if (plan.sections().stream().noneMatch(x -> x.name().equals(section))) {
            newSections.add(new SectionRow(0, section, plan.sections().size()));
        }
        String key = freeKey(c);
        String ref = key + "/01";
        long inSection = plan.actions().stream().filter(a -> a.sectionName().equals(section)).count();
        String origin = "From the assessment of " + s.templateName() + " on " + UkDates.format(LocalDate.ofInstant(s.startedAt(), zone))
                + ": part " + s.part() + (tip == null ? "" : ", tip " + tip) + ".";
        Action action = new Action(key, null, text, null, owner, origin, List.of());
        Task task = new Task(ref, text, Status.canonical(StatusKind.NOT_STARTED), null, null, PlanDate.of(by), null, owner, null);
        Instant now = clock.instant();
        plans.saveRows(c.tenant(), plan.id(), newSections,
                List.of(new ActionRow(0, s.planName(), section, (int) inSection, action)),
                List.of(new TaskRow(0, s.planName(), section, key, 0, task)), now);
        people.upsert(c.tenant(), List.of(owner), Role.OFFICER);
        long taskId = tasks.findTasksByKey(c.tenant(), RefKey.of(ref)).stream()
                .filter(f -> f.task().planName().equals(s.planName())).findFirst().orElseThrow().task().id();
        sessions.link(s.id(), new ActionLink(s.part(), tip, taskId));
        audit.appendForTask(c.tenant(), taskId, new AuditEvent(now, c.actor().displayName(), c.source(), "task", ref, "created",
                null, text, origin));
        return ref;
    }

    private String freeKey(Caller c) {
        for (int n = 1; ; n++) {
            String key = String.format(Locale.ROOT, "AS%03d", n);
            if (tasks.findActionsByKey(c.tenant(), RefKey.of(key)).isEmpty()
                    && tasks.findTasksByKey(c.tenant(), RefKey.of(key + "/01")).isEmpty()) {
                return key;
            }
        }
    }

    // ---- moving on

    private Reply next(Caller c, Session s, Template t) {
        List<Part> parts = t.parts();
        int index = indexOf(t, s.part());
        if (index == parts.size() - 1) {
            return Failure.of("Part " + s.part() + " is the last part: finish with `assess end`.");
        }
        Part next = parts.get(index + 1);
        Session moved = db.transaction(() -> {
            sessions.setState(s.id(), next.number(), false, s.invited());
            audit.append(c.tenant(), new AuditEvent(clock.instant(), c.actor().displayName(), c.source(), "assessment",
                    s.templateName(), "part", Integer.toString(s.part()), Integer.toString(next.number()), "session " + s.id()));
            return s.at(next.number(), false, s.invited());
        });
        return partCard(c, moved, t, List.of());
    }

    private Reply end(Caller c, Session s, Template t) {
        return db.transaction(() -> {
            sessions.end(s.id(), clock.instant());
            audit.append(c.tenant(), new AuditEvent(clock.instant(), c.actor().displayName(), c.source(), "assessment",
                    s.templateName(), "session ended", null, null, "session " + s.id()));
            List<String> lines = new ArrayList<>();
            for (Outcome o : sessions.outcomes(s.id())) {
                lines.add("Part " + o.part() + ": agreed " + scoreOrNone(t.scale(), o.agreedScore()) + ", target "
                        + scoreOrNone(t.scale(), o.targetScore()) + ".");
            }
            List<TipDecision> decisions = sessions.decisions(s.id());
            long adopted = decisions.stream().filter(TipDecision::adopted).count();
            List<ActionLink> links = sessions.links(s.id());
            lines.add(adopted + (adopted == 1 ? " tip" : " tips") + " adopted, " + (decisions.size() - adopted) + " dismissed; " + links.size()
                    + (links.size() == 1 ? " action" : " actions") + " added to " + s.planName() + ".");
            return new AssessCard("Assessment of " + s.templateName() + " finished (session " + s.id() + ")", lines, List.of(), true);
        });
    }

    private Reply status(Session s, Template t) {
        List<String> lines = new ArrayList<>();
        lines.add("Facilitator: " + s.facilitator() + "; voting is " + (s.anonymous() ? "anonymous" : "named") + ".");
        int count = sessions.votes(s.id(), s.part()).size();
        lines.add("Part " + s.part() + " of " + t.parts().size() + ": " + t.part(s.part()).map(Part::title).orElse("")
                + (s.revealed() ? " — votes revealed." : " — " + count + (count == 1 ? " vote" : " votes") + " in, hidden until the reveal."));
        return new AssessCard("Assessment of " + s.templateName() + " (session " + s.id() + ")", lines, List.of(), false);
    }

    // ---- the part as shown

    private Reply partCard(Caller c, Session s, Template t, List<String> opening) {
        Part part = t.part(s.part()).orElseThrow();
        List<String> lines = new ArrayList<>(opening);
        Scale scale = t.scale();
        if (scale == Scale.RAG) {
            lines.add("Standard: " + part.poor());
            lines.add("Green looks like: " + part.excellent());
        } else {
            lines.add("Poor (1): " + part.poor());
            lines.add("Excellent (5): " + part.excellent());
        }
        Optional<Session> prev = sessions.previous(c.tenant(), s.templateName(), s.id());
        if (prev.isPresent()) {
            Optional<Outcome> last = sessions.outcomes(prev.get().id()).stream().filter(o -> o.part() == part.number()).findFirst();
            lines.add("Last time: " + last.map(o -> scoreOrNone(scale, o.agreedScore()) + ", target " + scoreOrNone(scale, o.targetScore()))
                    .orElse("not scored") + ".");
            List<String> done = new ArrayList<>();
            for (ActionLink l : sessions.links(prev.get().id())) {
                if (l.part() == part.number()) {
                    task(c, l.taskId()).filter(r -> finished(r.task())).ifPresent(r -> done.add(r.ref() + " " + r.task().description()));
                }
            }
            lines.add("Actions completed since: " + (done.isEmpty() ? "none" : String.join("; ", done)) + ".");
        }
        part.tips().forEach(tip -> lines.add("Tip " + tip.number() + ": " + tip.text()));
        List<Question.Choice> choices = new ArrayList<>();
        for (int k = 1; k <= scale.highest(); k++) {
            choices.add(new Question.Choice(scale.label(k), "assess vote " + scale.word(k)));
        }
        choices.add(new Question.Choice("Abstain", "assess vote abstain"));
        return new AssessCard(s.templateName() + " — part " + part.number() + " of " + t.parts().size() + ": " + part.title()
                + (scale == Scale.RAG ? ". Rate it red, amber or green, or abstain." : ". Vote 1 to 5, or abstain."), lines, choices, true);
    }

    // ---- helpers

    private Template template(Caller c, Session s) {
        return templates.byId(c.tenant().slug(), s.templateId()).orElseThrow().template();
    }

    private static int indexOf(Template t, int partNumber) {
        for (int i = 0; i < t.parts().size(); i++) {
            if (t.parts().get(i).number() == partNumber) {
                return i;
            }
        }
        throw new IllegalStateException("the template has no part " + partNumber);
    }

    private Optional<Outcome> previousOutcome(Caller c, Session s) {
        return sessions.previous(c.tenant(), s.templateName(), s.id())
                .flatMap(p -> sessions.outcomes(p.id()).stream().filter(o -> o.part() == s.part()).findFirst());
    }

    private Optional<TaskRow> task(Caller c, long taskId) {
        return tasks.get(c.tenant(), taskId);
    }

    private static boolean finished(Task t) {
        return t.status() != null && t.status().kind().isFinished();
    }

    private static String taskLine(Task t) {
        return t.ref() + " " + t.description() + " — " + (t.owner() == null ? "no owner" : t.owner()) + ", "
                + (t.target() == null ? "no date" : t.target().display()) + ", " + (t.status() == null ? "no status" : t.status().word());
    }

    private static boolean facilitates(Actor actor, Session s) {
        // by the person, not a display name: a guest calling themselves after the facilitator is not them
        return actor.is(s.facilitator()) || actor.role().atLeast(Role.MANAGER);
    }

    private static String scoreWord(Scale scale, Integer score) {
        return score == null ? "abstain" : scale.word(score);
    }

    private static String scoreOrNone(Scale scale, Integer score) {
        return score == null ? "none" : scale.word(score);
    }

    /** A score typed on the other scale than the session's template: one sentence naming what fits. */
    private static Optional<Failure> wrongScale(AssessStep step, Scale scale) {
        Scale typed = null;
        String verb = null;
        if (step instanceof AssessStep.Vote) {
            typed = ((AssessStep.Vote) step).scale();
            verb = "vote";
        } else if (step instanceof AssessStep.Agree) {
            typed = ((AssessStep.Agree) step).scale();
            verb = "agree";
        } else if (step instanceof AssessStep.Target) {
            typed = ((AssessStep.Target) step).scale();
            verb = "target";
        }
        if (typed == null || typed == scale) {
            return Optional.empty();
        }
        String example = "`assess " + verb + " " + scale.word((scale.highest() + 1) / 2)
                + (verb.equals("vote") ? "` (or `assess vote abstain`)" : " because …`");
        return Optional.of(Failure.of("This assessment is rated " + scale.choices() + ", not "
                + (typed == Scale.RAG ? "in colours" : "by number") + ": " + example + "."));
    }

    private String salt() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A voter's one-way mark in an anonymous session: counts them once without naming them. */
    private static String hash(String salt, String voterKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + "\n" + voterKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
