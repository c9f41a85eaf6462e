package planbot.tracker.read;

import java.util.List;
import planbot.domain.Layout;
import planbot.domain.Layout.Role;

/**
 * The header row a tracker was read by: which shape it is, where the header is, and each column's role.
 *
 * @param shape   the reader to use
 * @param index   the header's index in {@link Table#rows()}; data rows follow it
 * @param columns the header cells in order (as plain text) with their roles; {@code IGNORED} for the rest
 */
record Header(Layout.Shape shape, int index, List<Layout.Column> columns) {
    Header {
        columns = List.copyOf(columns);
    }

    /** The 0-based column with this role, or -1 when the tracker has none. */
    int column(Role role) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }

    boolean has(Role role) {
        return column(role) >= 0;
    }

    /** The header text of a column, for problem reports; null for no column. */
    String name(int column) {
        return column >= 0 && column < columns.size() ? columns.get(column).header() : null;
    }

    Layout layout() {
        return new Layout(shape, columns);
    }
}
