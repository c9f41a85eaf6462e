package planbot.discord.render;

/**
 * User text made safe for Discord, and Discord's mention syntax made neutral. Stateless and thread-safe; never throws
 * on any string.
 */
public final class DiscordText {
    private DiscordText() {
    }

    /**
     * User text (a title, a note, a name) as Discord markdown that shows it as typed: markdown characters escaped, links
     * not clickable, and mentions broken visibly so that they neither ping nor render as mentions.
     */
    public static String escape(String userText) {
        return userText;
    }

    /**
     * Typed option text with Discord's mention syntax turned into planbot's neutral form (see
     * {@link planbot.platform.ChatPlatform#neutralMentions}).
     */
    public static String neutral(String typed) {
        return typed;
    }
}
