package planbot.people;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How people's names are compared when linking in bulk. Two names are the same person only when their {@link #key}s are
 * equal: the same words, whatever the case, spacing or Unicode form. Anything looser is a {@link #nearMiss}, reported to
 * the admin with the reason and never linked. Stateless; thread-safe.
 */
public final class Names {
    private Names() {
    }

    /** The name with Unicode compatibility forms folded, case folded and runs of spaces made one: "sue whiteside". */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * Why {@code written} may be the same person as {@code known} although their keys differ, or empty when nothing
     * suggests it: the same letters with other punctuation ("Sam-Jones"), initials ("S. Jones" for "Sam Jones"), an
     * abbreviation ("HoP" for "Head of Planning (HoP)" or "Head of Planning"), or a slip of one or two letters.
     */
    public static Optional<String> nearMiss(String written, String known) {
        String a = key(written);
        String b = key(known);
        if (a.equals(b) || a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (String.join("", wa).equals(String.join("", wb))) {
            return Optional.of("punctuation differs");
        }
        if (initialsMatch(wa, wb) || initialsMatch(wb, wa)) {
            return Optional.of("initials");
        }
        if (abbreviates(a, b) || abbreviates(b, a)) {
            return Optional.of("abbreviation");
        }
        if (Math.min(a.length(), b.length()) >= 5 && distance(a, b) <= 2) {
            return Optional.of("spelling");
        }
        return Optional.empty();
    }

    /** The name's words, letters and digits only. */
    private static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        for (String w : key.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** "s jones" against "sam jones": same count of words, the same last word, each other word equal or its initial. */
    private static boolean initialsMatch(List<String> shortForm, List<String> full) {
        if (shortForm.size() != full.size() || shortForm.size() < 2
                || !shortForm.get(shortForm.size() - 1).equals(full.get(full.size() - 1))) {
            return false;
        }
        boolean initial = false;
        for (int i = 0; i < shortForm.size() - 1; i++) {
            String s = shortForm.get(i);
            String f = full.get(i);
            if (s.length() == 1 && f.length() > 1 && f.charAt(0) == s.charAt(0)) {
                initial = true;
            } else if (!s.equals(f)) {
                return false;
            }
        }
        return initial;
    }

    /** "hop" against "head of planning (hop)" (the part in brackets) or "head of planning" (the initials). */
    private static boolean abbreviates(String shortKey, String longKey) {
        int open = longKey.indexOf('(');
        int close = longKey.indexOf(')', open + 1);
        if (open >= 0 && close > open && key(longKey.substring(open + 1, close)).equals(shortKey)) {
            return true;
        }
        List<String> words = words(longKey);
        if (words.size() < 2 || shortKey.contains(" ")) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        words.forEach(w -> initials.append(w.charAt(0)));
        return initials.toString().equals(shortKey);
    }

    /** Levenshtein distance, for names of tens of characters. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
