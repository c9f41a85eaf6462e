package planbot.tracker;

/** Whether an import writes what it finds or only reports it. */
public enum ImportMode {
    /** Merge the plan into the database. */
    APPLY,
    /** Compute exactly the report an APPLY would give, then roll back: nothing is written. */
    DRY_RUN
}
