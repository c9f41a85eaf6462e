package planbot.tracker.read;

import java.util.List;
import planbot.domain.Layout;
import planbot.tracker.CouncilLayout;
import planbot.tracker.CouncilLayout.Field;

/**
 * The header row a tracker was read by: which shape it is, where the header is, the council's columns with their
 * roles, and planbot's trailing columns after them (see {@link CouncilLayout}).
 *
 * @param shape    the reader to use
 * @param index    the header's index in {@link Table#rows()}; data rows follow it
 * @param columns  the council's header cells in order (as plain text) with their roles, {@code IGNORED} for the
 *                 rest: the plan's layout
 * @param trailing planbot's trailing columns, which follow {@code columns}; not part of the layout
 */
record Header(Layout.Shape shape, int index, List<Layout.Column> columns, List<CouncilLayout.Trailing> trailing) {
    Header {
        columns = List.copyOf(columns);
        trailing = List.copyOf(trailing);
    }

    /**
     * The 0-based column that holds a field: the council's column whose role holds it, else planbot's trailing
     * column for it; -1 when the tracker has neither.
     */
    int column(Field field) {
        for (int i = 0; i < columns.size(); i++) {
            if (CouncilLayout.field(shape, columns.get(i).role()) == field) {
                return i;
            }
        }
        for (int i = 0; i < trailing.size(); i++) {
            if (trailing.get(i).field() == field) {
                return columns.size() + i;
            }
        }
        return -1;
    }

    boolean has(Field field) {
        return column(field) >= 0;
    }

    /** The header text of a column, for problem reports; null for no column. */
    String name(int column) {
        if (column < 0) {
            return null;
        }
        if (column < columns.size()) {
            return columns.get(column).header();
        }
        return column - columns.size() < trailing.size() ? trailing.get(column - columns.size()).header() : null;
    }

    /** The council's layout, without planbot's trailing columns. */
    Layout layout() {
        return new Layout(shape, columns);
    }
}
