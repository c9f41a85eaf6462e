/**
 * Outbox delivery (DESIGN §8): the bot's half of the transactional outbox. The scheduler decides what must be
 * said and writes outbox rows; here the {@link planbot.delivery.OutboxDispatcher} claims them, the
 * {@link planbot.delivery.NoticeBuilder} turns each into a neutral {@link planbot.delivery.Notice} (a reminder
 * with its wording and buttons, a digest with its chart, an admin's "could not be delivered"),
 * {@link planbot.delivery.Routing} says which platform and channel it goes to (a sweep's reminders for one channel go
 * together, as one {@link planbot.delivery.ReminderGroup}), and that platform's
 * {@link planbot.delivery.Messenger} renders and posts it, answering with a {@link planbot.delivery.SendResult}.
 * The dispatcher retries transient failures with backoff (honouring a platform's retry-after), gives up on
 * permanent ones visibly (the row is DEAD with its reason, and the tenant's admin gets one notice), keeps each
 * channel's pace, skips a reminder that no longer applies to its task as the task is now (finished, its target
 * date moved, snoozed: SKIPPED with the reason and audited, nobody told), holds a row nobody can be reached for yet
 * (HELD with the reason until a link or a channel releases it; the admin gets one summary a day, never a notice per
 * row), and stores the platform's message id, which {@link planbot.delivery.ReminderThreads} maps
 * back to the message's tasks when someone replies to a reminder. Every piece of retry state lives on the outbox row, so a
 * process killed at any moment loses nothing and repeats at most the one message it was sending.
 * {@link planbot.delivery.ConsoleMessenger} is the first messenger: the console chat shows notices as they fire.
 */
package planbot.delivery;
