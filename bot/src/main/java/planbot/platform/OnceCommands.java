package planbot.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import planbot.command.CommandParser;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.DateParser;
import planbot.command.ParseResult;
import planbot.reply.Reply;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;

/**
 * Runs a typed command that a platform may deliver more than once (Teams redelivers an activity it thinks was lost; a
 * Discord gateway replays interactions after a reconnect) so that each delivery id has one effect:
 * <ul>
 *   <li>a command that changes something marks its id delivered ({@link InboundEventRepository#firstDelivery}) in the
 *       same transaction as its effect; one that failed on our side rolls the mark back, so a redelivery can succeed;</li>
 *   <li>a lookup ({@link planbot.command.Command#readOnly()}) changes nothing stored: it runs outside any write
 *       transaction (on SQLite, writes take turns) and its id is remembered in memory, the last
 *       {@value #REMEMBERED} ids — a node that restarted between two deliveries answers a lookup twice, which is
 *       harmless.</li>
 * </ul>
 * Thread-safe.
 */
public final class OnceCommands {
    static final int REMEMBERED = 10_000;

    private final Database db;
    private final InboundEventRepository inbound;
    private final PlatformServices core;
    private final CommandParser parser;
    private final Map<String, Boolean> recentLookups = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public OnceCommands(Database db, InboundEventRepository inbound, PlatformServices core) {
        this.db = Objects.requireNonNull(db, "db");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.core = Objects.requireNonNull(core, "core");
        this.parser = new CommandParser(new DateParser(core.clock(), core.zone()));
    }

    /**
     * The reply to the request's command; empty when this delivery was handled before.
     *
     * @param platform   the platform's name, as inbound dedupe stores it
     * @param workspace  the workspace the delivery came from
     * @param deliveryId the platform's id of the delivery (activity id, interaction id); "" runs it without dedupe
     */
    public Optional<Reply> handle(String platform, String workspace, String deliveryId, CommandRequest request) {
        if (deliveryId.isEmpty()) {
            return Optional.of(core.commands().handle(request));
        }
        if (isLookup(request.text())) {
            synchronized (recentLookups) {
                if (recentLookups.put(platform + ":" + deliveryId, Boolean.TRUE) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(core.commands().handle(request));
        }
        try {
            return Optional.ofNullable(db.transaction(() -> {
                if (!inbound.firstDelivery(platform, workspace, deliveryId, core.clock().instant())) {
                    return null;
                }
                Reply r = core.commands().handle(request);
                if (CommandService.failedOnOurSide(r)) {
                    throw new FailedOnOurSide(r); // leaves the delivery unmarked
                }
                return r;
            }));
        } catch (FailedOnOurSide e) {
            return Optional.of(e.reply);
        }
    }

    /**
     * True when the text is a lookup, or no command at all (its answer is the parser's help): what only the caller needs
     * to see, and what {@link #handle} runs outside a write transaction.
     */
    public boolean isLookup(String text) {
        ParseResult parsed = parser.parse(text);
        return !(parsed instanceof ParseResult.Parsed) || ((ParseResult.Parsed) parsed).command().readOnly();
    }

    /**
     * True when the text's answer is for the caller alone ({@link planbot.command.Command#answeredPrivately}), or it is no
     * command at all (its answer is the parser's help).
     */
    public boolean answeredPrivately(String text) {
        ParseResult parsed = parser.parse(text);
        return !(parsed instanceof ParseResult.Parsed) || ((ParseResult.Parsed) parsed).command().answeredPrivately();
    }

    /** Carries a failed command's reply out of the transaction it rolls back. */
    private static final class FailedOnOurSide extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        FailedOnOurSide(Reply reply) {
            super("the command failed on our side", null, false, false);
            this.reply = reply;
        }
    }
}
