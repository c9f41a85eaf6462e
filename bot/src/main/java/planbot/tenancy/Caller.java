package planbot.tenancy;

import java.util.Objects;
import planbot.command.Actor;
import planbot.storage.ChatIdentity;
import planbot.storage.Tenant;

/**
 * Who sent a verified chat request, as the core needs it: the council (tenant) the workspace is bound to, the
 * actor (the linked person of the plan, or a guest who may only read) and the chat identity itself.
 */
public record Caller(Tenant tenant, Actor actor, ChatIdentity identity) implements Tenancy.Result {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(identity, "identity");
    }
}
