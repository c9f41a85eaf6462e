package planbot.tracker.read;

/**
 * The file as a whole cannot be read as a tracker: missing, empty, too large, not text or a spreadsheet,
 * no header row. The message is one sentence meant for the person who gave the file.
 */
public class TrackerFormatException extends Exception {
    public TrackerFormatException(String message) {
        super(message);
    }

    public TrackerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
