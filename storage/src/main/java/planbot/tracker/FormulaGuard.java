package planbot.tracker;

/**
 * Keeps spreadsheet programs from running exported text as a formula ("CSV injection"). Excel, LibreOffice and
 * Google Sheets treat a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return
 * as a formula (or data to be evaluated), so a task description such as {@code =HYPERLINK(...)} typed in chat
 * could run on a manager's machine. Every exported CSV and XLSX cell, headers included, goes through
 * {@link #neutralise}.
 *
 * <p>The rule, and its exact inverse for the readers:
 * <ul>
 *   <li>write: when the text, after any leading apostrophes, starts with one of the six characters, one
 *       apostrophe is put in front ({@code =1+1} → {@code '=1+1}, {@code '=1} → {@code ''=1});</li>
 *   <li>read: when a cell starts with an apostrophe and the rest, after any further leading apostrophes, starts
 *       with one of the six characters, exactly one apostrophe is taken off ({@link #restore}).</li>
 * </ul>
 * Counting the apostrophes already there is what makes the pair exact: text that itself starts with
 * {@code '=} still comes back unchanged. Any other text is written and read as it is.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormulaGuard {
    private static final char QUOTE = '\'';

    private FormulaGuard() {
    }

    /** The text to write in a cell so that no spreadsheet evaluates it. */
    public static String neutralise(String text) {
        return triggersAfterQuotes(text, 0) ? QUOTE + text : text;
    }

    /**
     * The text a cell written by {@link #neutralise} stood for: the inverse the readers must apply. A cell with
     * nothing to undo comes back as the same instance, which the loaders rely on to keep such rows as they are.
     */
    public static String restore(String cell) {
        return !cell.isEmpty() && cell.charAt(0) == QUOTE && triggersAfterQuotes(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean triggersAfterQuotes(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == QUOTE) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
