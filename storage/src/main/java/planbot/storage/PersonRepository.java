package planbot.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.UserFixableException;

/**
 * People as the tracker names them, their roles and their chat identities. Thread-safe; scoped by tenant;
 * joins the caller's transaction when called inside {@link Database#inTransaction}.
 */
public interface PersonRepository {

    /**
     * Makes sure each name is a person with at least this role: adds the names not yet known, raises a known
     * person whose role is lower, and never lowers a role. Writes nothing when all are already so.
     *
     * @return how many people were added or raised
     */
    int upsert(Tenant tenant, Collection<String> names, Role role);

    /** Sets a person's role exactly (an admin may lower it). Returns false when there is no such person. */
    boolean setRole(Tenant tenant, String name, Role role);

    /** The person with exactly this name (as the tracker writes it), or else the one whose name differs only in case. */
    Optional<Person> find(Tenant tenant, String name);

    /** Every person of the tenant, by name. */
    List<Person> list(Tenant tenant);

    /**
     * Links a chat identity to a person, moving it from whoever had it in this tenant, and makes its platform the one
     * they {@linkplain #noteUsed last used}. Returns false when there is no such person.
     *
     * @throws UserFixableException when the identity is already linked in another tenant
     */
    boolean link(Tenant tenant, String name, ChatIdentity identity);

    /** The person a chat identity is linked to in this tenant. */
    Optional<Person> findByIdentity(Tenant tenant, ChatIdentity identity);

    /**
     * Every link of a platform's user id, in any workspace of any tenant: how a request from a direct chat that names
     * no workspace (a Discord DM over HTTP) finds the council of its sender.
     */
    List<ChatIdentity> identitiesOfUser(String platform, String userId);

    /** A person's linked account on a platform (names compare as {@link #link} stores them); empty if none. */
    Optional<ChatIdentity> identity(Tenant tenant, String personName, String platform);

    /** The tenant's people with no account linked on a platform, by name. */
    List<Person> unlinked(Tenant tenant, String platform);

    /** A person's linked accounts on every platform and their reminder platform; {@link PersonReach#none()} if unknown. */
    PersonReach reach(Tenant tenant, String personName);

    /**
     * Chooses the platform a person's reminders go to ({@code null}: where they last used planbot). Returns false when
     * there is no such person.
     */
    boolean chooseRemindersPlatform(Tenant tenant, String personName, String platform);

    /**
     * Sets a person's email address ({@code null} clears it), stored as given. Returns false when there is no such person.
     */
    boolean setEmail(Tenant tenant, String name, String email);

    /** The email address of each person of the tenant who has one, by name. */
    java.util.Map<String, String> emails(Tenant tenant);

    /**
     * Links a person (in practice a team or a role) to a channel where their reminders go ({@code null} unlinks).
     * Returns false when there is no such person.
     */
    boolean linkChannel(Tenant tenant, String name, PersonChannel channel);

    /**
     * Records that a person used planbot on a platform. Writes only when that differs from the platform stored, so
     * calling it on every request costs one read in the usual case. Joins the caller's transaction.
     */
    void noteUsed(Tenant tenant, String personName, String platform);
}
