package planbot.assessment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.Role;
import planbot.storage.JdbiAssessSessionRepository;
import planbot.storage.JdbiTemplateRepository;
import planbot.testing.TestBot;

/**
 * A bot with the sample plan, a team of five voters and a facilitator, and a two-part template shaped like the PAS
 * toolkit's (tips numbered across the section), for the session tests.
 */
final class AssessSessions {
    static final String TEMPLATE = "Processes, IT and administration";
    static final String FACILITATOR = "Liam Lead";
    static final String OLIVIA = "Olivia Officer";
    static final String OSCAR = "Oscar Other";
    static final String PRIYA = "Priya Planner";
    static final String MONA = "Mona Manager";
    static final String VERA = "Vera Viewer";
    static final List<String> VOTERS = List.of(OLIVIA, OSCAR, PRIYA, MONA, VERA);

    private AssessSessions() {
    }

    static TestBot open(Path dir) {
        TestBot bot = TestBot.withSample(dir)
                .person(FACILITATOR, Role.LEAD).person(OLIVIA, Role.OFFICER).person(OSCAR, Role.OFFICER)
                .person(PRIYA, Role.OFFICER).person(MONA, Role.MANAGER).person(VERA, Role.VIEWER);
        new JdbiTemplateRepository(bot.app().database(), bot.clock()).save(TestBot.TENANT, template());
        return bot;
    }

    /** Reopens the same database file, as a restarted planbot would (the template is already stored). */
    static TestBot reopen(Path dir) {
        return TestBot.start(dir);
    }

    static Template template() {
        return new Template(TEMPLATE, "test", List.of(
                new Part(1, "Processes", "There are no process notes.", "Process notes are kept up to date and used.",
                        List.of(new Tip(1, "Write down each process."), new Tip(2, "Review the validation checklist."),
                                new Tip(3, "Share the notes with the team.")),
                        List.of("Are processes written down?")),
                new Part(2, "IT", "The system is unreliable.", "The system supports the work well.",
                        List.of(new Tip(4, "Link the software to the Planning Portal."), new Tip(5, "Train staff on the system.")),
                        List.of())));
    }

    static JdbiAssessSessionRepository sessions(TestBot bot) {
        return new JdbiAssessSessionRepository(bot.app().database());
    }

    /** The rows of one table. */
    static List<Map<String, Object>> rows(TestBot bot, String table) {
        return bot.dump().get(table);
    }
}
