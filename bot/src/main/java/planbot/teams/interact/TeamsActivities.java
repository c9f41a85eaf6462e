package planbot.teams.interact;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.domain.Source;
import planbot.platform.OnceCommands;
import planbot.platform.PlatformServices;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.Activity;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.render.NoticeCards;
import planbot.teams.render.ReplyCards;
import planbot.tenancy.Caller;
import planbot.tenancy.Tenancy;

/**
 * Handles one verified Teams activity, after the HTTP request was answered: learns the conversation reference (for
 * proactive messages later), then routes by kind — an install or removal of the bot ({@code conversationUpdate} with
 * the bot among {@code membersAdded}, or {@code installationUpdate}), a card click (an {@code adaptiveCard/action}
 * invoke, or a message with a {@code value} and no text: {@link CardClicks}), typed text ({@link Messages}). A person
 * joining a conversation is not an install and is ignored.
 *
 * <p>The caller is the activity's Entra tenant (refused when {@code conversation.tenantId} and
 * {@code channelData.tenant.id} disagree) bound to a council through {@link Tenancy} — the first binds itself when
 * there is one council; otherwise the refusal naming {@code ./planbot workspace bind --platform teams --team <tenant>}
 * is said in the conversation — and the person is the sender's Entra object id ({@code from.aadObjectId}), stable
 * across bots.
 *
 * <p>Called on the platform's executor. Thread-safe. Never throws: a failure is logged with the activity's type and
 * answered with {@link Failure#GENERIC}, never its text.
 */
public final class TeamsActivities {
    /** The platform name in bindings, identities, channels and inbound dedupe. */
    public static final String PLATFORM = Source.TEAMS.word();
    static final String BUSY = "planbot is busy right now: please try again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsActivities.class);

    private final PlatformServices core;
    private final TeamsConversationRepository conversations;
    private final Answers answers;
    private final Messages messages;
    private final CardClicks clicks;

    /** Conversations whose stored reference this node has read or written, by id; bounded by {@link #REMEMBERED_CONVERSATIONS}. */
    private final java.util.concurrent.ConcurrentHashMap<String, TeamsConversation> recentlyStored =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED_CONVERSATIONS = 10_000;

    public TeamsActivities(PlatformServices core, Database db, InboundEventRepository inbound,
                           TeamsConversationRepository conversations, ConnectorClient connector, ReplyCards replyCards,
                           NoticeCards noticeCards) {
        this.core = Objects.requireNonNull(core, "core");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.answers = new Answers(connector, replyCards);
        this.messages = new Messages(core, new OnceCommands(db, inbound, core), answers);
        this.clicks = new CardClicks(core, answers, noticeCards);
    }

    /** Handles one verified activity; never throws. */
    public void handle(Activity a) {
        try {
            if (!a.tenantsAgree()) {
                LOG.warn("ignored a Teams {} whose conversation and channel data name different tenants", a.type());
                return;
            }
            if (a.tenantId().isEmpty()) {
                LOG.info("ignored a Teams {} with no tenant", a.type());
                return;
            }
            boolean removed = (a.is("installationUpdate") && a.action().startsWith("remove"))
                    || (a.is("conversationUpdate") && a.botRemoved());
            learn(a, !removed);
            if (removed) {
                return;
            }
            // "add-upgrade" is an app upgrade, not a new install: stored above, not welcomed again
            boolean installed = (a.is("installationUpdate") && a.action().equals("add"))
                    || (a.is("conversationUpdate") && a.botAdded());
            boolean click = (a.is("invoke") && "adaptiveCard/action".equals(a.name()))
                    || (a.is("message") && !a.value().isMissingNode() && a.typed().isEmpty());
            // in a channel or group chat only what mentions the bot is for planbot: the rest is people talking
            boolean typed = a.is("message") && a.typed().isPresent()
                    && (a.kind() == TeamsConversation.Kind.PERSONAL || a.mentionsBot());
            if (!(installed || click || typed) || a.fromAadId().isEmpty()) {
                return;
            }
            Optional<Caller> caller = caller(a);
            if (caller.isEmpty()) {
                return;
            }
            String channel = a.channel().isEmpty() ? null : a.channel();
            CommandRequest request = new CommandRequest(caller.get().tenant().slug(), caller.get().actor(), Source.TEAMS, "",
                    new ChatContext(PLATFORM, a.tenantId(), a.fromAadId(), channel));
            if (installed) {
                welcome(a, caller.get(), request);
            } else if (click) {
                clicks.click(a, caller.get(), request);
            } else {
                messages.typed(a, request);
            }
        } catch (RuntimeException e) {
            LOG.error("Teams {} failed", a.type(), e);
            if (a.is("message") || a.is("invoke")) {
                answers.say(a, Failure.GENERIC);
            }
        }
    }

    /** Tells the sender of an activity that was not taken (the executor was full) that planbot is busy; never blocks. */
    public void busy(Activity a) {
        java.util.concurrent.CompletableFuture.runAsync(() -> answers.say(a, BUSY));
    }

    /** Stores what the activity says about its conversation, when that changed. */
    private void learn(Activity a, boolean installed) {
        Optional<TeamsConversation> ref = a.reference(installed, core.clock().instant());
        if (ref.isEmpty()) {
            return;
        }
        String id = ref.get().conversationId();
        // Most activities are messages in a conversation this node has stored already: those cost no database read.
        // An install or removal always goes to the database (another node may have stored the opposite since).
        boolean message = a.is("message") || a.is("invoke");
        TeamsConversation seen = message ? recentlyStored.get(id) : null;
        if (seen != null && ref.get().withInstalled(installed, seen.updatedAt()).equals(seen)) {
            return;
        }
        Optional<TeamsConversation> known = conversations.find(id);
        // a write for every message would serialise them all on SQLite: write only what is new
        if (known.isEmpty() || !ref.get().withInstalled(installed, known.get().updatedAt()).equals(known.get())) {
            conversations.save(ref.get());
            known = Optional.of(ref.get());
        }
        if (recentlyStored.size() >= REMEMBERED_CONVERSATIONS) {
            recentlyStored.clear(); // a crude bound: the next message of each conversation reads it again
        }
        recentlyStored.put(id, known.get());
    }

    /** The activity's sender, or empty once the refusal was said. */
    private Optional<Caller> caller(Activity a) {
        Tenancy.Result r = core.tenancy().resolve(Source.TEAMS, "", a.tenantId(), a.fromAadId(), a.fromName());
        if (r instanceof Tenancy.Refused) {
            answers.say(a, ((Tenancy.Refused) r).message());
            return Optional.empty();
        }
        return Optional.of((Caller) r);
    }

    /** The first use in the tenant gets the set-up checklist; every later install gets the help. */
    private void welcome(Activity a, Caller caller, CommandRequest request) {
        Optional<Listing> checklist = core.welcome().firstUse(caller.tenant(), Source.TEAMS, a.tenantId(), a.fromAadId());
        Reply reply = checklist.isPresent() ? checklist.get() : core.commands().handle(request.withText("help"));
        answers.reply(a, reply);
    }
}
