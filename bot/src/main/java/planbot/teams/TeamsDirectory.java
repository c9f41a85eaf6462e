package planbot.teams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ConversationRef;
import planbot.teams.connector.TeamsFailure;
import planbot.teams.connector.TeamsMember;

/**
 * The people of the council's Teams, as the bot can see them: the members of every team the planbot app is installed
 * in (the Connector's members API; a team's id is also its conversation id). {@link #byEmail} asks each team for the
 * email address or UPN; {@link #members} lists them all, page by page, each person once. A {@link Member}'s user id is
 * the Entra object id, which is how planbot links Teams accounts. So {@code people link "HoP" sam@council.gov.uk},
 * {@code admin add --email} and {@code people match} work on Teams.
 *
 * <p>A bot sees only teams it is in: without one, both answer with a {@link PlatformException} saying to add the
 * app to a team. Thread-safe (nothing is kept here).
 */
public final class TeamsDirectory implements Directory {
    static final String NO_TEAM = "planbot is not in any Teams team yet, so it cannot look people up: add the planbot"
            + " app to a team the council's people are in";

    private final ConnectorClient connector;
    private final TeamsConversationRepository conversations;

    public TeamsDirectory(ConnectorClient connector, TeamsConversationRepository conversations) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
    }

    @Override
    public Optional<Member> byEmail(String email) throws PlatformException {
        for (ConversationRef team : teams()) {
            try {
                Optional<TeamsMember> found = connector.member(team, email.strip());
                if (found.isPresent() && found.get().aadObjectId() != null) {
                    return Optional.of(member(found.get()));
                }
            } catch (TeamsFailure f) {
                throw new PlatformException("Teams did not answer planbot's question about a member: " + f.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Member> members() throws PlatformException {
        Map<String, Member> byObjectId = new LinkedHashMap<>();
        for (ConversationRef team : teams()) {
            try {
                for (TeamsMember m : connector.members(team)) {
                    // bots have no Entra object id; people in several teams come once
                    if (m.aadObjectId() != null) {
                        byObjectId.putIfAbsent(m.aadObjectId(), member(m));
                    }
                }
            } catch (TeamsFailure f) {
                throw new PlatformException("Teams did not list the members of a team: " + f.getMessage());
            }
        }
        return new ArrayList<>(byObjectId.values());
    }

    /** The teams the bot is installed in, each once, at the service URL their channel's activities came from. */
    private List<ConversationRef> teams() throws PlatformException {
        Set<String> seen = new LinkedHashSet<>();
        List<ConversationRef> teams = new ArrayList<>();
        for (TeamsConversation c : conversations.installed()) {
            if (c.kind() == TeamsConversation.Kind.CHANNEL && !c.teamId().isEmpty() && seen.add(c.teamId())) {
                teams.add(new ConversationRef(c.serviceUrl(), c.teamId()));
            }
        }
        if (teams.isEmpty()) {
            throw new PlatformException(NO_TEAM);
        }
        return teams;
    }

    private static Member member(TeamsMember m) {
        String email = m.email() != null ? m.email() : m.userPrincipalName() != null && m.userPrincipalName().contains("@")
                ? m.userPrincipalName() : "";
        return new Member(m.aadObjectId(), m.name(), m.name(), email);
    }
}
