package planbot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.command.Actor;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.storage.ApiToken;
import planbot.storage.ApiTokenRepository;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Integration tokens for the REST API: {@code ./planbot token create|list|revoke} make and manage them, and the API
 * asks {@link #authenticate} on every request. A token is {@value #PREFIX} and a {@link Secrets#newSecret() secret}
 * (so a leaked one is easy to grep for), shown once at creation and stored only as its SHA-256. It acts in one tenant
 * as {@link Actor#integration an integration} with its role. Creating and revoking are audited.
 *
 * <p>Thread-safe. Bad input (a malformed or taken name, an unknown token or tenant) is a {@link UserFixableException}
 * and changes nothing; storage failures propagate.
 */
public final class ApiTokens {
    /** What every token starts with. */
    public static final String PREFIX = "pbt_";
    /** How stale "last used" may get: refreshing it on every call would make every read a write. */
    static final Duration USED_PRECISION = Duration.ofMinutes(1);
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";

    /** A token that authenticated: which tenant it acts in, as which integration, with which role. */
    public record Integration(String tenant, String name, Role role) {
        public Integration {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }

        /** Who the command service sees: the token's name, its role, and nobody in the plan. */
        public Actor actor() {
            return Actor.integration(name, role);
        }
    }

    private final Database db;
    private final TenantRepository tenants;
    private final ApiTokenRepository tokens;
    private final AuditRepository audit;
    private final Clock clock;

    public ApiTokens(Database db, TenantRepository tenants, ApiTokenRepository tokens, AuditRepository audit, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes a token for an integration of the tenant (created if new).
     *
     * @param by who asked, for the audit trail ("cli")
     * @return the token, to be shown once (nothing can show it again); empty when the tenant has a token so named, even
     *         revoked, and nothing was stored
     * @throws UserFixableException when the name is malformed
     */
    public Optional<String> create(String tenantSlug, String name, Role role, String by, Source source) {
        Objects.requireNonNull(role, "role");
        if (name == null || !name.matches(NAME)) {
            throw new UserFixableException("a token's name is a short word of letters, digits, '.', '_' or '-', e.g. finance-dashboard");
        }
        String token = PREFIX + Secrets.newSecret();
        Instant now = clock.instant();
        return db.transaction(() -> {
            Tenant tenant = tenants.getOrCreate(tenantSlug, now);
            if (tokens.find(tenant, name).isPresent()) {
                return Optional.empty();
            }
            tokens.add(tenant, name, role, Secrets.sha256Hex(token), now);
            audit.append(tenant, new AuditEvent(now, by, source, "api-token", name, "created", null, role.word(), null));
            return Optional.of(token);
        });
    }

    /** The tenant's tokens, oldest first (never the tokens themselves); empty for an unknown tenant. */
    public List<ApiToken> list(String tenantSlug) {
        return tenants.find(tenantSlug).map(tokens::list).orElse(List.of());
    }

    /**
     * Revokes the tenant's token so named: the API refuses it from now on.
     *
     * @return false when it was revoked already (nothing changed)
     * @throws UserFixableException when the tenant has no token so named
     */
    public boolean revoke(String tenantSlug, String name, String by, Source source) {
        Instant now = clock.instant();
        return db.transaction(() -> {
            Optional<Tenant> tenant = tenants.find(tenantSlug);
            Optional<ApiToken> token = tenant.flatMap(t -> tokens.find(t, name));
            if (token.isEmpty()) {
                throw new UserFixableException(tenantSlug + " has no token called " + name + ": `./planbot token list` shows them.");
            }
            if (token.get().revoked()) {
                return false;
            }
            tokens.revoke(token.get().id(), now);
            audit.append(tenant.get(), new AuditEvent(now, by, source, "api-token", name, "revoked", null, null, null));
            return true;
        });
    }

    /**
     * The integration a bearer token stands for; empty when it is malformed, unknown or revoked (the caller says no
     * more than that). Records its use, to the minute.
     */
    public Optional<Integration> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByHash(Secrets.sha256Hex(token)).filter(t -> !t.revoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        Optional<Tenant> tenant = tenants.get(t.tenantId());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (t.lastUsedAt() == null || t.lastUsedAt().plus(USED_PRECISION).isBefore(now)) {
            tokens.used(t.id(), now);
        }
        return Optional.of(new Integration(tenant.get().slug(), t.name(), t.role()));
    }
}
