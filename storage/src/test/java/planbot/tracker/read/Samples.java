package planbot.tracker.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real trackers in the repository's samples folder, wherever the tests run from. */
final class Samples {
    static final String REVIEW = "planning-review-action-plan.tsv";
    static final String ACTIVITY = "phase2-activity-plan.tsv";

    private Samples() {
    }

    static Path path(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + name + " not found above " + Path.of("").toAbsolutePath());
    }

    static ReadResult read(String name) throws TrackerFormatException {
        return TrackerReader.read(path(name), ReadOptions.named(name));
    }
}
