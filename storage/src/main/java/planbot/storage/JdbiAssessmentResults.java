package planbot.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import planbot.assess.AssessmentResults.ActionLink;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.AssessmentResults.TipDecision;
import planbot.assess.Part;
import planbot.assess.ResultsSource;
import planbot.assess.Template;

/**
 * {@link ResultsSource} over the session engine's tables (V18): each session with one result per part it reached (a
 * part revealed, or with a tip decided or an action added), its links back to the plan by plan name and task ref.
 * Reads only. Thread-safe; storage failures are {@link StorageException}s.
 */
public final class JdbiAssessmentResults implements ResultsSource {
    private final TenantRepository tenants;
    private final TemplateRepository templates;
    private final AssessSessionRepository sessions;
    private final TaskRepository tasks;

    public JdbiAssessmentResults(TenantRepository tenants, TemplateRepository templates, AssessSessionRepository sessions,
                                 TaskRepository tasks) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public Optional<SessionResult> session(String tenant, long sessionId) {
        Optional<Tenant> t = tenants.find(tenant);
        return t.flatMap(found -> sessions.get(found, sessionId)).map(s -> result(t.get(), s));
    }

    @Override
    public List<SessionResult> sessions(String tenant) {
        Optional<Tenant> t = tenants.find(tenant);
        if (t.isEmpty()) {
            return List.of();
        }
        List<SessionResult> all = new ArrayList<>();
        sessions.list(t.get()).forEach(s -> all.add(result(t.get(), s)));
        return all;
    }

    private SessionResult result(Tenant tenant, AssessSessionRepository.Session s) {
        StoredTemplate stored = templates.byId(tenant.slug(), s.templateId()).orElseThrow(
                () -> new IllegalStateException("session " + s.id() + " names template " + s.templateId() + ", which is gone"));
        Template template = stored.template();
        List<AssessSessionRepository.Outcome> outcomes = sessions.outcomes(s.id());
        List<AssessSessionRepository.TipDecision> decisions = sessions.decisions(s.id());
        List<AssessSessionRepository.ActionLink> links = sessions.links(s.id());
        TreeSet<Integer> reached = new TreeSet<>();
        outcomes.forEach(o -> reached.add(o.part()));
        decisions.forEach(d -> reached.add(d.part()));
        links.forEach(l -> reached.add(l.part()));
        List<PartResult> parts = new ArrayList<>();
        for (int number : reached) {
            Optional<AssessSessionRepository.Outcome> o = outcomes.stream().filter(x -> x.part() == number).findFirst();
            List<TipDecision> tips = new ArrayList<>();
            for (AssessSessionRepository.TipDecision d : decisions) {
                if (d.part() == number) {
                    ActionLink action = links.stream().filter(l -> l.part() == number && Integer.valueOf(d.tip()).equals(l.tip()))
                            .findFirst().flatMap(l -> link(tenant, l)).orElse(null);
                    tips.add(new TipDecision(d.tip(), d.adopted(), d.reason(), action));
                }
            }
            List<ActionLink> extra = new ArrayList<>();
            links.stream().filter(l -> l.part() == number && l.tip() == null).forEach(l -> link(tenant, l).ifPresent(extra::add));
            parts.add(new PartResult(number, template.part(number).map(Part::title).orElse("Part " + number),
                    o.map(AssessSessionRepository.Outcome::agreedScore).orElse(null),
                    o.map(AssessSessionRepository.Outcome::agreedReason).orElse(null),
                    o.map(AssessSessionRepository.Outcome::targetScore).orElse(null),
                    o.map(AssessSessionRepository.Outcome::targetReason).orElse(null),
                    o.map(x -> votes(x.counts())).orElse(Map.of()), o.map(AssessSessionRepository.Outcome::abstained).orElse(0),
                    tips, extra));
        }
        return new SessionResult(s.id(), s.templateId(), s.templateName(), stored.version(), channelName(s.channel()),
                s.startedAt(), s.endedAt(), s.anonymous(), parts);
    }

    private Optional<ActionLink> link(Tenant tenant, AssessSessionRepository.ActionLink l) {
        return tasks.get(tenant, l.taskId()).map(row -> new ActionLink(row.planName(), row.ref()));
    }

    /** "1:0 2:1 3:3" → {2=1, 3=3}: the scores someone gave. */
    private static Map<Integer, Integer> votes(String counts) {
        Map<Integer, Integer> votes = new TreeMap<>();
        for (String pair : counts.split(" ")) {
            String[] kv = pair.split(":");
            if (kv.length == 2 && Integer.parseInt(kv[1]) > 0) {
                votes.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return votes;
    }

    /** "slack:T1:C2" → "slack T1/C2"; "console" stays. */
    private static String channelName(String channel) {
        String[] p = channel.split(":", 3);
        return p.length == 3 ? p[0] + " " + p[1] + "/" + p[2] : channel;
    }
}
