package planbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.slack.delivery.SlackPoster;

/**
 * Slack's {@link Directory}: {@code users.lookupByEmail} (which needs the {@code users:read.email} scope) and
 * {@code users.list}, read {@value #PAGE} members a call (Slack's advice) following {@code response_metadata.next_cursor}
 * until it is empty. Bots, deactivated accounts and Slackbot ({@value #SLACKBOT}, which Slack does not mark as a bot)
 * are left out. An HTTP 429 is waited out for its {@code Retry-After} (5 s when it gives none) and the same call made
 * again, up to {@value #RETRIES} times; then, and for any refusal or failure to reach Slack, a
 * {@link PlatformException} says what happened in words an admin can act on, never with the token.
 *
 * <p>Thread-safe (the SDK's client is); calls block, for a member list possibly minutes when Slack rate-limits.
 */
public final class SlackDirectory implements Directory {
    static final int PAGE = 200;
    static final int RETRIES = 3;
    static final String SLACKBOT = "USLACKBOT";
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** How the directory waits out a rate limit: {@link Thread#sleep} in production; a test records the waits. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MethodsClient methods;
    private final Pause pause;

    /** A directory for the workspace of the settings' bot token. */
    public SlackDirectory(SlackSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    public SlackDirectory(SlackSettings settings, Pause pause) {
        this.methods = SlackPoster.methods(settings.apiBaseUrl(), settings.botToken(), SlackPoster.DEFAULT_TIMEOUT);
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public Optional<Member> byEmail(String email) throws PlatformException {
        Objects.requireNonNull(email, "email");
        UsersLookupByEmailResponse r = call("users.lookupByEmail", () -> methods.usersLookupByEmail(b -> b.email(email.strip())));
        if (!r.isOk() && ("users_not_found".equals(r.getError()) || "user_not_found".equals(r.getError()))) {
            return Optional.empty(); // Slack's documentation has named this error both ways
        }
        User user = ok("users.lookupByEmail", r).getUser();
        return person(user) ? Optional.of(member(user)) : Optional.empty();
    }

    @Override
    public List<Member> members() throws PlatformException {
        List<Member> members = new ArrayList<>();
        String cursor = "";
        do {
            String page = cursor;
            UsersListResponse r = ok("users.list", call("users.list",
                    () -> methods.usersList(b -> b.limit(PAGE).cursor(page.isEmpty() ? null : page))));
            for (User u : r.getMembers() == null ? List.<User>of() : r.getMembers()) {
                if (person(u)) {
                    members.add(member(u));
                }
            }
            cursor = r.getResponseMetadata() == null || r.getResponseMetadata().getNextCursor() == null ? ""
                    : r.getResponseMetadata().getNextCursor();
        } while (!cursor.isEmpty());
        return members;
    }

    /** A human with an account in use: not a bot, not deactivated, not Slackbot. */
    private static boolean person(User u) {
        return u != null && !u.isBot() && !u.isDeleted() && !SLACKBOT.equals(u.getId());
    }

    private static Member member(User u) {
        User.Profile p = u.getProfile();
        String realName = p != null && p.getRealName() != null && !p.getRealName().isBlank() ? p.getRealName() : u.getRealName();
        return new Member(u.getId(), p == null ? null : p.getDisplayName(), realName, p == null ? null : p.getEmail());
    }

    /** A Web API call through the SDK. */
    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** The call's answer (ok or not), after waiting out up to {@value #RETRIES} rate limits. */
    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws PlatformException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status != 429) {
                    throw new PlatformException("Slack answered " + method + " with HTTP " + status + ": try again later");
                }
                if (attempt == RETRIES) {
                    throw new PlatformException("Slack is still rate limiting " + method + " after " + RETRIES
                            + " waits: try again in a few minutes");
                }
                waitOut(Objects.requireNonNullElse(SlackPoster.retryAfter(e.getResponse().header("Retry-After")), DEFAULT_WAIT));
            } catch (IOException e) {
                // the exception's text may hold the URL; its type says enough
                throw new PlatformException("could not reach Slack for " + method + " (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private void waitOut(Duration d) throws PlatformException {
        try {
            pause.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("stopped while waiting for Slack's rate limit");
        }
    }

    /** The answer when Slack said ok; else its refusal in words ("the Slack app lacks a permission … users:read.email"). */
    private static <T extends SlackApiTextResponse> T ok(String method, T r) throws PlatformException {
        if (r.isOk()) {
            return r;
        }
        throw new PlatformException(SlackPoster.answerFailure(method, r.getError() == null ? "unknown_error" : r.getError(),
                r.getNeeded()).getMessage());
    }
}
