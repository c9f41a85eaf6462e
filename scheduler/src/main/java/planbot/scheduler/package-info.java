/**
 * The scheduler decides what must be said and when, and writes it to the outbox; it never talks to a chat
 * platform. {@code calendar} knows working days; {@code reminder} holds the policy, the pure planner and
 * the sweep that feeds it from the database and writes its decisions in one transaction.
 */
package planbot.scheduler;
