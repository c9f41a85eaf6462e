package planbot.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.UserFixableException;

/** {@link PersonRepository} on the {@link Database}. */
public final class JdbiPersonRepository implements PersonRepository {
    private final Database db;

    public JdbiPersonRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public int upsert(Tenant tenant, Collection<String> names, Role role) {
        Objects.requireNonNull(role, "role");
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        for (String name : names) {
            wanted.add(new Person(name, role).name());
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        return db.inTransaction(h -> {
            // A tenant has tens of people, not thousands: one read beats a query per name.
            Map<String, Role> known = h.createQuery("SELECT name, role FROM person WHERE tenant_id = ?")
                    .bind(0, tenant.id())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), Role.valueOf(rs.getString(2))))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<String> added = new ArrayList<>();
            List<String> raised = new ArrayList<>();
            for (String name : wanted) {
                Role had = known.get(name);
                if (had == null) {
                    added.add(name);
                } else if (!had.atLeast(role)) {
                    raised.add(name);
                }
            }
            if (!added.isEmpty()) {
                PreparedBatch insert = h.prepareBatch("INSERT INTO person (tenant_id, name, role) VALUES (?, ?, ?)");
                for (String name : added) {
                    insert.bind(0, tenant.id()).bind(1, name).bind(2, role.name()).add();
                }
                insert.execute();
            }
            if (!raised.isEmpty()) {
                PreparedBatch update = h.prepareBatch("UPDATE person SET role = ? WHERE tenant_id = ? AND name = ?");
                for (String name : raised) {
                    update.bind(0, role.name()).bind(1, tenant.id()).bind(2, name).add();
                }
                update.execute();
            }
            return added.size() + raised.size();
        });
    }

    @Override
    public boolean setRole(Tenant tenant, String name, Role role) {
        return db.inTransaction(h -> h.createUpdate("UPDATE person SET role = ? WHERE tenant_id = ? AND name = ?")
                .bind(0, role.name()).bind(1, tenant.id()).bind(2, name.strip())
                .execute()) == 1;
    }

    @Override
    public Optional<Person> find(Tenant tenant, String name) {
        return db.withHandle(h -> h.createQuery("SELECT name, role FROM person WHERE tenant_id = ? AND lower(name) = lower(?)"
                        + " ORDER BY CASE WHEN name = ? THEN 0 ELSE 1 END, name LIMIT 1")
                .bind(0, tenant.id()).bind(1, name.strip()).bind(2, name.strip())
                .map((rs, ctx) -> new Person(rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .findOne());
    }

    @Override
    public List<Person> list(Tenant tenant) {
        return db.withHandle(h -> h.createQuery("SELECT name, role FROM person WHERE tenant_id = ? ORDER BY name")
                .bind(0, tenant.id())
                .map((rs, ctx) -> new Person(rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .list());
    }

    @Override
    public boolean link(Tenant tenant, String name, ChatIdentity identity) {
        return db.inTransaction(h -> {
            Optional<Long> personId = h.createQuery("SELECT id FROM person WHERE tenant_id = ? AND name = ?")
                    .bind(0, tenant.id()).bind(1, name.strip()).mapTo(Long.class).findOne();
            if (personId.isEmpty()) {
                return false;
            }
            Optional<Long> owner = identityTenant(h, identity);
            if (owner.isPresent() && owner.get() != tenant.id()) {
                // A workspace belongs to one tenant: the account is someone else's to unlink first.
                throw new UserFixableException("the " + identity.platform() + " user " + identity.userId()
                        + " is already linked in another tenant");
            }
            if (owner.isPresent()) {
                h.createUpdate("UPDATE chat_identity SET person_id = ?"
                                + " WHERE tenant_id = ? AND platform = ? AND workspace = ? AND user_id = ?")
                        .bind(0, personId.get()).bind(1, tenant.id())
                        .bind(2, identity.platform()).bind(3, identity.workspace()).bind(4, identity.userId())
                        .execute();
            } else {
                h.createUpdate("INSERT INTO chat_identity (tenant_id, person_id, platform, workspace, user_id)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .bind(0, tenant.id()).bind(1, personId.get())
                        .bind(2, identity.platform()).bind(3, identity.workspace()).bind(4, identity.userId())
                        .execute();
            }
            // a new link is where the person is now: their reminders go there until they use planbot elsewhere
            h.createUpdate("UPDATE person SET last_platform = ? WHERE id = ?")
                    .bind(0, identity.platform()).bind(1, personId.get())
                    .execute();
            return true;
        });
    }

    @Override
    public Optional<Person> findByIdentity(Tenant tenant, ChatIdentity identity) {
        return db.withHandle(h -> h.createQuery("SELECT p.name, p.role FROM chat_identity c JOIN person p ON p.id = c.person_id"
                        + " WHERE c.tenant_id = ? AND c.platform = ? AND c.workspace = ? AND c.user_id = ?")
                .bind(0, tenant.id())
                .bind(1, identity.platform()).bind(2, identity.workspace()).bind(3, identity.userId())
                .map((rs, ctx) -> new Person(rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .findOne());
    }

    @Override
    public List<ChatIdentity> identitiesOfUser(String platform, String userId) {
        return db.withHandle(h -> h.createQuery("SELECT platform, workspace, user_id FROM chat_identity"
                        + " WHERE platform = ? AND user_id = ? ORDER BY workspace")
                .bind(0, platform).bind(1, userId)
                .map((rs, ctx) -> new ChatIdentity(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    @Override
    public Optional<ChatIdentity> identity(Tenant tenant, String personName, String platform) {
        return db.withHandle(h -> h.createQuery("SELECT c.platform, c.workspace, c.user_id FROM chat_identity c"
                        + " JOIN person p ON p.id = c.person_id WHERE c.tenant_id = ? AND p.name = ? AND c.platform = ?"
                        + " ORDER BY c.id DESC")
                .bind(0, tenant.id()).bind(1, personName.strip()).bind(2, platform)
                .map((rs, ctx) -> new ChatIdentity(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findFirst());
    }

    @Override
    public List<Person> unlinked(Tenant tenant, String platform) {
        return db.withHandle(h -> h.createQuery("SELECT p.name, p.role FROM person p WHERE p.tenant_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM chat_identity c WHERE c.person_id = p.id AND c.platform = ?) ORDER BY p.name")
                .bind(0, tenant.id()).bind(1, platform)
                .map((rs, ctx) -> new Person(rs.getString("name"), Role.valueOf(rs.getString("role"))))
                .list());
    }

    @Override
    public PersonReach reach(Tenant tenant, String personName) {
        return db.withHandle(h -> {
            Optional<PersonReach> person = h.createQuery("SELECT reminders_platform, last_platform, channel_platform,"
                            + " channel_address FROM person WHERE tenant_id = ? AND name = ?")
                    .bind(0, tenant.id()).bind(1, personName.strip())
                    .map((rs, ctx) -> new PersonReach(List.of(), rs.getString(1), rs.getString(2),
                            rs.getString(3) == null ? null : new PersonChannel(rs.getString(3), rs.getString(4))))
                    .findOne();
            if (person.isEmpty()) {
                return PersonReach.none();
            }
            List<ChatIdentity> identities = h.createQuery("SELECT c.platform, c.workspace, c.user_id FROM chat_identity c"
                            + " JOIN person p ON p.id = c.person_id WHERE c.tenant_id = ? AND p.name = ? ORDER BY c.id DESC")
                    .bind(0, tenant.id()).bind(1, personName.strip())
                    .map((rs, ctx) -> new ChatIdentity(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            return new PersonReach(identities, person.get().chosen(), person.get().lastUsed(), person.get().channel());
        });
    }

    @Override
    public boolean chooseRemindersPlatform(Tenant tenant, String personName, String platform) {
        return db.withHandle(h -> h.createUpdate("UPDATE person SET reminders_platform = ? WHERE tenant_id = ? AND name = ?")
                .bind(0, platform).bind(1, tenant.id()).bind(2, personName.strip())
                .execute()) > 0;
    }

    @Override
    public boolean setEmail(Tenant tenant, String name, String email) {
        return db.withHandle(h -> h.createUpdate("UPDATE person SET email = ? WHERE tenant_id = ? AND name = ?")
                .bind(0, email).bind(1, tenant.id()).bind(2, name.strip())
                .execute()) > 0;
    }

    @Override
    public Map<String, String> emails(Tenant tenant) {
        return db.withHandle(h -> h.createQuery("SELECT name, email FROM person WHERE tenant_id = ? AND email IS NOT NULL")
                .bind(0, tenant.id())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public boolean linkChannel(Tenant tenant, String name, PersonChannel channel) {
        return db.withHandle(h -> h.createUpdate("UPDATE person SET channel_platform = ?, channel_address = ?"
                        + " WHERE tenant_id = ? AND name = ?")
                .bind(0, channel == null ? null : channel.platform()).bind(1, channel == null ? null : channel.address())
                .bind(2, tenant.id()).bind(3, name.strip())
                .execute()) > 0;
    }

    @Override
    public void noteUsed(Tenant tenant, String personName, String platform) {
        Objects.requireNonNull(platform, "platform");
        boolean same = db.withHandle(h -> h.createQuery("SELECT last_platform FROM person WHERE tenant_id = ? AND name = ?")
                .bind(0, tenant.id()).bind(1, personName.strip())
                .map((rs, ctx) -> platform.equals(rs.getString(1)))
                .findOne().orElse(true));
        if (!same) {
            db.withHandle(h -> h.createUpdate("UPDATE person SET last_platform = ? WHERE tenant_id = ? AND name = ?")
                    .bind(0, platform).bind(1, tenant.id()).bind(2, personName.strip())
                    .execute());
        }
    }

    private static Optional<Long> identityTenant(Handle h, ChatIdentity identity) {
        return h.createQuery("SELECT tenant_id FROM chat_identity WHERE platform = ? AND workspace = ? AND user_id = ?")
                .bind(0, identity.platform()).bind(1, identity.workspace()).bind(2, identity.userId())
                .mapTo(Long.class).findOne();
    }
}
