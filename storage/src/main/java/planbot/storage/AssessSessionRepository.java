package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assessment sessions (DESIGN §12) and what they record: votes per part, the outcome of each part, tip decisions and
 * the plan tasks they made. The session service is the only writer; the assessment report reads.
 *
 * <p>Thread-safe. Sessions are found by tenant; the methods taking a session id trust that the caller found that
 * session in its tenant. Called inside {@link Database#inTransaction} a method joins that transaction. Failures are
 * {@link StorageException}s (a second running session in one channel is one: the caller checks first).
 */
public interface AssessSessionRepository {

    /**
     * One session.
     *
     * @param channel "console", or "platform:workspace:channel id"
     * @param part    the part being assessed now (from 1)
     * @param invited how many voted on the first part; 0 until its reveal
     * @param endedAt null while it runs
     */
    record Session(long id, long templateId, String templateName, String planName, String channel, String facilitator,
                   boolean anonymous, String salt, int part, boolean revealed, int invited, Instant startedAt,
                   Instant endedAt) {
        public Session {
            Objects.requireNonNull(templateName, "templateName");
            Objects.requireNonNull(planName, "planName");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(facilitator, "facilitator");
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(startedAt, "startedAt");
            if (part < 1 || invited < 0) {
                throw new IllegalArgumentException("part from 1, invited from 0");
            }
        }

        public boolean running() {
            return endedAt == null;
        }

        public Session at(int newPart, boolean nowRevealed, int nowInvited) {
            return new Session(id, templateId, templateName, planName, channel, facilitator, anonymous, salt, newPart,
                    nowRevealed, nowInvited, startedAt, endedAt);
        }
    }

    /** A vote on a part. @param voter a name, a salted hash, or (anonymous, after the reveal) a meaningless id; @param score null to abstain */
    record Vote(String voter, Integer score) {
        public Vote {
            Objects.requireNonNull(voter, "voter");
        }
    }

    /**
     * What a part came to. @param counts "1:0 2:1 3:3 4:1 5:0"; @param lowest null when nobody scored; the agreed and
     * target fields are null until recorded
     */
    record Outcome(int part, Integer lowest, Integer highest, String counts, int abstained, Integer agreedScore,
                   String agreedReason, Integer targetScore, String targetReason, Instant revealedAt) {
        public Outcome {
            Objects.requireNonNull(counts, "counts");
            Objects.requireNonNull(revealedAt, "revealedAt");
        }
    }

    /** A tip taken up or dismissed. @param reason why (required to dismiss), null if none was given */
    record TipDecision(int part, int tip, boolean adopted, String reason, String decidedBy, Instant at) {
        public TipDecision {
            Objects.requireNonNull(decidedBy, "decidedBy");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A plan task a session made. @param tip the adopted tip, or null for an action the group added */
    record ActionLink(int part, Integer tip, long taskId) {
    }

    /** Stores a new running session and returns its id. */
    long start(Tenant tenant, Session session);

    /** The session running in this channel. */
    Optional<Session> running(Tenant tenant, String channel);

    Optional<Session> get(Tenant tenant, long sessionId);

    /** The tenant's sessions, oldest first. */
    List<Session> list(Tenant tenant);

    /** The latest session of the template (by name) started before the given one. */
    Optional<Session> previous(Tenant tenant, String templateName, long beforeSessionId);

    /** Moves the session on: its current part, whether that part is revealed, how many are invited. */
    void setState(long sessionId, int part, boolean revealed, int invited);

    void end(long sessionId, Instant at);

    /** Records a voter's vote on a part, replacing their earlier one. */
    void vote(long sessionId, int part, String voter, Integer score, Instant at);

    List<Vote> votes(long sessionId, int part);

    /** Replaces every voter of a part by a meaningless id (an anonymous session's reveal). */
    void forgetVoters(long sessionId, int part);

    void saveOutcome(long sessionId, Outcome outcome);

    /** Sets the agreed (or, with {@code target}, the target) score of a part already revealed. */
    void recordScore(long sessionId, int part, boolean target, int score, String reason);

    List<Outcome> outcomes(long sessionId);

    /** Records a tip decision. */
    void decide(long sessionId, TipDecision decision);

    List<TipDecision> decisions(long sessionId);

    void link(long sessionId, ActionLink link);

    List<ActionLink> links(long sessionId);
}
