package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.LENA;
import static planbot.command.SamplePeople.LIAM;
import static planbot.command.SamplePeople.MONA;
import static planbot.command.SamplePeople.OLIVIA;
import static planbot.command.SamplePeople.OSCAR;
import static planbot.command.SamplePeople.VERA;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.testing.TestBot;

/**
 * Who may change what: a viewer reads; an officer changes their own tasks; a lead also the tasks of actions
 * they lead; a manager or admin anything; assigning needs a lead (of that action) or a manager. A refused
 * command says why and leaves the database exactly as it was.
 */
class PermissionTest {
    /**
     * One change of every kind but assigning, to EN003/01 (owned by Olivia, in EN003 led by Liam), in an order in
     * which each changes something when the one before it was allowed.
     */
    static final List<String> CHANGES = List.of("update EN003/01 at risk", "done EN003/01", "note EN003/01 hello",
            "date EN003/01 30/06/2023", "snooze EN003/01 1w", "update EN003/01 on target", "complete EN003/01");

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    /** Sends as the person (or a guest for null) and asserts a refusal that changed nothing; returns its message. */
    private String refused(String asPerson, String text) {
        Map<String, ?> before = bot.dump();
        Reply reply = asPerson == null ? bot.sendAsGuest("stranger", text) : bot.send(asPerson, text);
        assertThat(reply).as("%s: %s", asPerson, text).isInstanceOf(Failure.class);
        assertThat(bot.dump()).as("the database after %s: %s", asPerson, text).isEqualTo(before);
        return ((Failure) reply).message();
    }

    private void allowed(String asPerson, String text) {
        Reply reply = bot.send(asPerson, text);
        assertThat(reply).as("%s: %s", asPerson, text).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) reply).auditLine()).as("%s: %s", asPerson, text).isNotNull();
    }

    @Test
    void givenAViewer_whenTheyTryEveryKindOfChange_thenEachIsRefusedSayingTheyCanOnlyReadAndNothingChanges() {
        for (String change : CHANGES) {
            assertThat(refused(VERA, change)).isEqualTo("As a viewer you can read the plan but not change it.");
        }
        assertThat(refused(VERA, "assign EN003/01 Vera Viewer")).isEqualTo("As a viewer you can read the plan but not change it.");
    }

    @Test
    void givenAViewer_whenTheyRead_thenTheyMay() {
        assertThat(bot.send(VERA, "status EN003/01")).isInstanceOf(TaskCard.class);
    }

    @Test
    void givenAGuestLinkedToNobody_whenTheyTryAChange_thenItIsRefusedSayingHowToGetLinked() {
        for (String change : CHANGES) {
            assertThat(refused(null, change)).contains("ask an admin to link your account");
        }
        assertThat(bot.sendAsGuest("stranger", "status EN003/01")).isInstanceOf(TaskCard.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update EN003/01 at risk", "done EN003/01", "complete EN003/01", "note EN003/01 hello",
            "date EN003/01 30/06/2023", "snooze EN003/01 1w"})
    void givenAnOfficer_whenTheyChangeTheirOwnTask_thenItIsAllowed(String change) {
        allowed(OLIVIA, change);
    }

    @Test
    void givenAnOfficer_whenTheyChangeSomeoneElsesTask_thenItIsRefusedNamingWhoseItIs() {
        for (String change : CHANGES) {
            assertThat(refused(OSCAR, change)).isEqualTo(
                    "You can't change EN003/01: it is Olivia Officer's, and as an officer you can change only your own tasks.");
        }
        assertThat(refused(OSCAR, "done EN003/04")).contains("it has no owner");
    }

    @Test
    void givenAnOfficer_whenTheyAssignATaskEvenTheirOwn_thenItIsRefusedSayingWhoMay() {
        assertThat(refused(OLIVIA, "assign EN003/01 Oscar Other"))
                .isEqualTo("Only the lead of ENFORCEMENT 003 or a manager can reassign EN003/01.");
    }

    @Test
    void givenTheLeadOfAnAction_whenTheyChangeAnyOfItsTasks_thenItIsAllowed() {
        for (String change : CHANGES) {
            allowed(LIAM, change.replace("EN003/01", "EN003/03"));
        }
        allowed(LIAM, "assign EN003/05 Oscar Other");
    }

    @Test
    void givenTheLeadOfAnotherAction_whenTheyChangeOrAssignATaskOutsideIt_thenItIsRefused() {
        for (String change : CHANGES) {
            assertThat(refused(LENA, change)).isEqualTo("You can't change EN003/01: it is Olivia Officer's, and as a lead"
                    + " you can change only your own tasks and those of actions you lead.");
        }
        assertThat(refused(LENA, "assign EN003/01 Lena Lead"))
                .isEqualTo("Only the lead of ENFORCEMENT 003 or a manager can reassign EN003/01.");
        allowed(LENA, "done EN005/03");
    }

    @ParameterizedTest
    @ValueSource(strings = {MONA, ADA})
    void givenAManagerOrAnAdmin_whenTheyChangeOrAssignTasksTheyNeitherOwnNorLead_thenItIsAllowed(String who) {
        for (String change : CHANGES) {
            allowed(who, change);
        }
        allowed(who, "assign EN003/01 Oscar Other");
        allowed(who, "done EN005/03");
    }

    @Test
    void givenSomeoneWhosePersonWasLoweredToViewer_whenTheyChangeTheirOldTask_thenItIsRefused() {
        bot.person(OLIVIA, planbot.domain.Role.VIEWER);

        assertThat(refused(OLIVIA, "done EN003/01")).isEqualTo("As a viewer you can read the plan but not change it.");
    }

    @Test
    void givenANamedOwnerWrittenInAnotherCase_whenThatPersonChangesTheTask_thenItIsTheirs() {
        bot.send(MONA, "assign EN003/04 olivia   officer");

        allowed(OLIVIA, "done EN003/04");
    }
}
