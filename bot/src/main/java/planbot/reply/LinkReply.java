package planbot.reply;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A private link for the asker alone ({@code /plan web}'s sign-in link): never shown to the channel. Renderers show the
 * URL as a link or button exactly as given, never through their markup escaping, which would mangle it (a
 * {@code _} in a token made {@code \_}).
 *
 * @param text  what the link is for, plain text
 * @param url   an absolute http(s) URL
 * @param label the link's or button's words ("Open planbot")
 */
public record LinkReply(String text, URI url, String label) implements Reply {
    public LinkReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(label, "label");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a link reply needs an http(s) URL");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
