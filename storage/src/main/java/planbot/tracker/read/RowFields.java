package planbot.tracker.read;

import java.util.ArrayList;
import java.util.List;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.tracker.CouncilLayout;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.Timescales;
import planbot.tracker.read.PlanDraft.ActionDraft;

/**
 * One data row read by field rather than by column: the cell rules every reader shares, so that each reads
 * statuses, dates, timescales, notes and planbot's trailing columns ({@link CouncilLayout}) the same way,
 * whichever column holds them. Problems go to the reader's log. Not thread-safe: one per row.
 */
final class RowFields {
    /** What a row says about a task besides its description and ref. */
    private static final List<Field> TASK_DATA = List.of(Field.STATUS, Field.TERM, Field.START, Field.TARGET,
            Field.TIMESCALE, Field.OWNER, Field.NOTES);

    /** A task's dates and the timescale text worth keeping (null when the dates say it all). */
    record Dates(PlanDate start, PlanDate target, String timescale) {
    }

    private final Header header;
    private final ReadLog log;
    private final Table.Row row;

    RowFields(Header header, ReadLog log, Table.Row row) {
        this.header = header;
        this.log = log;
        this.row = row;
    }

    /** The cell holding a field, as plain text; "" when the tracker has no such column. */
    String text(Field field) {
        return row.text(header.column(field));
    }

    /** The cell holding a field as written, markup and all. */
    String raw(Field field) {
        return row.cell(header.column(field));
    }

    /** The header of the column holding a field, for problem reports; null when there is none. */
    String name(Field field) {
        return header.name(header.column(field));
    }

    /** A status cell (STATUS or ACTION_STATUS); an unknown word is kept and reported. */
    Status status(Field field) {
        return log.status(row.number(), name(field), text(field));
    }

    /** True when the row has something to say about a task besides its description and ref. */
    boolean hasTaskData() {
        for (Field field : TASK_DATA) {
            if (!text(field).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The task's start and target: from the START and TARGET cells, else from the TIMESCALE cell. The
     * timescale's own text is kept only when it is not what {@link Timescales#format} makes of those dates.
     */
    Dates dates() {
        return dates(text(Field.TARGET));
    }

    /** As {@link #dates()}, with this text in place of the TARGET cell: one milestone's part of it. */
    Dates dates(String targetText) {
        PlanDate start = log.date(row.number(), name(Field.START), text(Field.START), true);
        PlanDate target = log.date(row.number(), name(Field.TARGET), targetText, false);
        String cell = text(Field.TIMESCALE);
        if (cell.isEmpty()) {
            return new Dates(start, target, null);
        }
        Timescales.Reading span = Timescales.read(cell);
        start = start != null ? start : span.start();
        target = target != null ? target : span.target();
        if (cell.equals(Timescales.format(start, target))) {
            return new Dates(start, target, null);
        }
        if (span.problem() != null) {
            log.problem(row.number(), name(Field.TIMESCALE), cell, span.problem());
        }
        return new Dates(start, target, cell);
    }

    /** The task's notes: the NOTES cell, then the remarks found inline in its description; null if none. */
    String notes(List<String> inline) {
        List<String> notes = new ArrayList<>();
        String cell = text(Field.NOTES);
        if (!cell.isEmpty()) {
            notes.add(cell);
        }
        notes.addAll(inline);
        return notes.isEmpty() ? null : String.join("\n", notes);
    }

    /** What the row says about its action: the first status and lead win; notes add up. */
    void addActionCells(ActionDraft action) {
        Status status = status(Field.ACTION_STATUS);
        if (action.status == null) {
            action.status = status;
        }
        String lead = text(Field.ACTION_LEAD);
        if (action.lead == null && !lead.isEmpty()) {
            action.lead = lead;
        }
        String notes = text(Field.ACTION_NOTES);
        if (!notes.isEmpty()) {
            action.notes.add(notes);
        }
    }
}
