package planbot.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChannelRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.OutboxEntry;
import planbot.storage.PersonReach;
import planbot.storage.PersonRepository;
import planbot.storage.RecipientKind;
import planbot.storage.Tenant;

/**
 * Where a notice goes, for every chat platform at once, from the tenant's linked accounts and channels:
 * <ul>
 *   <li>{@link RecipientKind#OWNER OWNER}, {@link RecipientKind#LEAD LEAD}: an owner that is a team or a role linked to a
 *       channel on a running platform goes to that channel, named; anyone else gets a DM to their linked account on a
 *       running platform — the platform they chose ({@code /plan me reminders slack}), else the one they last used
 *       planbot on, else the first running platform they are linked on. A person with no account there, or a task
 *       whose plan names nobody, goes to the PLAN channel of the first platform that has one, where the notice's
 *       heading says who it is for;</li>
 *   <li>{@link RecipientKind#MANAGER_CHANNEL MANAGER_CHANNEL}: the MANAGER channel of the first platform with one;</li>
 *   <li>{@link RecipientKind#ADMIN ADMIN}: an ADMIN channel, else a MANAGER channel; one naming an admin, a DM to them;</li>
 *   <li>{@link RecipientKind#CHANNEL CHANNEL} (a digest): the subscription's channel ({@code slack:C123} → {@code C123}
 *       on Slack); a bare platform name means that platform's MANAGER channel.</li>
 * </ul>
 * The platforms are tried in the order given. The console, when it runs, stands in for everyone: whatever no other
 * platform can reach is printed there, each person and channel a channel of its own (for pacing). Nobody reachable
 * <i>yet</i> (no account linked and no plan channel, no manager channel set) is {@link NotReachableYet}, with the
 * command that fixes it, and the row waits; only what can never be routed is {@link Undeliverable}.
 *
 * <p>Reads storage on every call (links and channels change while planbot runs); thread-safe.
 */
public final class ChatRouting implements Routing {
    /** The console's platform name: it reaches everyone. */
    public static final String CONSOLE = ConsoleMessenger.PLATFORM;

    private final PersonRepository people;
    private final ChannelRepository channels;
    private final List<String> platforms;
    private final boolean console;

    /** @param platforms the running platforms' names, in the order to try them ("slack", "console") */
    public ChatRouting(PersonRepository people, ChannelRepository channels, List<String> platforms) {
        this.people = Objects.requireNonNull(people, "people");
        this.channels = Objects.requireNonNull(channels, "channels");
        List<String> chat = new ArrayList<>(Objects.requireNonNull(platforms, "platforms"));
        this.console = chat.remove(CONSOLE);
        this.platforms = List.copyOf(chat);
        if (this.platforms.isEmpty() && !console) {
            throw new IllegalArgumentException("routing needs at least one platform");
        }
    }

    @Override
    public Recipient route(Tenant tenant, OutboxEntry entry) throws Undeliverable {
        String who = entry.recipientName();
        RecipientKind kind;
        try {
            kind = RecipientKind.of(entry.recipientKind());
        } catch (IllegalArgumentException e) {
            throw new Undeliverable("it is for '" + entry.recipientKind() + "', which this planbot does not know");
        }
        switch (kind) {
            case MANAGER_CHANNEL:
                return channel(tenant, ChannelPurpose.MANAGER, "the manager channel")
                        .or(() -> console("managers", "the manager channel"))
                        .orElseThrow(() -> new NotReachableYet("no manager channel is set: /plan channel manager #channel"));
            case ADMIN:
                if (who != null) {
                    // one admin by DM, where the tenant has no admin channel (see admins)
                    Optional<ChatIdentity> dm = direct(people.reach(tenant, who));
                    if (dm.isPresent()) {
                        return new Recipient(dm.get().platform(), dm.get().userId(), who);
                    }
                    throw new Undeliverable("the admin " + who + " has no chat account linked");
                }
                return channel(tenant, ChannelPurpose.ADMIN, "the admin")
                        .or(() -> channel(tenant, ChannelPurpose.MANAGER, "the admin"))
                        .or(() -> console("admin", "the admin"))
                        .orElseThrow(() -> new Undeliverable("no admin or manager channel is set: /plan channel admin #channel"));
            case CHANNEL:
                return subscription(tenant, who);
            default:
                return person(tenant, who, kind);
        }
    }

    private Recipient person(Tenant tenant, String name, RecipientKind kind) throws Undeliverable {
        if (name != null) {
            PersonReach reach = people.reach(tenant, name);
            // a team or a role linked to a channel (people link "HoP" #planning) is reached there, named
            if (reach.channel() != null && platforms.contains(reach.channel().platform())) {
                return new Recipient(reach.channel().platform(), reach.channel().address(), name);
            }
            Optional<ChatIdentity> dm = direct(reach);
            if (dm.isPresent()) {
                return new Recipient(dm.get().platform(), dm.get().userId(), name);
            }
        }
        Optional<Recipient> plan = channel(tenant, ChannelPurpose.PLAN, name == null ? "the plan channel" : name);
        if (plan.isPresent()) {
            return plan.get();
        }
        String word = kind.name().toLowerCase(java.util.Locale.ROOT);
        Optional<Recipient> printed = name == null ? console(word, "the " + word) : console("person:" + name, name);
        if (printed.isPresent()) {
            return printed.get();
        }
        if (name == null) {
            throw new NotReachableYet("the plan names nobody for it and no plan channel is set: /plan channel plan #channel");
        }
        throw new NotReachableYet(name + " has no chat account linked and no plan channel is set: /plan people link \""
                + name + "\" @someone or /plan channel plan #channel");
    }

    @Override
    public List<String> admins(Tenant tenant) {
        List<String> names = new ArrayList<>();
        people.list(tenant).forEach(p -> {
            if (p.role() == planbot.domain.Role.ADMIN) {
                names.add(p.name());
            }
        });
        return names;
    }

    /** The account to DM: on the chosen platform, else the last used, else the first running one they are linked on. */
    private Optional<ChatIdentity> direct(PersonReach reach) {
        List<String> order = new ArrayList<>();
        if (reach.chosen() != null) {
            order.add(reach.chosen());
        }
        if (reach.lastUsed() != null) {
            order.add(reach.lastUsed());
        }
        order.addAll(platforms);
        for (String platform : order) {
            if (!platforms.contains(platform)) {
                continue;
            }
            for (ChatIdentity id : reach.identities()) {
                if (id.platform().equals(platform)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    private Recipient subscription(Tenant tenant, String channel) throws Undeliverable {
        if (channel == null || channel.isBlank()) {
            return channel(tenant, ChannelPurpose.MANAGER, "the manager channel")
                    .or(() -> console("channel", "the channel"))
                    .orElseThrow(() -> new NotReachableYet("the digest names no channel and no manager channel is set: "
                            + "/plan channel manager #channel"));
        }
        int colon = channel.indexOf(':');
        String platform = colon < 0 ? channel : channel.substring(0, colon);
        String address = colon < 0 ? "" : channel.substring(colon + 1);
        if (!platforms.contains(platform)) {
            return console("channel:" + channel, channel).orElseThrow(() -> new Undeliverable(
                    "the digest is for " + channel + ", but planbot is not running on " + platform));
        }
        if (address.isEmpty()) {
            return channels.find(tenant, platform, ChannelPurpose.MANAGER)
                    .map(a -> new Recipient(platform, a, "the manager channel"))
                    .orElseThrow(() -> new NotReachableYet("the digest is for " + platform + " but no " + platform
                            + " manager channel is set: /plan channel manager #channel"));
        }
        return new Recipient(platform, address, channel);
    }

    private Optional<Recipient> channel(Tenant tenant, ChannelPurpose purpose, String name) {
        for (String platform : platforms) {
            Optional<String> address = channels.find(tenant, platform, purpose);
            if (address.isPresent()) {
                return Optional.of(new Recipient(platform, address.get(), name));
            }
        }
        return Optional.empty();
    }

    private Optional<Recipient> console(String address, String name) {
        return console ? Optional.of(new Recipient(CONSOLE, address, name)) : Optional.empty();
    }
}
