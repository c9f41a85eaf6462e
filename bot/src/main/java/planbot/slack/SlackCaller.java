package planbot.slack;

import java.util.Objects;
import planbot.command.Actor;
import planbot.storage.ChatIdentity;
import planbot.storage.Tenant;

/**
 * Who sent a verified Slack request, as the core needs it: the council (tenant) the workspace is bound to, the
 * actor (the linked person of the plan, or a guest who may only read) and the Slack identity itself.
 */
public record SlackCaller(Tenant tenant, Actor actor, ChatIdentity identity) implements SlackTenancy.Result {
    public SlackCaller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(identity, "identity");
    }
}
