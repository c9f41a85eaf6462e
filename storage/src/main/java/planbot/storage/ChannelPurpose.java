package planbot.storage;

/** What a tenant uses a chat channel for. */
public enum ChannelPurpose {
    /** Where reminders go, naming the owner, for owners with no linked chat account. */
    PLAN,
    /** Escalations to managers (and, by default, the digest). */
    MANAGER,
    /** Notices for the admin: messages that could not be delivered. */
    ADMIN
}
