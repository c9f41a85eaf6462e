package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.tracker.DateCells;
import planbot.tracker.Problem;

/**
 * What a reader could not read (problems) and what it repaired (notices), collected while it reads, plus the
 * two cell readers every shape shares so that they report the same way. Not thread-safe: one per read.
 */
final class ReadLog {
    private record Notice(int row, String text) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();

    void problem(int row, String column, String cell, String message) {
        problems.add(new Problem(row, column, cell, message));
    }

    void notice(int row, String message) {
        notices.add(new Notice(row, message));
    }

    /** The status a word names; an unknown word is kept as written and reported. Blank → null. */
    Status status(int row, String column, String word) {
        Status status = Status.of(word);
        if (status != null && status.kind() == StatusKind.UNKNOWN) {
            problem(row, column, word, "'" + status.word() + "' is not a status planbot knows; it is kept as written");
        }
        return status;
    }

    /** A start or target date cell; an unreadable or impossible date is reported and left empty. */
    PlanDate date(int row, String column, String cell, boolean start) {
        DateCells.Reading reading = DateCells.read(cell, start);
        if (reading.problem() != null) {
            problem(row, column, cell, reading.problem());
        }
        return reading.date();
    }

    ReadResult result(Plan plan) {
        // Notices found after the pass (typos) belong with their rows; a stable sort keeps same-row order.
        List<String> texts = notices.stream()
                .sorted(Comparator.comparingInt(Notice::row))
                .map(n -> "row " + n.row() + ": " + n.text())
                .toList();
        List<Problem> sorted = problems.stream().sorted(Comparator.comparingInt(Problem::row)).toList();
        return new ReadResult(plan, sorted, texts);
    }
}
