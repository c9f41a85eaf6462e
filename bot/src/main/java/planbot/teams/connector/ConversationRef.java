package planbot.teams.connector;

import java.util.Objects;

/**
 * Where to send in Teams: the {@code serviceUrl} exactly as a verified activity carried it (region and path
 * included, with or without its trailing slash; never built by planbot) and the conversation id
 * ({@code a:…} personal, {@code 19:…@thread.tacv2} channel, possibly with {@code ;messageid=…} for a thread).
 */
public record ConversationRef(String serviceUrl, String conversationId) {
    public ConversationRef {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(conversationId, "conversationId");
        if (serviceUrl.isBlank() || conversationId.isBlank()) {
            throw new IllegalArgumentException("a conversation needs a serviceUrl and an id");
        }
    }
}
