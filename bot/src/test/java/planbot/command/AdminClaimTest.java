package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.storage.ChatIdentity;
import planbot.testing.TestBot;

/**
 * {@code admin claim CODE}: a one-time code from the terminal makes a chat user an admin of the council their
 * workspace is bound to. A used, expired, wrong or other council's code is refused with one sentence and changes
 * nothing but the attempt's audit entry (and its failure row); five wrong tries in a workspace make it wait.
 */
class AdminClaimTest {
    static final ChatContext SAM = new ChatContext("slack", "T0001", "U0SAM");

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = TestBot.withSample(dir).source(Source.SLACK).inChat(SAM);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String code() {
        return bot.app().admin().claimCode(TestBot.TENANT, "cli", Source.CLI).code();
    }

    /** A claim by the guest "sam" that must be refused: only the attempt's audit entry and failure row are written. */
    private String refused(String text) {
        Map<String, List<Map<String, Object>>> before = bot.dump();
        Reply reply = bot.sendAsGuest("sam", text);
        assertThat(reply).as(text).isInstanceOf(Failure.class);
        Map<String, List<Map<String, Object>>> after = bot.dump();
        assertThat(withoutAttempts(after)).as("the database after %s", text).isEqualTo(withoutAttempts(before));
        List<Map<String, Object>> audit = after.get("audit_event");
        assertThat(audit).hasSize(before.get("audit_event").size() + 1);
        assertThat(audit.get(audit.size() - 1)).containsEntry("entity", "admin claim").containsEntry("change", "refused")
                .containsEntry("entity_ref", "slack T0001/U0SAM");
        return ((Failure) reply).message();
    }

    private static Map<String, List<Map<String, Object>>> withoutAttempts(Map<String, List<Map<String, Object>>> dump) {
        Map<String, List<Map<String, Object>>> rest = new LinkedHashMap<>(dump);
        rest.remove("audit_event");
        rest.remove("admin_claim_failure");
        return rest;
    }

    private Person person(String name) {
        return bot.app().people().find(bot.tenant(), name).orElseThrow();
    }

    // ---- parsing

    @Test
    void givenAClaimTypedWithAnySpacingOrCase_whenParsed_thenTheCodeIsTheStoredForm() {
        assertThat(Fixtures.parsed("admin claim k7qm-4xpr")).isEqualTo(new Command.ClaimAdmin("K7QM4XPR"));
        assertThat(Fixtures.parsed("/plan admin claim K7QM 4XPR")).isEqualTo(new Command.ClaimAdmin("K7QM4XPR"));
        assertThat(Fixtures.failed("admin").message()).contains("admin claim CODE");
        assertThat(Fixtures.failed("admin claim").message()).contains("Which code?");
        assertThat(Fixtures.failed("admin claim - -").message()).contains("Which code?");
    }

    // ---- claiming

    @Test
    void givenACodeFromTheTerminal_whenAGuestClaimsIt_thenTheyAreAnAdminLinkedToTheirAccountAndItIsAudited() {
        // GIVEN a code printed at the terminal
        String code = code();
        // WHEN a guest types it in chat, in lower case
        Reply reply = bot.sendAsGuest("sam", "admin claim " + code.toLowerCase());
        // THEN they are a person of the plan, an admin, linked to their account, and it is audited as theirs from Slack
        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) reply).text()).contains("sam is now an admin of " + TestBot.TENANT);
        assertThat(person("sam").role()).isEqualTo(Role.ADMIN);
        assertThat(bot.app().people().findByIdentity(bot.tenant(), new ChatIdentity("slack", "T0001", "U0SAM")))
                .map(Person::name).contains("sam");
        AuditEvent made = bot.audit("sam").get(0);
        assertThat(made.change()).isEqualTo("made admin");
        assertThat(made.source()).isEqualTo(Source.SLACK);
        assertThat(made.after()).isEqualTo("admin, slack T0001/U0SAM");
        // AND they can now do what only an admin can
        assertThat(bot.send("sam", "channel plan <#C1|plans>")).isInstanceOf(Confirmation.class);
    }

    @Test
    void givenAUsedCode_whenSomeoneElseClaimsIt_thenItIsRefusedAndNothingChanges() {
        // GIVEN a code claimed by kim
        String code = code();
        bot.inChat(new ChatContext("slack", "T0001", "U0KIM"));
        assertThat(bot.sendAsGuest("kim", "admin claim " + code)).isInstanceOf(Confirmation.class);
        bot.inChat(SAM);
        // WHEN sam types it too
        // THEN it is refused: a code works once
        assertThat(refused("admin claim " + code)).contains("used already");
        assertThat(bot.app().people().find(bot.tenant(), "sam")).isEmpty();
    }

    @Test
    void givenACodeHalfAnHourOld_whenClaimed_thenItHasExpired() {
        // GIVEN a code, and half an hour gone by
        String code = code();
        bot.clock().advance(AdminClaimService.LIFETIME);
        // WHEN it is claimed
        // THEN it has expired
        assertThat(refused("admin claim " + code)).contains("expired");
    }

    @Test
    void givenFiveWrongCodes_whenTheRightOneIsTyped_thenTheWorkspaceWaitsAQuarterOfAnHourFirst() {
        // GIVEN a good code, and five wrong ones tried from the workspace at 09:00
        String code = code();
        for (int i = 0; i < AdminClaimService.MAX_FAILURES; i++) {
            assertThat(refused("admin claim WRONG" + i)).contains("not one I know");
        }
        // WHEN the right code is typed a minute later
        bot.clock().advance(Duration.ofMinutes(1));
        String waiting = refused("admin claim " + code);
        // THEN it is not even checked: the workspace is told when to try again
        assertThat(waiting).contains("try again after 09:15");
        assertThat(bot.dump().get("admin_claim_failure")).hasSize(AdminClaimService.MAX_FAILURES);
        // AND once the quarter of an hour is over, the same code works
        bot.clock().advance(Duration.ofMinutes(14).plusSeconds(1));
        assertThat(bot.sendAsGuest("sam", "admin claim " + code)).isInstanceOf(Confirmation.class);
    }

    @Test
    void givenACodeMadeForAnotherCouncil_whenClaimedInThisCouncilsWorkspace_thenItIsRefused() {
        // GIVEN a code for another council
        bot.app().tenants().getOrCreate("other-council", bot.now());
        String code = bot.app().admin().claimCode("other-council", "cli", Source.CLI).code();
        // WHEN it is claimed from a workspace bound to this council
        // THEN it is refused, saying how to get one for this council; the other council's code stays unused
        assertThat(refused("admin claim " + code)).contains("another council")
                .contains("./planbot admin code --tenant " + TestBot.TENANT);
        bot.inChat(new ChatContext("slack", "T0001", "U0KIM"));
        assertThat(bot.sendAsGuest("kim", "admin claim " + code)).isInstanceOf(Failure.class);
    }

    @Test
    void givenAnOfficerLinkedToTheirAccount_whenTheyClaim_thenThatPersonBecomesAdmin() {
        // GIVEN Olivia, an officer linked to sam's account
        bot.person("Olivia", Role.OFFICER);
        bot.app().people().link(bot.tenant(), "Olivia", new ChatIdentity("slack", "T0001", "U0SAM"));
        // WHEN she claims a code
        Reply reply = bot.send("Olivia", "admin claim " + code());
        // THEN Olivia is the admin, and nobody new was added
        assertThat(((Confirmation) reply).text()).startsWith("Olivia is now an admin");
        assertThat(person("Olivia").role()).isEqualTo(Role.ADMIN);
        assertThat(bot.app().people().list(bot.tenant())).extracting(Person::name).containsExactly("Olivia");
    }

    @Test
    void givenAPersonOfTheSameNameLinkedToAnotherAccount_whenAGuestClaims_thenTheyGetANameOfTheirOwn() {
        // GIVEN "sam", a person of the plan linked to another Slack account
        bot.person("sam", Role.OFFICER);
        bot.app().people().link(bot.tenant(), "sam", new ChatIdentity("slack", "T0001", "U0OTHER"));
        // WHEN the guest sam claims a code
        bot.sendAsGuest("sam", "admin claim " + code());
        // THEN the other sam is untouched, and the claimer is a new admin named with their account
        assertThat(person("sam").role()).isEqualTo(Role.OFFICER);
        assertThat(person("sam (U0SAM)").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void givenTheConsole_whenAClaimIsTyped_thenItIsRefusedAsNotAChatAccount() {
        bot.inChat(null);
        Reply reply = bot.sendAsGuest("sam", "admin claim " + code());
        assertThat(((Failure) reply).message()).contains("chat workspace");
    }
}
