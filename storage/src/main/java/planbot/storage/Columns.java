package planbot.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.statement.SqlStatement;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.StatusKind;

/**
 * How the composite values are spread over columns: a {@link Status} over {@code <prefix>_word} and
 * {@code <prefix>_kind}; a {@link PlanDate} over {@code <prefix>_kind/_date/_precision/_remark/_text}, all
 * null for a missing date. Dates are ISO text, enums their names.
 */
final class Columns {
    private Columns() {
    }

    /** A date's five column values; all null for a missing date. */
    static String[] date(PlanDate d) {
        if (d == null) {
            return new String[5];
        }
        return new String[] {d.kind().name(), d.date() == null ? null : d.date().toString(), d.precision().name(),
                d.remark(), d.text()};
    }

    /** A status's word and kind; both null for no status. */
    static String[] status(Status s) {
        return s == null ? new String[2] : new String[] {s.word(), s.kind().name()};
    }

    /** Sets text parameters from 1-based position {@code from}; returns the next position. */
    static int set(PreparedStatement ps, int from, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(from + i, values[i]);
        }
        return from + values.length;
    }

    /** Binds text parameters on a Jdbi statement from 0-based position {@code from}; returns the next position. */
    static int bind(SqlStatement<?> statement, int from, String... values) {
        for (int i = 0; i < values.length; i++) {
            statement.bind(from + i, values[i]);
        }
        return from + values.length;
    }

    static PlanDate date(ResultSet rs, String prefix) throws SQLException {
        String kind = rs.getString(prefix + "_kind");
        if (kind == null) {
            return null;
        }
        String date = rs.getString(prefix + "_date");
        return new PlanDate(PlanDate.Kind.valueOf(kind), date == null ? null : LocalDate.parse(date),
                PlanDate.Precision.valueOf(rs.getString(prefix + "_precision")),
                rs.getString(prefix + "_remark"), rs.getString(prefix + "_text"));
    }

    static Status status(ResultSet rs, String prefix) throws SQLException {
        String word = rs.getString(prefix + "_word");
        return word == null ? null : new Status(word, StatusKind.valueOf(rs.getString(prefix + "_kind")));
    }
}
