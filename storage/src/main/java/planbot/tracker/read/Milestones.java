package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell that lists milestones, as Word plans write them: an optional introductory sentence, then one bullet per
 * milestone ({@code ·}, {@code •}, {@code -}, {@code a.}/{@code b.}), a line without a bullet continuing the one
 * above. And the owner cell beside it, which names one owner for all of them or one per line. Stateless.
 */
final class Milestones {
    /** A bullet that only ever marks a list item: one is enough to make a list. */
    private static final Pattern SURE_BULLET = Pattern.compile("^[\u00b7\u2022\u25aa\u25e6\u25cf\uf0b7]\\s*(.*)$");
    /** A dash or a letter also starts ordinary sentences ("- TBC", "a. k. a."): a list needs two of them. */
    private static final Pattern WEAK_BULLET = Pattern.compile("^(?:[\\-*\u2013]|\\(?[a-z][.)])\\s+(.*)$");
    private static final Pattern DITTO = Pattern.compile("(?i)ditto|as above|\"|\u201d|''|do\\.?");
    /** "b and c. September 2025", "a) June", "a-c. Ongoing": the milestones a line of a due cell is for. */
    private static final Pattern LETTERS = Pattern.compile(
            "^\\(?([a-z](?:\\s*(?:,|and|&|-|\u2013)\\s*[a-z])*)[.):]\\s+(.*)$");
    /** A line ending like this runs on into the next: "Patsy Dell and" / "Service Managers". */
    private static final Pattern RUNS_ON = Pattern.compile("(?i).*(?:\\band|&|,|/|-|\u2013)$");

    /** The sentence before the bullets (empty when none) and the milestones, bullets taken off. */
    record Items(String intro, List<String> items) {
        Items {
            items = List.copyOf(items);
        }
    }

    private Milestones() {
    }

    /** The cell as a list of milestones; null when it is not a list (then it is one task, as written). */
    static Items split(String cell) {
        List<String> lines = lines(cell);
        Pattern bullet = count(lines, SURE_BULLET) >= 1 ? SURE_BULLET : count(lines, WEAK_BULLET) >= 2 ? WEAK_BULLET : null;
        if (bullet == null) {
            return null;
        }
        List<String> intro = new ArrayList<>();
        List<StringBuilder> items = new ArrayList<>();
        for (String line : lines) {
            Matcher m = bullet.matcher(line);
            if (m.matches()) {
                items.add(new StringBuilder(m.group(1).strip()));
            } else if (items.isEmpty()) {
                intro.add(line);
            } else {
                items.get(items.size() - 1).append(' ').append(line);
            }
        }
        return new Items(String.join("\n", intro), items.stream().map(StringBuilder::toString)
                .filter(s -> !s.isEmpty()).toList());
    }

    /**
     * One owner per milestone: the cell's lines matched to the milestones in order when there are as many of them
     * (a line ending in "and" or a comma runs on into the next), else the whole cell for each.
     */
    static List<String> owners(String cell, int count) {
        List<String> owners = new ArrayList<>();
        for (String line : lines(cell)) {
            Matcher m = SURE_BULLET.matcher(line);
            String text = m.matches() ? m.group(1).strip() : line;
            if (!owners.isEmpty() && RUNS_ON.matcher(owners.get(owners.size() - 1)).matches()) {
                owners.set(owners.size() - 1, owners.get(owners.size() - 1) + " " + text);
            } else {
                owners.add(text);
            }
        }
        if (owners.size() == count) {
            return owners;
        }
        return Collections.nCopies(count, String.join("; ", owners));
    }

    /**
     * One target cell's text per milestone: by the letters its lines name ("a. June 2025" / "b and c. September
     * 2025"), else line by line when there are as many lines, else the whole cell for each when it is one line;
     * null when its lines cannot be matched to the milestones.
     */
    static List<String> dueTexts(String cell, int count) {
        List<String> lines = lines(cell);
        if (lines.size() <= 1) {
            return Collections.nCopies(count, lines.isEmpty() ? "" : lines.get(0));
        }
        List<String> dues = new ArrayList<>(Collections.nCopies(count, ""));
        boolean lettered = true;
        for (String line : lines) {
            Matcher m = LETTERS.matcher(line);
            if (!m.matches()) {
                lettered = false;
                break;
            }
            for (int item : letters(m.group(1))) {
                if (item >= count) {
                    return null;
                }
                dues.set(item, m.group(2).strip());
            }
        }
        if (lettered) {
            return dues;
        }
        return lines.size() == count ? lines : null;
    }

    /** The 0-based items "b and c", "a, b", "a-c" name. */
    private static List<Integer> letters(String names) {
        List<Integer> items = new ArrayList<>();
        Matcher m = Pattern.compile("\\b([a-z])\\b(?:\\s*[-\u2013]\\s*([a-z])\\b)?").matcher(names);
        while (m.find()) {
            int from = m.group(1).charAt(0) - 'a';
            int to = m.group(2) == null ? from : m.group(2).charAt(0) - 'a';
            for (int i = from; i <= to; i++) {
                items.add(i);
            }
        }
        return items;
    }

    /** True for an owner cell that means "the owner above". */
    static boolean isDitto(String owner) {
        return DITTO.matcher(owner.strip()).matches();
    }

    private static List<String> lines(String cell) {
        List<String> lines = new ArrayList<>();
        for (String line : cell.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static int count(List<String> lines, Pattern bullet) {
        int n = 0;
        for (String line : lines) {
            if (bullet.matcher(line).matches()) {
                n++;
            }
        }
        return n;
    }
}
