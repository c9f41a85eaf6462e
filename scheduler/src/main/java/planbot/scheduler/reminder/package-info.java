/**
 * Reminders (DESIGN §7, §8): {@link planbot.scheduler.reminder.ReminderPolicy} (a tenant's settings, as a
 * validated record with a text form an admin command can edit), {@link planbot.scheduler.reminder.ReminderKind},
 * the pure {@link planbot.scheduler.reminder.ReminderPlanner} (tasks + policy + calendar + decided keys + now →
 * reminders due), and {@link planbot.scheduler.reminder.ReminderSweep}, which feeds the planner from the database
 * and writes its decisions to the outbox in one transaction. Delivery (claiming and sending outbox rows) is the
 * bot's.
 */
package planbot.scheduler.reminder;
