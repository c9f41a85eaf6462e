package planbot.slack;

import java.util.Objects;
import java.util.function.Function;
import planbot.domain.Source;
import planbot.storage.ChatIdentity;
import planbot.tenancy.Caller;
import planbot.tenancy.Tenancy;

/**
 * The Slack side of {@link Tenancy}: a verified request's workspace (enterprise id, team id) and user become the
 * council (tenant) and the person behind it, as a {@link SlackCaller}, or a {@link Refused} sentence for the user.
 *
 * <p>The rule is {@link Tenancy}'s: the first Slack workspace binds itself (audited) only while the database holds
 * exactly one tenant and that tenant has no Slack workspace yet; any other workspace with no binding is refused
 * with the admin's command to bind it ({@code ./planbot workspace bind --team T… --tenant …}), filled in.
 *
 * <p>Called by every Slack handler before it does anything. Thread-safe. Storage failures propagate.
 */
public final class SlackTenancy {
    /** The platform name in bindings and chat identities. */
    public static final String PLATFORM = Source.SLACK.word();

    /** What {@link #resolve} found: a {@link SlackCaller}, or a {@link Refused} with a sentence for the user. */
    public sealed interface Result permits SlackCaller, Refused {
    }

    /** The request cannot be served in this workspace; {@code message} says why and what to do, for the user. */
    public record Refused(String message) implements Result {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }

    private final Tenancy tenancy;

    public SlackTenancy(Tenancy tenancy) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
    }

    /**
     * The caller of a verified request.
     *
     * @param enterpriseId the Enterprise Grid id, or null/"" when there is none
     * @param teamId       the workspace (team) id, or null/"" for an org-wide install's request with no team
     * @param userId       the Slack user id
     * @param userName     how Slack names the user (a guest is named by it); may be null
     * @throws IllegalArgumentException when neither a team nor an enterprise is given
     */
    public Result resolve(String enterpriseId, String teamId, String userId, String userName) {
        return slack(tenancy.resolve(Source.SLACK, enterpriseId, teamId, userId, userName));
    }

    /**
     * Runs {@code work} for the caller of a verified request ({@link #resolve}, with the same arguments) on one
     * database connection for the whole of it, as {@link Tenancy#withCaller} does.
     */
    public <R> R withCaller(String enterpriseId, String teamId, String userId, String userName, Function<Result, R> work) {
        Objects.requireNonNull(work, "work");
        return tenancy.withCaller(Source.SLACK, enterpriseId, teamId, userId, userName, r -> work.apply(slack(r)));
    }

    /**
     * The chat identity of a Slack user: the workspace is the team, or the enterprise for an org-wide install's
     * request that names no team.
     */
    public static ChatIdentity identity(String enterpriseId, String teamId, String userId) {
        return Tenancy.identity(Source.SLACK, enterpriseId, teamId, userId);
    }

    private static Result slack(Tenancy.Result r) {
        if (r instanceof Caller) {
            Caller c = (Caller) r;
            return new SlackCaller(c.tenant(), c.actor(), c.identity());
        }
        return new Refused(((Tenancy.Refused) r).message());
    }
}
