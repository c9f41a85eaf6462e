package planbot.reply;

/**
 * Everything planbot can say back to one command: a closed set of data shapes, rendered per platform.
 *
 * <p>{@link #visibleToChannel()} tells the platform whether the reply is for everyone in the conversation
 * (a change others should see) or only for the person who asked (a lookup).
 *
 * <p>Renderers implement {@link Visitor}: a new reply type needs a {@code visit} method there, so it does not compile
 * until every renderer says how it looks (Java 17 has no exhaustive {@code switch} over a sealed type).
 */
public sealed interface Reply permits TaskCard, ActionCard, TaskList, HistoryReply, Confirmation, Failure, HelpReply,
        Question, DigestReply, Listing, LinkReply {

    /** True for replies meant for the whole channel; false for lookups only the caller needs to see. */
    default boolean visibleToChannel() {
        return false;
    }

    /** Calls the visitor's method for this reply's type and returns what it made. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per reply type, for a renderer. Implementations decide their own thread-safety; a visitor that
     * throws fails the rendering of that one reply.
     */
    interface Visitor<R> {
        R visit(TaskCard card);

        R visit(ActionCard card);

        R visit(TaskList list);

        R visit(HistoryReply history);

        R visit(Confirmation confirmation);

        R visit(Failure failure);

        R visit(HelpReply help);

        R visit(Question question);

        R visit(DigestReply digest);

        R visit(Listing listing);

        R visit(LinkReply link);
    }
}
