package planbot.assess.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.assess.read.TemplateRead.Skipped;

/**
 * Reads a toolkit section in the layout of the PAS Development Management Challenge Toolkit, as Word flattens it to
 * text: the section title, an introduction, then per part a table whose header cells are "A poor … (score 1)",
 * "An excellent … (score 5)" and "Top tips", whose next cells hold the two statements and the numbered tips, and a
 * cell "EVALUATION QUESTIONS" with one question a line. A cell begins with a tab; lines after it without one continue
 * it. The text is read as paragraphs, so tabs anywhere, blank lines, Windows line ends and Word's
 * {@code [bookmark: …]} markers do not matter; headings match whatever their case, curly quotes or trailing colon.
 *
 * <p>A part's title, when it has one, is the short line just before its "A poor" heading (a paragraph or a cell of
 * its own); without one the part is "Part N". Tips are numbered {@code 1.} or {@code 1)}; a bulleted or unnumbered
 * tip takes the number after the previous one. Everything after "SUMMARY OF ACTIONS" and anything a part has no place
 * for is skipped and reported by line. Stateless and thread-safe.
 */
final class WordTextParser {
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3})\\s*[.)]\\s*(\\S.*)");
    private static final Pattern BULLET = Pattern.compile("[\\u00b7\\u2022\\u25aa\\u25cf*\\-\\u2013]\\s*(\\S.*)");
    private static final Pattern POOR = Pattern.compile("(an? )?poor\\b[^.?!]{0,110}");
    private static final Pattern EXCELLENT = Pattern.compile("(an? )?excellent\\b[^.?!]{0,110}");
    private static final int TITLE_MAX = 100;

    private enum Slot { POOR, EXCELLENT, TIPS }

    private record Para(int line, String text, boolean cellStart) {
    }

    /** A part while it is read. */
    private static final class Draft {
        final int number;
        final String title;
        final List<Slot> headings = new ArrayList<>(List.of(Slot.POOR));
        final List<String> poor = new ArrayList<>();
        final List<String> excellent = new ArrayList<>();
        final List<Tip> tips = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        int cell = -1;
        Slot current;
        boolean inQuestions;

        Draft(int number, String title) {
            this.number = number;
            this.title = title;
        }

        Part part() {
            return new Part(number, title, String.join("\n", poor), String.join("\n", excellent), tips, questions);
        }
    }

    private WordTextParser() {
    }

    /**
     * @param text         the whole file as text
     * @param fallbackName the template's name when the text has no title line before its first part
     */
    static TemplateRead parse(String text, String fallbackName, String source, String form) throws TemplateFormatException {
        List<Skipped> skipped = new ArrayList<>();
        List<Draft> parts = new ArrayList<>();
        String name = null;
        Draft part = null;
        Para previous = null;
        boolean previousIsIntroOrQuestion = false;
        boolean ended = false;
        int lastTip = 0;
        for (Para p : paragraphs(text)) {
            String key = key(p.text());
            if (POOR.matcher(key).matches()) {
                String title = null;
                if (previousIsIntroOrQuestion && titleLike(previous.text())) {
                    title = previous.text().replaceFirst(":$", "").strip();
                    if (part != null) {
                        part.questions.remove(part.questions.size() - 1);
                    }
                }
                part = new Draft(parts.size() + 1, title);
                parts.add(part);
                ended = false;
                previous = null;
                previousIsIntroOrQuestion = false;
                continue;
            }
            if (part == null) {
                if (name == null) {
                    name = p.text();
                }
                previous = p;
                previousIsIntroOrQuestion = true;
                continue;
            }
            previous = p;
            previousIsIntroOrQuestion = false;
            if (ended) {
                skipped.add(skip(p, "after the summary of actions"));
            } else if (key.startsWith("summary of actions")) {
                ended = true;
                skipped.add(skip(p, "the summary of actions, which a session fills in"));
            } else if (part.cell < 0 && EXCELLENT.matcher(key).matches()) {
                part.headings.add(Slot.EXCELLENT);
            } else if (!part.inQuestions && (key.equals("top tips") || key.equals("tips"))) {
                if (!part.headings.contains(Slot.TIPS)) {
                    part.headings.add(Slot.TIPS);
                }
            } else if (key.equals("evaluation questions")) {
                part.inQuestions = true;
            } else if (part.inQuestions) {
                part.questions.add(p.text());
                previousIsIntroOrQuestion = true;
            } else {
                lastTip = content(part, p, lastTip, skipped);
            }
        }
        if (parts.isEmpty()) {
            throw new TemplateFormatException("it has no parts: a part begins with a heading such as "
                    + "'A poor Development Management Service (score 1)'");
        }
        String templateName = name == null || name.isBlank() ? fallbackName : name;
        return new TemplateRead(new Template(templateName, source, parts.stream().map(Draft::part).toList()), form,
                skipped);
    }

    /** Puts a paragraph of a part's statements or tips where it belongs; returns the last tip number so far. */
    private static int content(Draft part, Para p, int lastTip, List<Skipped> skipped) {
        Matcher numbered = NUMBERED.matcher(p.text());
        Matcher bullet = BULLET.matcher(p.text());
        if (numbered.matches()) {
            part.current = Slot.TIPS;
            part.cell = Math.max(part.cell, part.headings.indexOf(Slot.TIPS));
            return tip(part, p, Integer.parseInt(numbered.group(1)), numbered.group(2), lastTip, skipped);
        }
        if (p.cellStart()) {
            part.cell++;
            part.current = part.cell < part.headings.size() ? part.headings.get(part.cell) : null;
        }
        if (part.current == null) {
            skipped.add(skip(p, "part " + part.number + " has no column for it"));
            return lastTip;
        }
        switch (part.current) {
            case POOR:
                part.poor.add(p.text());
                return lastTip;
            case EXCELLENT:
                part.excellent.add(p.text());
                return lastTip;
            default:
                if (bullet.matches() || p.cellStart() || part.tips.isEmpty()) {
                    return tip(part, p, lastTip + 1, bullet.matches() ? bullet.group(1) : p.text(), lastTip, skipped);
                }
                // a tip that runs on into a second paragraph
                Tip last = part.tips.remove(part.tips.size() - 1);
                part.tips.add(new Tip(last.number(), last.text() + " " + p.text()));
                return lastTip;
        }
    }

    private static int tip(Draft part, Para p, int number, String text, int lastTip, List<Skipped> skipped) {
        if (part.tips.stream().anyMatch(t -> t.number() == number)) {
            skipped.add(skip(p, "part " + part.number + " already has a tip " + number));
            return lastTip;
        }
        part.tips.add(new Tip(number, text));
        return number;
    }

    /**
     * The text as paragraphs: each tab begins a cell, each line a paragraph; blank ones are dropped, and an empty
     * cell makes the next paragraph begin a cell.
     */
    private static List<Para> paragraphs(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Para> paras = new ArrayList<>();
        boolean cellPending = false;
        for (int i = 0; i < lines.length; i++) {
            String[] segments = BOOKMARK.matcher(lines[i]).replaceAll("").split("\t", -1);
            for (int s = 0; s < segments.length; s++) {
                String segment = segments[s].strip();
                boolean cellStart = s > 0 || cellPending;
                if (segment.isEmpty()) {
                    cellPending = cellStart;
                } else {
                    paras.add(new Para(i + 1, segment, cellStart));
                    cellPending = false;
                }
            }
        }
        return paras;
    }

    /** A heading as compared: lower case, without quotes, single spaces, no trailing colon. */
    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\"'\\u2018\\u2019\\u201c\\u201d]", "")
                .replaceAll("\\s+", " ").strip().replaceFirst(":$", "").strip();
    }

    /** A short line that is not a sentence or a question: a part's title. */
    private static boolean titleLike(String text) {
        return text.length() <= TITLE_MAX && !text.endsWith(".") && !text.endsWith("?") && !text.endsWith("!");
    }

    private static Skipped skip(Para p, String why) {
        return new Skipped("line " + p.line(), p.text(), why);
    }
}
