package planbot.slack.delivery;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import planbot.delivery.Recipient;
import planbot.delivery.Routing;
import planbot.delivery.Undeliverable;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChannelRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.OutboxEntry;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;

/**
 * Where a notice goes in Slack, from the tenant's linked accounts and channels:
 * <ul>
 *   <li>OWNER, LEAD: the person's linked Slack account (a DM to the user id); a person with none, or a task whose
 *       plan names nobody, goes to the tenant's PLAN channel, where the notice's heading says who it is for;</li>
 *   <li>MANAGER_CHANNEL: the MANAGER channel;</li>
 *   <li>ADMIN: the ADMIN channel, else the MANAGER channel;</li>
 *   <li>CHANNEL (a digest): the subscription's channel ({@code slack:C123} → {@code C123}); plain {@code slack}
 *       means the MANAGER channel.</li>
 * </ul>
 * Nobody reachable is {@link Undeliverable}, with the command that fixes it. Reads storage on every call (links and
 * channels change while the bot runs); thread-safe.
 */
public final class SlackRouting implements Routing {
    private final PersonRepository people;
    private final ChannelRepository channels;

    public SlackRouting(PersonRepository people, ChannelRepository channels) {
        this.people = Objects.requireNonNull(people, "people");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    @Override
    public Recipient route(Tenant tenant, OutboxEntry entry) throws Undeliverable {
        String who = entry.recipientName();
        switch (entry.recipientKind().toUpperCase(Locale.ROOT)) {
            case "MANAGER_CHANNEL":
                return channel(tenant, ChannelPurpose.MANAGER, "the manager channel")
                        .orElseThrow(() -> new Undeliverable("no Slack manager channel is set: /plan channel manager #channel"));
            case "ADMIN":
                return channel(tenant, ChannelPurpose.ADMIN, "the admin")
                        .or(() -> channel(tenant, ChannelPurpose.MANAGER, "the admin"))
                        .orElseThrow(() -> new Undeliverable("no Slack admin or manager channel is set: "
                                + "/plan channel admin #channel"));
            case "CHANNEL":
                return subscription(tenant, who);
            default:
                return person(tenant, who);
        }
    }

    private Recipient person(Tenant tenant, String name) throws Undeliverable {
        if (name != null) {
            Optional<ChatIdentity> linked = people.identity(tenant, name, SlackMessenger.PLATFORM);
            if (linked.isPresent()) {
                return new Recipient(SlackMessenger.PLATFORM, linked.get().userId(), name);
            }
        }
        Optional<Recipient> plan = channel(tenant, ChannelPurpose.PLAN, name == null ? "the plan channel" : name);
        if (plan.isPresent()) {
            return plan.get();
        }
        if (name == null) {
            throw new Undeliverable("the plan names nobody for it and no Slack plan channel is set: "
                    + "/plan channel plan #channel");
        }
        throw new Undeliverable(name + " has no Slack account linked and no plan channel is set: /plan people link \""
                + name + "\" @someone or /plan channel plan #channel");
    }

    private Recipient subscription(Tenant tenant, String channel) throws Undeliverable {
        if (channel == null || channel.equals(SlackMessenger.PLATFORM)) {
            return channel(tenant, ChannelPurpose.MANAGER, "the manager channel").orElseThrow(() -> new Undeliverable(
                    "the digest is for Slack but no Slack manager channel is set: /plan channel manager #channel"));
        }
        String prefix = SlackMessenger.PLATFORM + ":";
        if (!channel.startsWith(prefix) || channel.length() == prefix.length()) {
            throw new Undeliverable("the digest's channel '" + channel + "' is not a Slack channel");
        }
        String id = channel.substring(prefix.length());
        return new Recipient(SlackMessenger.PLATFORM, id, channel);
    }

    private Optional<Recipient> channel(Tenant tenant, ChannelPurpose purpose, String name) {
        return channels.find(tenant, SlackMessenger.PLATFORM, purpose)
                .map(address -> new Recipient(SlackMessenger.PLATFORM, address, name));
    }
}
