package planbot.command;

import java.util.Locale;

/**
 * Recognises mentions in typed text, in planbot's neutral form only — {@code <@ID>} or {@code <@ID|label>} for a person,
 * {@code <#ID>} or {@code <#ID|name>} for a channel, {@code <!…>} for a group, and a bare {@code @handle} — so that a
 * group ping is never taken for a person. Each platform turns its own syntax into this form before the parser sees
 * the text ({@link planbot.platform.ChatPlatform#neutralMentions}): the core knows no platform's dialect.
 */
final class Mentions {
    private Mentions() {
    }

    /** True for a mention of one person: {@code <@ID>}, {@code <@ID|label>} or {@code @handle}. */
    static boolean isPersonMention(String s) {
        if (s.startsWith("<@")) {
            if (s.length() < 4 || !s.endsWith(">")) {
                return false;
            }
            String inner = s.substring(2, s.length() - 1);
            int bar = inner.indexOf('|');
            String id = bar < 0 ? inner : inner.substring(0, bar);
            String label = bar < 0 ? "" : inner.substring(bar + 1);
            return !id.isEmpty() && id.chars().allMatch(Mentions::isIdChar)
                    && label.indexOf('<') < 0 && label.indexOf('>') < 0;
        }
        if (s.startsWith("@") && s.length() > 1 && !isGroup(s)) {
            for (int i = 1; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (!(Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-' || cp == '\'')) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** An email address as typed: something@somewhere.tld, no spaces or angle brackets. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s<>|]+@[^@\\s<>|]+\\.[^@\\s<>|.]+");

    /** True for an email address ({@code sam@council.gov.uk}), which is not a mention. */
    static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }

    /** True for something that looks like a mention at all, of a person or a group. */
    static boolean looksLikeMention(String s) {
        return s.startsWith("@") || s.startsWith("<@") || s.startsWith("<!") || s.startsWith("<#");
    }

    /** True for a mention of many people at once: @everyone, @here, @channel, {@code <!…>}, a channel {@code <#…>}. */
    static boolean isGroup(String s) {
        String w = Tokens.word(s);
        return w.equals("@everyone") || w.equals("@here") || w.equals("@channel") || w.equals("@all")
                || s.startsWith("<!") || s.startsWith("<#");
    }

    /**
     * The channel id of a channel mention in the neutral form ({@code <#C123>}, {@code <#C123|plans>}, {@code <#123>});
     * empty for anything else, including a bare {@code #plans}, which names no id.
     */
    static java.util.Optional<String> channelId(String s) {
        if (!s.startsWith("<#") || !s.endsWith(">") || s.length() < 4) {
            return java.util.Optional.empty();
        }
        String inner = s.substring(2, s.length() - 1);
        int bar = inner.indexOf('|');
        String id = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1);
        boolean ok = !id.isEmpty() && id.chars().allMatch(Mentions::isIdChar) && label.indexOf('<') < 0 && label.indexOf('>') < 0;
        return ok ? java.util.Optional.of(id) : java.util.Optional.empty();
    }

    /** How to name a channel mention in a sentence: its label ({@code plans} for {@code <#C123|plans>}), else its id. */
    static String channelName(String mention) {
        String id = channelId(mention).orElseThrow(() -> new IllegalArgumentException("not a channel mention"));
        int bar = mention.indexOf('|');
        return bar < 0 || bar == mention.length() - 2 ? id : mention.substring(bar + 1, mention.length() - 1);
    }

    /** Why a text cannot be a person's name, as a sentence for the user; null when it can. */
    static String nameProblem(String text) {
        if (text.isEmpty()) {
            return "A name cannot be blank.";
        }
        if (text.length() > Assignee.MAX_NAME_LENGTH) {
            return "That name is too long (" + text.length() + " characters; the most I take is "
                    + Assignee.MAX_NAME_LENGTH + ").";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (isGroup(text) || lower.contains("@everyone") || lower.contains("@here") || lower.contains("@channel")) {
            return "A task goes to one person, not to a whole group or channel.";
        }
        if (looksLikeMention(text)) {
            return "I can't read that mention; mention one person (like @sam) or type their name.";
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '<' || cp == '>' || type == Character.CONTROL || type == Character.SURROGATE) {
                return "A name cannot contain < or > or control characters; mention the person (like @sam) or type their name.";
            }
        }
        return null;
    }

    private static boolean isIdChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.';
    }
}
