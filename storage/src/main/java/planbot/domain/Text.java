package planbot.domain;

/** Small text helpers shared by the records. */
final class Text {
    private Text() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
