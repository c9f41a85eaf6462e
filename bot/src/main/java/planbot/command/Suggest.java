package planbot.command;

import java.util.ArrayList;

/**
 * "Did you mean …" by edit distance (optimal string alignment: insertions, deletions, substitutions and
 * swaps of neighbours, so {@code stauts} is one edit from {@code status}). Only close matches are offered:
 * one edit for words of up to four letters, two for longer ones; a typed prefix of three letters or more
 * ({@code hist}) also counts. Words longer than {@value #MAX_LENGTH} are never compared, which keeps the
 * work small on hostile input.
 */
final class Suggest {
    static final int MAX_LENGTH = 32;

    private Suggest() {
    }

    /** The candidates closest to {@code typed}, best first, at most {@code limit}; empty when none is close. */
    static java.util.List<String> closest(String typed, java.util.List<String> candidates, int limit) {
        java.util.List<String> best = new ArrayList<>();
        if (typed.isEmpty() || typed.length() > MAX_LENGTH) {
            return best;
        }
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int score = score(typed, c);
            if (score < 0) {
                continue;
            }
            if (score < bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore && best.size() < limit) {
                best.add(c);
            }
        }
        return best;
    }

    /**
     * Lower is closer; -1 when the candidate is not close enough to offer. A typed prefix ({@code hist}) ranks
     * just after an exact match, ahead of a one-letter slip onto another word ({@code hist} → {@code list}).
     */
    static int score(String typed, String candidate) {
        if (typed.equals(candidate)) {
            return 0;
        }
        if (typed.length() >= 3 && candidate.startsWith(typed)) {
            return 1;
        }
        int allowed = Math.min(typed.length(), candidate.length()) <= 4 ? 1 : 2;
        int d = distance(typed, candidate, allowed);
        return d <= allowed ? 1 + d : -1;
    }

    /** Optimal string alignment distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }
}
