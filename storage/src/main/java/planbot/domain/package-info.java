/**
 * The plan as a council keeps it: sections, actions, tasks, status words, target dates, people,
 * roles and the audit trail. Plain records that validate themselves; no I/O, no framework.
 *
 * <p>{@link planbot.domain.Plan} is the whole plan by natural keys (action key {@code EN003}, task ref
 * {@code EN003/01}); import produces one, export consumes one, and a round trip compares two with
 * {@code equals}.
 */
package planbot.domain;
