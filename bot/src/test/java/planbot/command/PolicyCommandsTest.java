package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.LIAM;
import static planbot.command.SamplePeople.MONA;
import static planbot.command.SamplePeople.OLIVIA;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.testing.TestBot;

/**
 * {@code policy} (anyone: the tenant's reminder policy in words) and {@code policy set KEY=VALUE …} (admins:
 * audited, refused with the reason on a bad value, and followed by the next sweep).
 */
class PolicyCommandsTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir).source(Source.SLACK);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String refused(String asPerson, String text) {
        Map<String, ?> before = bot.dump();
        Reply reply = bot.send(asPerson, text);
        assertThat(reply).as("%s: %s", asPerson, text).isInstanceOf(Failure.class);
        assertThat(bot.dump()).as("the database after %s: %s", asPerson, text).isEqualTo(before);
        return ((Failure) reply).message();
    }

    /** What a sweep now would decide for a task, as KIND@date, without writing anything. */
    private List<String> wouldRemind(String ref) {
        return bot.app().remind(TestBot.TENANT, bot.now(), true).decided().stream()
                .filter(r -> r.taskRef().equals(ref)).map(r -> r.kind() + "@" + r.date()).toList();
    }

    @Test
    void givenPolicyCommands_whenParsed_thenShowAndSetAreRead() {
        assertThat(Fixtures.parsed("policy")).isEqualTo(new Command.Policy());
        assertThat(Fixtures.parsed("/plan POLICY set lead=10,5,1  send-at=08:30"))
                .isEqualTo(new Command.SetPolicy("lead=10,5,1  send-at=08:30"));
    }

    @Test
    void givenAPolicySetWithoutSettingsOrWithAWordThatIsNotOne_whenParsed_thenItIsRefusedSayingHow() {
        assertThat(Fixtures.failed("policy set").message()).contains("key=value").contains("policy set");
        assertThat(Fixtures.failed("policy set lead 3").message()).contains("`lead`").contains("key=value");
        assertThat(Fixtures.failed("policy change lead=3").message()).contains("policy set");
    }

    @Test
    void givenAnOfficer_whenAskingForThePolicy_thenTheyReadItInWords() {
        Reply reply = bot.send(OLIVIA, "policy");

        assertThat(reply).isInstanceOf(Listing.class);
        String text = String.join("\n", ((Listing) reply).lines());
        assertThat(text).contains("14, 7 and 1 working days before the target date, and on the day")
                .contains("every 5 working days").contains("once a task is 10 working days overdue").contains("09:00 (Europe/London)")
                .contains("England and Wales bank holidays");
    }

    @Test
    void givenAnyoneBelowAdmin_whenSettingThePolicy_thenItIsRefusedAndNothingChanges() {
        for (String who : List.of(OLIVIA, LIAM, MONA)) {
            assertThat(refused(who, "policy set lead=3")).isEqualTo("Only an admin can change the reminder policy.");
        }
        assertThat(bot.app().admin().policy(TestBot.TENANT).leadDays()).containsExactly(14, 7, 1);
    }

    @Test
    void givenAnAdminWithABadValue_whenSettingThePolicy_thenTheReasonIsGivenAndNothingChanges() {
        String message = refused(ADA, "policy set lead=10,5,1 send-at=half-eight");

        assertThat(message).contains("send-at").contains("half-eight").contains("Nothing was changed")
                .doesNotContain("Exception");
        assertThat(bot.app().admin().policy(TestBot.TENANT).leadDays()).containsExactly(14, 7, 1);
    }

    @Test
    void givenAnAdmin_whenSettingThePolicy_thenItIsChangedAuditedAndTheNextSweepFollowsIt() {
        // GIVEN the defaults: on Monday 15 May 2023 EN003/01 (due 31 May) is caught up with its 14-day reminder
        assertThat(wouldRemind("EN003/01")).containsExactly("BEFORE_14@2023-05-10");

        // WHEN an admin asks for 11 working days' notice
        Reply reply = bot.send(ADA, "policy set lead=11 region=scotland");

        // THEN it is confirmed, audited with who, where from, before and after, and the sweep now decides by it
        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) reply).text()).contains("lead=11").contains("region=scotland");
        AuditEvent event = bot.audit("reminders").get(0);
        assertThat(event.actor()).isEqualTo(ADA);
        assertThat(event.source()).isEqualTo(Source.SLACK);
        assertThat(event.change()).isEqualTo("changed");
        assertThat(event.before()).startsWith("lead=14,7,1 ");
        assertThat(event.after()).startsWith("lead=11 ").contains("region=scotland");
        assertThat(wouldRemind("EN003/01")).containsExactly("BEFORE_11@2023-05-15");
        assertThat(String.join("\n", ((Listing) bot.send(OLIVIA, "policy")).lines())).contains("11 working days").contains("Scottish");
    }

    @Test
    void givenAnAdmin_whenSettingWhatThePolicyAlreadySays_thenNothingIsWrittenOrAudited() {
        Map<String, ?> before = bot.dump();
        Reply reply = bot.send(ADA, "policy set lead=14,7,1");

        assertThat(((Confirmation) reply).text()).contains("nothing to change");
        assertThat(bot.dump()).isEqualTo(before);
    }
}
