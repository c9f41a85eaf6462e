package planbot.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static planbot.assessment.AssessSessions.FACILITATOR;
import static planbot.assessment.AssessSessions.MONA;
import static planbot.assessment.AssessSessions.OLIVIA;
import static planbot.assessment.AssessSessions.OSCAR;
import static planbot.assessment.AssessSessions.PRIYA;
import static planbot.assessment.AssessSessions.VERA;
import static planbot.assessment.AssessSessions.VOTERS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.assess.AssessmentResults;
import planbot.command.ChatContext;
import planbot.domain.Plan;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.reply.AssessCard;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestText;
import planbot.scheduler.reminder.Reminder;
import planbot.storage.AssessSessionRepository.TipDecision;
import planbot.storage.JdbiAssessmentResults;
import planbot.storage.JdbiPlanRepository;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/**
 * An assessment session on the console with five voters, through the whole stack (CommandService, the real SQLite
 * file): hidden votes, the reveal's spread, outcomes, tips into plan actions, bad input, a restart, a re-assessment.
 */
class AssessSessionTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = AssessSessions.open(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private Reply start(String extra) {
        return bot.send(FACILITATOR, "assess start \"" + AssessSessions.TEMPLATE + "\"" + extra);
    }

    @Test
    void GIVEN_a_lead_WHEN_they_start_THEN_the_first_part_is_shown_to_the_channel_with_its_statements_tips_and_score_choices() {
        Reply reply = start("");

        assertThat(reply).isInstanceOf(AssessCard.class);
        AssessCard card = (AssessCard) reply;
        assertThat(card.visibleToChannel()).isTrue();
        assertThat(card.title()).contains("part 1 of 2: Processes");
        assertThat(card.lines()).contains("Poor (1): There are no process notes.",
                "Excellent (5): Process notes are kept up to date and used.", "Tip 2: Review the validation checklist.");
        assertThat(card.choices()).extracting(c -> c.command()).containsExactly("assess vote 1", "assess vote 2",
                "assess vote 3", "assess vote 4", "assess vote 5", "assess vote abstain");
    }

    @Test
    void GIVEN_five_voters_WHEN_they_vote_change_a_vote_and_abstain_THEN_votes_stay_hidden_until_the_reveal_which_shows_the_right_spread() {
        start("");
        Reply first = bot.send(OLIVIA, "assess vote 3");
        bot.send(OSCAR, "assess vote 4");
        bot.send(PRIYA, "assess vote 2");
        bot.send(MONA, "assess vote abstain");
        bot.send(VERA, "assess vote 4");
        bot.send(PRIYA, "assess vote 5"); // changed: counts once

        assertThat(first.visibleToChannel()).isFalse();
        String status = bot.sendText(OSCAR, "assess status");
        assertThat(status).contains("5 votes in, hidden until the reveal");
        for (String voter : VOTERS) {
            assertThat(status).doesNotContain(voter);
        }
        assertThat(failure(OSCAR, "assess reveal")).startsWith("Only the facilitator, Liam Lead, can do that");

        Reply reveal = bot.send(FACILITATOR, "assess reveal");

        assertThat(reveal.visibleToChannel()).isTrue();
        AssessCard card = (AssessCard) reveal;
        assertThat(card.lines()).contains("4 scores, 1 abstained: lowest 3, highest 5.",
                "1: 0 · 2: 0 · 3: 1 · 4: 2 · 5: 1",
                "⚠ A spread of 2: discuss why before agreeing a score.",
                "Votes: Olivia Officer 3, Oscar Other 4, Priya Planner 5, Mona Manager abstain, Vera Viewer 4.");
        assertThat(AssessSessions.rows(bot, "assess_vote")).hasSize(5);
        Map<String, Object> outcome = AssessSessions.rows(bot, "assess_outcome").get(0);
        assertThat(outcome).containsEntry("counts", "1:0 2:0 3:1 4:2 5:1");
        assertThat(((Number) outcome.get("lowest")).intValue()).isEqualTo(3);
        assertThat(((Number) outcome.get("abstained")).intValue()).isEqualTo(1);
    }

    @Test
    void GIVEN_agreeing_votes_WHEN_revealed_THEN_no_spread_is_flagged() {
        start("");
        bot.send(OLIVIA, "assess vote 3");
        bot.send(OSCAR, "assess vote 4");

        AssessCard card = (AssessCard) bot.send(FACILITATOR, "assess reveal");

        assertThat(card.lines()).contains("2 scores: lowest 3, highest 4.");
        assertThat(card.lines()).noneMatch(l -> l.contains("spread"));
    }

    @Test
    void GIVEN_an_anonymous_session_WHEN_five_vote_and_the_votes_are_revealed_THEN_no_voter_name_or_chat_id_is_stored() {
        bot.inChat(new ChatContext("slack", "T1", "UFACIL", "C1"));
        start(" anonymous");
        String[] ids = {"U001", "U002", "U003", "U004", "U005"};
        for (int i = 0; i < VOTERS.size(); i++) {
            bot.inChat(new ChatContext("slack", "T1", ids[i], "C1"));
            bot.send(VOTERS.get(i), "assess vote " + (i % 2 == 0 ? 3 : 4));
        }
        bot.send(VOTERS.get(0), "assess vote 5"); // changed: still one vote

        List<Map<String, Object>> before = AssessSessions.rows(bot, "assess_vote");
        assertThat(before).hasSize(5);
        bot.inChat(new ChatContext("slack", "T1", "UFACIL", "C1"));
        AssessCard reveal = (AssessCard) bot.send(FACILITATOR, "assess reveal");

        assertThat(reveal.lines()).contains("5 scores: lowest 3, highest 5.").noneMatch(l -> l.startsWith("Votes:"));
        assertThat(AssessSessions.rows(bot, "assess_vote")).allSatisfy(row -> assertThat((String) row.get("voter")).matches("v\\d+"));
        String stored = bot.dump().entrySet().stream().filter(e -> e.getKey().startsWith("assess_") || e.getKey().equals("audit_event"))
                .map(e -> e.getValue().toString()).reduce("", String::concat);
        for (String voter : VOTERS) {
            assertThat(stored).doesNotContain(voter);
        }
        for (String id : ids) {
            assertThat(stored).doesNotContain(id);
        }
        assertThat(bot.audit(AssessSessions.TEMPLATE)).filteredOn(e -> e.change().equals("vote"))
                .hasSize(6).allSatisfy(e -> assertThat(e.actor()).isEqualTo("anonymous voter"));

        // AND part 2, revealed by the fifth vote, names nobody either
        bot.send(FACILITATOR, "assess next");
        for (int i = 0; i < VOTERS.size(); i++) {
            bot.inChat(new ChatContext("slack", "T1", ids[i], "C1"));
            bot.send(VOTERS.get(i), "assess vote 2");
        }
        assertThat(AssessSessions.rows(bot, "assess_outcome")).hasSize(2);
        String after = bot.dump().entrySet().stream().filter(e -> e.getKey().startsWith("assess_") || e.getKey().equals("audit_event"))
                .map(e -> e.getValue().toString()).reduce("", String::concat);
        for (String voter : VOTERS) {
            assertThat(after).doesNotContain(voter);
        }
    }

    @Test
    void GIVEN_a_revealed_part_WHEN_the_facilitator_agrees_a_score_and_target_and_decides_tips_THEN_they_are_stored_with_reasons() {
        start("");
        bot.send(OLIVIA, "assess vote 3");
        bot.send(FACILITATOR, "assess reveal");

        assertThat(((Confirmation) bot.send(FACILITATOR, "assess agree 3 because process notes exist but are out of date")).text())
                .isEqualTo("Part 1 agreed at 3 because process notes exist but are out of date.");
        bot.send(FACILITATOR, "assess target 4 because IT is outside our control");
        Reply adopted = bot.send(FACILITATOR, "assess adopt 1 owner \"Officer 0001\" by 31/03/2027");
        Reply dismissed = bot.send(FACILITATOR, "assess dismiss 2 because we already do this");

        assertThat(((Confirmation) adopted).text()).startsWith("Tip 1 adopted as AS001/01");
        assertThat(((Confirmation) dismissed).text()).isEqualTo("Tip 2 dismissed because we already do this.");
        long session = AssessSessions.sessions(bot).list(bot.tenant()).get(0).id();
        assertThat(AssessSessions.sessions(bot).decisions(session)).extracting(TipDecision::tip, TipDecision::adopted, TipDecision::reason)
                .containsExactly(tuple(1, true, null), tuple(2, false, "we already do this"));
        var outcome = AssessSessions.sessions(bot).outcomes(session).get(0);
        assertThat(outcome.agreedScore()).isEqualTo(3);
        assertThat(outcome.agreedReason()).isEqualTo("process notes exist but are out of date");
        assertThat(outcome.targetScore()).isEqualTo(4);
        assertThat(outcome.targetReason()).isEqualTo("IT is outside our control");
    }

    @Test
    void GIVEN_an_adopted_tip_THEN_it_is_a_plan_action_with_owner_and_date_in_status_the_digest_and_the_export_and_it_is_reminded() throws Exception {
        start("");
        bot.send(FACILITATOR, "assess adopt 1 owner \"Officer 0001\" by 31/05/2023");
        bot.send(FACILITATOR, "assess action \"Review validation checklist\" owner \"HoP\" by 30/06/2027");

        Task task = bot.task("AS001/01");
        assertThat(task.description()).isEqualTo("Write down each process.");
        assertThat(task.owner()).isEqualTo("Officer 0001");
        assertThat(task.target().date()).isEqualTo(LocalDate.of(2023, 5, 31));
        assertThat(bot.taskRow("AS001/01").sectionName()).isEqualTo(AssessSessions.TEMPLATE);
        assertThat(bot.task("AS002/01").owner()).isEqualTo("HoP");
        assertThat(bot.audit("AS001/01")).extracting(e -> e.change()).containsExactly("created");
        assertThat(AssessSessions.rows(bot, "assess_action")).hasSize(2);

        String status = bot.sendText(OLIVIA, "status AS001/01");
        assertThat(status).contains("Officer 0001").contains("31/05/2023");

        bot.clock().set(LocalDate.of(2023, 6, 5).atTime(9, 0).atZone(App.ZONE).toInstant());
        String digest = DigestText.render(bot.app().digest(DigestScope.all(TestBot.TENANT), ZonedDateTime.now(bot.clock())));
        assertThat(digest).contains("AS001/01");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        String planName = new JdbiPlanRepository(bot.app().database()).planNames(bot.tenant()).get(0);
        PlanExporter.write(new JdbiPlanRepository(bot.app().database()).load(bot.tenant(), planName).orElseThrow(), ExportFormat.CSV, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("AS001/01").contains("Officer 0001").contains("Write down each process.");

        List<Reminder> decided = bot.app().remind(TestBot.TENANT, bot.now(), true).decided();
        assertThat(decided).anySatisfy(r -> assertThat(r.taskRef()).isEqualTo("AS001/01"));
    }

    @Test
    void GIVEN_bad_input_THEN_one_clear_sentence_and_nothing_changes() {
        bot.sendText(VERA, "help");
        var empty = bot.dump();
        assertThat(failure(VERA, "assess start \"" + AssessSessions.TEMPLATE + "\""))
                .isEqualTo("Only a lead, a manager or an admin can start an assessment; you can vote in one.");
        assertThat(failure(OLIVIA, "assess start \"" + AssessSessions.TEMPLATE + "\"")).startsWith("Only a lead");
        assertThat(bot.dump()).isEqualTo(empty);

        start("");
        bot.send(OLIVIA, "assess vote 3");
        var before = bot.dump();
        assertThat(failure(OLIVIA, "assess vote 7")).isEqualTo("A score is a whole number from 1 to 5, or abstain, not `7`: `assess vote 3` (or `assess vote abstain`).");
        String chatDate = failure(FACILITATOR, "date EN3/1 31/02/2027");
        assertThat(failure(FACILITATOR, "assess adopt 1 owner \"Officer 0001\" by 31/02/2027")).isEqualTo(chatDate);
        assertThat(failure(OSCAR, "assess reveal")).isEqualTo("Only the facilitator, Liam Lead, can do that (or a manager).");
        assertThat(failure(FACILITATOR, "assess start \"" + AssessSessions.TEMPLATE + "\""))
                .startsWith("An assessment of Processes, IT and administration is already running here");
        assertThat(failure(FACILITATOR, "assess adopt 9 owner HoP by 31/03/2027")).isEqualTo("Part 1 has no tip 9: its tips are 1, 2, 3.");
        assertThat(failure(FACILITATOR, "assess dismiss 4 because later")).isEqualTo("Tip 4 belongs to part 2; this is part 1.");
        assertThat(failure(FACILITATOR, "assess agree 3 because fine")).startsWith("Reveal the votes on part 1 first");
        assertThat(bot.dump()).isEqualTo(before);

        bot.send(FACILITATOR, "assess reveal");
        before = bot.dump();
        assertThat(failure(OSCAR, "assess vote 4")).startsWith("The votes on part 1 are revealed, so voting on it is closed");
        assertThat(bot.dump()).isEqualTo(before);
    }

    private String failure(String who, String text) {
        Reply reply = bot.send(who, text);
        assertThat(reply).as(text).isInstanceOf(Failure.class);
        return ((Failure) reply).message();
    }

    @Test
    void GIVEN_a_session_mid_part_WHEN_planbot_restarts_on_the_same_file_THEN_the_session_resumes_with_its_votes() {
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.send(OSCAR, "assess vote 4");
        bot.close();

        bot = AssessSessions.reopen(dir);
        bot.send(PRIYA, "assess vote 4");
        AssessCard reveal = (AssessCard) bot.send(FACILITATOR, "assess reveal");

        assertThat(reveal.lines()).contains("3 scores: lowest 2, highest 4.");
    }

    @Test
    void GIVEN_the_first_parts_voters_WHEN_all_of_them_vote_on_the_next_part_THEN_it_reveals_itself() {
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.send(OSCAR, "assess vote 4");
        bot.send(FACILITATOR, "assess reveal");
        AssessCard part2 = (AssessCard) bot.send(FACILITATOR, "assess next");
        assertThat(part2.title()).contains("part 2 of 2: IT");

        Reply one = bot.send(OSCAR, "assess vote 3");
        Reply two = bot.send(OLIVIA, "assess vote 3");

        assertThat(one).isInstanceOf(Confirmation.class);
        assertThat(two).isInstanceOf(AssessCard.class);
        assertThat(((AssessCard) two).title()).startsWith("Votes on part 2");
        assertThat(two.visibleToChannel()).isTrue();
    }

    @Test
    void GIVEN_two_channels_WHEN_each_runs_a_session_THEN_they_do_not_meet() {
        bot.inChat(new ChatContext("slack", "T1", "UL", "C1"));
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.inChat(new ChatContext("slack", "T1", "UL", "C2"));
        start(" anonymous");
        bot.send(OLIVIA, "assess vote 5");

        AssessCard c2 = (AssessCard) bot.send(FACILITATOR, "assess reveal");
        bot.inChat(new ChatContext("slack", "T1", "UL", "C1"));
        AssessCard c1 = (AssessCard) bot.send(FACILITATOR, "assess reveal");

        assertThat(c2.lines()).contains("1 score: lowest 5, highest 5.");
        assertThat(c1.lines()).contains("1 score: lowest 2, highest 2.");
    }

    @Test
    void GIVEN_a_finished_assessment_WHEN_the_template_is_run_again_THEN_it_opens_with_the_open_actions_and_each_part_shows_the_movement() {
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.send(FACILITATOR, "assess reveal");
        bot.send(FACILITATOR, "assess agree 2 because notes are missing");
        bot.send(FACILITATOR, "assess target 4 because IT is outside our control");
        bot.send(FACILITATOR, "assess adopt 1 owner \"Olivia Officer\" by 31/03/2027");
        bot.send(FACILITATOR, "assess adopt 3 owner \"Oscar Other\" by 30/06/2027");
        bot.send(FACILITATOR, "assess next");
        bot.send(FACILITATOR, "assess action \"Review validation checklist\" owner \"HoP\" by 30/06/2027");
        AssessCard ended = (AssessCard) bot.send(FACILITATOR, "assess end");
        assertThat(ended.lines()).contains("Part 1: agreed 2, target 4.", "2 tips adopted, 0 dismissed; 3 actions added to "
                + new JdbiPlanRepository(bot.app().database()).planNames(bot.tenant()).get(0) + ".");
        bot.send(OLIVIA, "done AS001/01 written");

        AssessCard again = (AssessCard) start("");

        assertThat(again.lines()).contains("2 actions from the last assessment (15/05/2023) are still open:");
        assertThat(again.lines()).anyMatch(l -> l.startsWith("  AS002/01 Share the notes with the team. — Oscar Other, 30/06/2027"));
        assertThat(again.lines()).anyMatch(l -> l.startsWith("  AS003/01 Review validation checklist — HoP"));
        assertThat(again.lines()).contains("Last time: 2, target 4.", "Actions completed since: AS001/01 Write down each process..");
        bot.send(OLIVIA, "assess vote 3");
        bot.send(FACILITATOR, "assess reveal");
        assertThat(((Confirmation) bot.send(FACILITATOR, "assess agree 3 because notes written")).text())
                .endsWith("Last time 2 → now 3.");
        assertThat(bot.task("AS001/01").status().kind()).isEqualTo(StatusKind.COMPLETED);
    }

    @Test
    void GIVEN_a_finished_session_THEN_the_results_source_gives_the_report_its_scores_spread_tips_and_actions() {
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.send(OSCAR, "assess vote 4");
        bot.send(MONA, "assess vote abstain");
        bot.send(FACILITATOR, "assess reveal");
        bot.send(FACILITATOR, "assess agree 3 because notes are out of date");
        bot.send(FACILITATOR, "assess target 4 because IT is outside our control");
        bot.send(FACILITATOR, "assess adopt 1 owner \"Olivia Officer\" by 31/03/2027");
        bot.send(FACILITATOR, "assess dismiss 2 because we already do this");
        bot.send(FACILITATOR, "assess action \"Review validation checklist\" owner \"HoP\" by 30/06/2027");
        bot.send(FACILITATOR, "assess end");
        var results = new JdbiAssessmentResults(bot.app().tenants(), bot.app().templates(),
                AssessSessions.sessions(bot), bot.app().tasks());

        List<AssessmentResults.SessionResult> all = results.sessions(TestBot.TENANT);

        assertThat(all).hasSize(1);
        var session = all.get(0);
        assertThat(results.session(TestBot.TENANT, session.id())).contains(session);
        assertThat(results.session("another-council", session.id())).isEmpty();
        assertThat(session.channel()).isEqualTo("console");
        assertThat(session.ended()).isNotNull();
        var part = session.parts().get(0);
        assertThat(part.title()).isEqualTo("Processes");
        assertThat(part.score()).isEqualTo(3);
        assertThat(part.reason()).isEqualTo("notes are out of date");
        assertThat(part.target()).isEqualTo(4);
        assertThat(part.whyNotFive()).isEqualTo("IT is outside our control");
        assertThat(part.votes()).containsExactly(Map.entry(2, 1), Map.entry(4, 1));
        assertThat(part.abstentions()).isEqualTo(1);
        assertThat(part.spread()).isEqualTo("2–4");
        String plan = new JdbiPlanRepository(bot.app().database()).planNames(bot.tenant()).get(0);
        assertThat(part.tips()).containsExactly(
                new AssessmentResults.TipDecision(1, true, null, new AssessmentResults.ActionLink(plan, "AS001/01")),
                new AssessmentResults.TipDecision(2, false, "we already do this", null));
        assertThat(part.extraActions()).containsExactly(new AssessmentResults.ActionLink(plan, "AS002/01"));
    }

    @Test
    void GIVEN_a_session_run_in_chat_WHEN_the_report_is_asked_for_THEN_it_reads_the_session() throws Exception {
        start("");
        bot.send(OLIVIA, "assess vote 2");
        bot.send(OSCAR, "assess vote 4");
        bot.send(FACILITATOR, "assess reveal");
        bot.send(FACILITATOR, "assess agree 3 because notes are out of date");
        bot.send(FACILITATOR, "assess adopt 1 owner \"Olivia Officer\" by 31/03/2027");
        bot.send(FACILITATOR, "assess end");
        bot.close();

        MainAccess.Run run = MainAccess.planbot("assess", "report", "--format", "json", "--db",
                "jdbc:sqlite:" + dir.resolve("testbot.db"), "--tenant", TestBot.TENANT);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("notes are out of date").contains("AS001/01").contains("Write down each process.");
        bot = AssessSessions.reopen(dir);
    }

    @Test
    void GIVEN_a_council_with_two_plans_WHEN_a_session_starts_THEN_it_must_name_the_plan_and_its_actions_go_there() {
        Plan sample = PlanEdits.samplePlan();
        bot.importPlan(new Plan("south", sample.layout(), sample.sections()));

        assertThat(failure(FACILITATOR, "assess start \"" + AssessSessions.TEMPLATE + "\"")).startsWith("This council has 2 plans: say which");
        assertThat(failure(FACILITATOR, "assess start \"" + AssessSessions.TEMPLATE + "\" plan \"west\"")).startsWith("There is no plan called");
        start(" plan \"south\"");
        bot.send(FACILITATOR, "assess adopt 1 owner HoP by 31/03/2027");

        assertThat(bot.taskRow("AS001/01").planName()).isEqualTo("south");
    }
}
