/**
 * The Microsoft Teams platform ({@link planbot.teams.TeamsPlatform}, a {@link planbot.platform.ChatPlatform}): a bot on
 * the Bot Framework activity protocol, implemented directly (the Java SDK is archived), the only code that knows that
 * protocol.
 *
 * <p>Inbound: {@code TeamsHttp} at {@code POST /api/messages} verifies the bearer JWT ({@code auth.ConnectorAuth})
 * before reading the body, reads the {@link planbot.teams.Activity} strictly, answers at once and hands the work to
 * {@code interact.TeamsActivities} (commands, card clicks, typed replies to reminders, installs), which finds the
 * council through the neutral {@link planbot.tenancy.Tenancy} by the activity's Entra tenant. {@code webhook} is the
 * outgoing-webhook alternative (commands only, HMAC-signed, answered synchronously).
 *
 * <p>Outbound: {@code connector.ConnectorClient} (the Connector REST API with {@code auth.AppTokens}' client-credentials
 * token; only service URLs seen in verified activities), {@code delivery.TeamsMessenger} for the outbox,
 * {@link planbot.teams.TeamsDirectory} for who is in the council's teams. Conversation references a proactive message
 * needs are stored in {@code teams_conversation}.
 *
 * <p>Everything it hands the core is neutral (mentions turned into planbot's form by {@link planbot.teams.TeamsText});
 * everything it gets back is rendered to Adaptive Cards 1.5 in {@code render}, with no mention ever made from user text.
 */
package planbot.teams;
