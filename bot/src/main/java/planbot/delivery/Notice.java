package planbot.delivery;

/**
 * Something planbot says without being asked, as neutral data: what an outbox row becomes once the
 * {@link NoticeBuilder} has read it, and what each platform's {@link Messenger} renders its own way (Block Kit,
 * a Discord embed, an Adaptive Card, {@link PlainNoticeRenderer} for the console). User text (task refs,
 * descriptions, names) is carried as typed; escaping it is each renderer's job.
 *
 * <p>Every notice names the outbox row it was built from, so that a messenger can use the row's idempotency key
 * where its platform deduplicates posts, and a console can name the message it printed.
 */
public sealed interface Notice permits ReminderNotice, ReminderGroup, DigestNotice, AdminNotice, HeldSummary {

    /** The id of the outbox row this notice was built from. */
    long outboxId();

    /** That row's idempotency key ({@code rem:…}, {@code dig:…}, {@code dead:…}, {@code held:…}). */
    String outboxKey();

    /** One short line saying what this is and for whom: "Reminder for HoP", "Weekly digest: all plans". */
    String heading();

    /** The message in plain words, one or two sentences, without markup. */
    String text();
}
