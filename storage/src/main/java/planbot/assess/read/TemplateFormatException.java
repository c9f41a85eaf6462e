package planbot.assess.read;

/**
 * The file as a whole cannot be read as a template: missing, empty, too large, damaged, not text, DOCX, YAML or
 * JSON, or without a single part. The message is one sentence meant for the person who gave the file.
 */
public class TemplateFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TemplateFormatException(String message) {
        super(message);
    }

    public TemplateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
