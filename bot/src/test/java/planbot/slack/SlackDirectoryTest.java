package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.platform.Directory.Member;
import planbot.platform.PlatformException;
import planbot.slack.fake.FakeSlack;

/**
 * Slack's directory against the fake Slack: {@code users.list} page by page (bots, deactivated accounts and Slackbot
 * left out), {@code users.lookupByEmail} with and without its scope, and Slack's 429s waited out for their
 * {@code Retry-After}.
 */
class SlackDirectoryTest {
    static final String TOKEN = "xoxb-1234-5678-test-bot-token";

    FakeSlack slack;
    final List<Duration> waits = new ArrayList<>();
    SlackDirectory directory;

    @BeforeEach
    void start() {
        slack = FakeSlack.start(TOKEN);
        directory = new SlackDirectory(new SlackSettings(TOKEN, "test-signing-secret", null, slack.apiUrl()), waits::add);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private void people(int n) {
        for (int i = 0; i < n; i++) {
            slack.member("U" + (1000 + i), "Person " + i, "p" + i, "p" + i + "@council.gov.uk");
        }
    }

    @Test
    void givenAWorkspaceOf450People_whenItsMembersAreListed_thenEveryPageIsReadAndOnlyPeopleComeBack() throws Exception {
        // GIVEN 450 people, a bot, a deactivated account (and Slackbot and planbot, which every workspace lists)
        people(450);
        slack.botMember("U0TRELLO", "trello");
        slack.member("U0GONE", "Gone Away", "gone", "gone@council.gov.uk").deactivate("U0GONE");
        // WHEN the directory lists the members
        List<Member> members = directory.members();
        // THEN the 450 people, with their names and emails, and nobody else
        assertThat(members).hasSize(450);
        assertThat(members.get(0)).isEqualTo(new Member("U1000", "p0", "Person 0", "p0@council.gov.uk"));
        assertThat(members).extracting(Member::userId)
                .doesNotContain(FakeSlack.SLACKBOT, FakeSlack.BOT_USER_ID, "U0TRELLO", "U0GONE");
        // AND 454 accounts took three pages of 200, each after the cursor the one before gave
        List<FakeSlack.Call> calls = slack.calls("users.list");
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.param("limit")).isEqualTo("200"));
        assertThat(calls.get(0).has("cursor")).isFalse();
        assertThat(calls.get(1).param("cursor")).isNotBlank();
        assertThat(calls.get(2).param("cursor")).isNotEqualTo(calls.get(1).param("cursor"));
        assertThat(waits).isEmpty();
    }

    @Test
    void givenAnEmail_whenLookedUp_thenTheMemberWhateverTheCase_andNobodyForAnUnknownOrDeactivatedOne() throws Exception {
        slack.member("U0SUE", "Sue Whiteside", "sue", "Sue.Whiteside@council.gov.uk");
        slack.member("U0GONE", "Gone Away", "gone", "gone@council.gov.uk").deactivate("U0GONE");

        assertThat(directory.byEmail("sue.whiteside@council.gov.uk"))
                .contains(new Member("U0SUE", "sue", "Sue Whiteside", "Sue.Whiteside@council.gov.uk"));
        assertThat(directory.byEmail("nobody@council.gov.uk")).isEmpty();
        assertThat(directory.byEmail("gone@council.gov.uk")).isEmpty();
        assertThat(slack.calls("users.lookupByEmail")).extracting(c -> c.param("email"))
                .containsExactly("sue.whiteside@council.gov.uk", "nobody@council.gov.uk", "gone@council.gov.uk");
    }

    @Test
    void givenATokenWithoutUsersReadEmail_whenLookingUpByEmail_thenTheRefusalNamesTheScopeToAdd() throws Exception {
        // GIVEN an app installed without users:read.email
        slack.member("U0SUE", "Sue Whiteside", "sue", "sue@council.gov.uk").withoutScope("users:read.email");
        // WHEN an email is looked up
        // THEN the refusal says which scope to add, and holds no token
        assertThatThrownBy(() -> directory.byEmail("sue@council.gov.uk")).isInstanceOf(PlatformException.class)
                .hasMessageContaining("missing_scope").hasMessageContaining("users:read.email").hasMessageNotContaining(TOKEN);
        // AND the member list still works, without anyone's email
        assertThat(directory.members()).containsExactly(new Member("U0SUE", "sue", "Sue Whiteside", ""));
    }

    @Test
    void givenSlackRateLimitsTheList_whenListing_thenTheDirectoryWaitsItsRetryAfterAndGoesOn() throws Exception {
        // GIVEN 250 people, and Slack answering the first call with HTTP 429, Retry-After: 7
        people(250);
        slack.rateLimitNext("users.list", 7);
        // WHEN the members are listed
        List<Member> members = directory.members();
        // THEN the directory waited 7 s, asked again, and read both pages
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(members).hasSize(250);
        assertThat(slack.calls("users.list")).hasSize(3);
    }

    @Test
    void givenSlackKeepsRateLimiting_whenLookingUp_thenTheDirectoryGivesUpAfterThreeWaitsSayingSo() {
        for (int i = 0; i <= SlackDirectory.RETRIES; i++) {
            slack.rateLimitNext("users.lookupByEmail", 2);
        }
        assertThatThrownBy(() -> directory.byEmail("sue@council.gov.uk")).isInstanceOf(PlatformException.class)
                .hasMessageContaining("rate limiting users.lookupByEmail");
        assertThat(waits).hasSize(SlackDirectory.RETRIES);
    }

    @Test
    void givenACursorTheFakeNeverGave_whenUsersListIsCalled_thenItAnswersInvalidCursorAsSlackDoes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "users.list"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("limit=200&cursor=dXNlcjpVTk9CT0RZ")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"ok\":false").contains("invalid_cursor");
    }
}
