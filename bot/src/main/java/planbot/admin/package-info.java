/**
 * The audited set-up use cases an admin runs, whatever the front end: digest subscriptions, roles, workspace
 * bindings, the reminder policy, admins (by account, by email through a platform's directory, or by a one-time claim
 * code), loading a plan for export. The command line calls {@link planbot.admin.AdminService}
 * today, and chat and the web will; its refusals are {@link planbot.domain.UserFixableException}s worded for any of
 * them.
 */
package planbot.admin;
