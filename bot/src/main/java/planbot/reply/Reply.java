package planbot.reply;

/**
 * Everything planbot can say back to one command: a closed set of data shapes, rendered per platform.
 *
 * <p>{@link #visibleToChannel()} tells the platform whether the reply is for everyone in the conversation
 * (a change others should see) or only for the person who asked (a lookup).
 */
public sealed interface Reply permits TaskCard, ActionCard, TaskList, HistoryReply, Confirmation, Failure, HelpReply,
        Question, DigestReply, Listing {

    /** True for replies meant for the whole channel; false for lookups only the caller needs to see. */
    default boolean visibleToChannel() {
        return false;
    }
}
