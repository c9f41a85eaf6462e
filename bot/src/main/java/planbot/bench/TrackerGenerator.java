package planbot.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import planbot.domain.UkDates;

/**
 * Writes a review-tracker TSV of any size, in the same layout as the bundled sample: section rows, actions
 * of ten tasks with a REF label on the first row, statuses, terms and UK dates spread over two years.
 */
public final class TrackerGenerator {
    static final String HEADER = "REF.\tMAIN ACTION RAG STATUS\tRED QUADRANT RECOMMENDATION\tKEY TASKS FOR DELIVERY\t"
            + "INTERNAL REF\tPROGRESS RAG STATUS\tREVISED SHORT / MEDIUM / LONG TERM\tREVISED START DATE\t"
            + "REVISED PLANNED TARGET END DATE";
    private static final String[] STATUSES = {"On target", "In progress", "Completed", "At risk", "Delayed", "Not started"};
    private static final int TASKS_PER_ACTION = 10;
    private static final int ACTIONS_PER_SECTION = 50;

    private TrackerGenerator() {
    }

    public static void writeReviewTracker(Path file, int tasks) throws IOException {
        LocalDate base = LocalDate.of(2024, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            int action = 0;
            for (int t = 0; t < tasks; t++) {
                int inAction = t % TASKS_PER_ACTION;
                if (inAction == 0) {
                    action++;
                    if ((action - 1) % ACTIONS_PER_SECTION == 0) {
                        w.write("<b>SECTION " + ((action - 1) / ACTIONS_PER_SECTION + 1) + "</b>\t\t\t\t\t\t\t\t\n");
                    }
                }
                String key = String.format("GEN%06d", action);
                String status = STATUSES[t % STATUSES.length];
                LocalDate start = base.plusDays((t * 7L) % 730);
                boolean dated = t % 5 != 4;
                String target = dated ? UkDates.format(start.plusDays(30 + t % 90)) : (t % 10 == 4 ? "TBC" : "N/A");
                if (inAction == 0) {
                    w.write("GENERATED " + String.format("%06d", action) + "\t" + status + "\tRecommendation " + action
                            + " for the generated plan, long enough to look like a real one.\t");
                } else {
                    w.write("\t\t\t");
                }
                w.write("Task " + (inAction + 1) + " of action " + action + ": agree, draft, consult and publish.\t");
                w.write(key + "/" + String.format("%02d", inAction + 1) + "\t" + status + "\t");
                w.write((dated ? "Medium" : "TBC") + "\t" + (dated ? UkDates.format(start) : target) + "\t" + target + "\n");
            }
        }
    }
}
