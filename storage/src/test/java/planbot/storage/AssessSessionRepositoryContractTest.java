package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.storage.AssessSessionRepository.Outcome;
import planbot.storage.AssessSessionRepository.Session;
import planbot.storage.AssessSessionRepository.TipDecision;
import planbot.storage.AssessSessionRepository.Vote;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link AssessSessionRepository} must do; one subclass per database vendor. */
abstract class AssessSessionRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2026-12-08T01:30:00Z");
    private Tenant tenant;
    private AssessSessionRepository sessions;

    AssessSessionRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void tenant() {
        tenant = new JdbiTenantRepository(db).getOrCreate("welwyn", NOW);
        sessions = new JdbiAssessSessionRepository(db);
    }

    private Session session(String channel) {
        return new Session(0, 7, "Processes", "Plan", channel, "Liam Lead", true, "salt", 1, false, 0, NOW, null);
    }

    @Test
    void GIVEN_a_running_session_WHEN_another_starts_in_its_channel_THEN_it_is_refused_until_the_first_ends() {
        long id = sessions.start(tenant, session("console"));

        assertThat(sessions.running(tenant, "console")).map(Session::id).contains(id);
        assertThatThrownBy(() -> sessions.start(tenant, session("console"))).isInstanceOf(StorageException.class);
        long other = sessions.start(tenant, session("slack:T1:C2"));
        sessions.end(id, NOW.plusSeconds(60));

        assertThat(sessions.running(tenant, "console")).isEmpty();
        assertThat(sessions.get(tenant, id).orElseThrow().endedAt()).isEqualTo(NOW.plusSeconds(60));
        long again = sessions.start(tenant, session("console"));
        assertThat(sessions.previous(tenant, "Processes", again)).map(Session::id).contains(other);
        assertThat(sessions.list(tenant)).extracting(Session::id).containsExactly(id, other, again);
    }

    @Test
    void GIVEN_votes_WHEN_one_is_changed_and_the_voters_are_forgotten_THEN_each_counts_once_abstentions_stay_null_and_no_voter_is_left() {
        long id = sessions.start(tenant, session("console"));
        sessions.vote(id, 1, "hash-a", 3, NOW);
        sessions.vote(id, 1, "hash-b", null, NOW);
        sessions.vote(id, 1, "hash-a", 5, NOW);
        sessions.vote(id, 2, "hash-a", 1, NOW);

        assertThat(sessions.votes(id, 1)).containsExactly(new Vote("hash-a", 5), new Vote("hash-b", null));
        sessions.forgetVoters(id, 1);

        assertThat(sessions.votes(id, 1)).extracting(Vote::voter).allMatch(v -> v.matches("v\\d+"));
        assertThat(sessions.votes(id, 1)).extracting(Vote::score).containsExactly(5, null);
        assertThat(sessions.votes(id, 2)).containsExactly(new Vote("hash-a", 1));
    }

    @Test
    void GIVEN_an_outcome_and_decisions_WHEN_scores_are_recorded_THEN_they_read_back_as_given() {
        long id = sessions.start(tenant, session("console"));
        sessions.setState(id, 1, true, 5);
        sessions.saveOutcome(id, new Outcome(1, 2, 4, "1:0 2:1 3:0 4:1 5:0", 1, null, null, null, null, NOW));
        sessions.recordScore(id, 1, false, 3, "notes are out of date");
        sessions.recordScore(id, 1, true, 4, "IT is outside our control");
        sessions.decide(id, new TipDecision(1, 2, false, "we already do this", "Liam Lead", NOW));

        assertThat(sessions.get(tenant, id).orElseThrow()).extracting(Session::revealed, Session::invited).containsExactly(true, 5);
        assertThat(sessions.outcomes(id)).containsExactly(new Outcome(1, 2, 4, "1:0 2:1 3:0 4:1 5:0", 1, 3, "notes are out of date",
                4, "IT is outside our control", NOW));
        assertThat(sessions.decisions(id)).containsExactly(new TipDecision(1, 2, false, "we already do this", "Liam Lead", NOW));
        assertThatThrownBy(() -> sessions.decide(id, new TipDecision(1, 2, true, null, "Liam Lead", NOW))).isInstanceOf(StorageException.class);
        assertThat(sessions.get(new JdbiTenantRepository(db).getOrCreate("other", NOW), id)).isEmpty();
    }
}
