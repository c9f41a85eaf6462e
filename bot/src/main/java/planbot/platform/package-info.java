/**
 * The seam every chat platform plugs into. A platform (console, Slack, and later Teams and Discord) is one package
 * with one {@link planbot.platform.ChatPlatform}: it says which {@link planbot.domain.Source} it is, mounts its HTTP
 * routes on the app's one server, starts and stops, gives the outbox its {@link planbot.delivery.Messenger}, and turns
 * its own mention syntax into planbot's neutral form before the command parser sees any text. Everything a platform
 * needs from the core comes in one {@link planbot.platform.PlatformServices}; the composition root names each
 * platform once. Nothing here imports a chat SDK or an HTTP server.
 */
package planbot.platform;
