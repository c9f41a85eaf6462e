/**
 * Who is behind a verified chat request, for every platform: the workspace (Slack team or enterprise, Discord
 * guild, Teams team) gives the council (tenant) it is bound to, and the user gives the person of the plan linked to
 * that account, or a guest who may read but not change. A platform adapter turns its native ids into a call to
 * {@link planbot.tenancy.Tenancy#resolve} and renders the {@link planbot.tenancy.Tenancy.Refused} sentence its own way.
 *
 * <p>Neutral: imports no chat SDK and no HTTP server; the platform is a {@link planbot.domain.Source}.
 */
package planbot.tenancy;
