package planbot.discord.render;

import java.util.Optional;
import planbot.answer.ButtonValue;

/**
 * The {@code custom_id} of our buttons, select menus and modal: a {@link ButtonValue} in at most 100 characters.
 * Stateless and thread-safe; {@link #decode} never throws.
 */
public final class ComponentIds {
    /** Discord's limit on a custom_id. */
    public static final int MAX = 100;

    private ComponentIds() {
    }

    public static String encode(ButtonValue v) {
        return v.encode();
    }

    public static Optional<ButtonValue> decode(String customId) {
        return ButtonValue.decode(customId);
    }
}
