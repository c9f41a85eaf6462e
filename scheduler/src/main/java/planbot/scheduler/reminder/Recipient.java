package planbot.scheduler.reminder;

/** Who a reminder is for: the task's owner, its action's lead, or the tenant's manager channel. */
public enum Recipient { OWNER, LEAD, MANAGER_CHANNEL }
