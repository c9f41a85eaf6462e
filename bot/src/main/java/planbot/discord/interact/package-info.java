/**
 * What planbot does with a Discord interaction, in either mode (the gateway's {@code INTERACTION_CREATE} or an HTTP
 * interaction): {@link planbot.discord.interact.Interactions} reads the raw JSON ({@link
 * planbot.discord.interact.Interaction}), finds the council and the person, and answers {@code /plan} (its subcommands
 * defined once, for registration and reading, in {@link planbot.discord.interact.PlanCommandSpec}), ref autocomplete,
 * reminder buttons and select menus, and the New date modal, within Discord's 3 s or deferred. Each turns the
 * interaction into the core's neutral request and renders the answer with {@code planbot.discord.render}.
 */
package planbot.discord.interact;
