package planbot.storage;

import java.util.Objects;

/**
 * A chat workspace bound to a tenant.
 *
 * @param platform     "slack", "discord", "teams"
 * @param enterpriseId the Slack Enterprise Grid id, or "" when there is none
 * @param teamId       the Slack team (workspace) id, Discord guild or Teams tenant; "" for an org-wide install
 * @param tenant       the tenant whose plans the workspace sees
 */
public record WorkspaceBinding(String platform, String enterpriseId, String teamId, Tenant tenant) {
    public WorkspaceBinding {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(tenant, "tenant");
        if (enterpriseId.isEmpty() && teamId.isEmpty()) {
            throw new IllegalArgumentException("a workspace needs a team or an enterprise id");
        }
    }
}
