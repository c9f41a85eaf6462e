package planbot.command;

import java.util.ArrayList;
import java.util.Comparator;

/**
 * Finds a status at a point in typed text, as councils and officers write it: {@code on target},
 * {@code In Progress}, {@code on-target}, {@code Closed - no longer required}, {@code closed – no longer
 * required}, {@code done.}. Multi-word phrases win over their first word ({@code closed - no longer required}
 * over {@code closed}); a phrase must end where a word ends, so {@code completed-ish} is not {@code completed};
 * {@code done?} is a question, not a status. Every phrase is one that
 * {@link planbot.domain.StatusKind#of(String)} understands.
 */
final class StatusPhrases {

    /** The status words offered to users, in the order they are listed. */
    static final String OFFERED = "not started, on target, in progress, at risk, delayed, completed or closed";

    static final java.util.List<String> PHRASES = java.util.List.of(
            "closed no longer required", "no longer required", "not yet started", "not started", "on target",
            "on track", "in progress", "at risk", "ongoing", "delayed", "completed", "complete", "done", "closed");

    private static final java.util.List<String[]> BY_LENGTH = PHRASES.stream()
            .map(p -> p.split(" "))
            .sorted(Comparator.comparingInt((String[] p) -> p.length).reversed())
            .toList();

    private static final int MAX_WORDS = BY_LENGTH.get(0).length;

    /** A status found at token {@code from}: its words as typed, and the index of the first token after it. */
    record Match(String typed, int next) {
    }

    private record Piece(String word, int token, int start, int end) {
    }

    private StatusPhrases() {
    }

    /** The status starting at token {@code from}, or null when there is none. */
    static Match match(String text, java.util.List<Tokens.Token> tokens, int from) {
        java.util.List<Piece> pieces = pieces(tokens, from);
        for (String[] phrase : BY_LENGTH) {
            if (phrase.length > pieces.size()) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < phrase.length && same; k++) {
                same = phrase[k].equals(pieces.get(k).word);
            }
            Piece last = same ? pieces.get(phrase.length - 1) : null;
            if (last != null && endsToken(pieces, phrase.length - 1)) {
                return new Match(text.substring(pieces.get(0).start, last.end), last.token + 1);
            }
        }
        return null;
    }

    /** The known phrase closest to the words at {@code from} (a typo like {@code on traget}), or null. */
    static String closest(java.util.List<Tokens.Token> tokens, int from) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String[] phrase : BY_LENGTH) {
            if (from + phrase.length > tokens.size()) {
                continue;
            }
            StringBuilder typed = new StringBuilder();
            for (int k = 0; k < phrase.length; k++) {
                typed.append(k == 0 ? "" : " ").append(tokens.get(from + k).word());
            }
            int score = Suggest.score(typed.toString(), String.join(" ", phrase));
            if (score >= 0 && score < bestScore) {
                bestScore = score;
                best = String.join(" ", phrase);
            }
        }
        return best;
    }

    private static boolean endsToken(java.util.List<Piece> pieces, int k) {
        return k + 1 >= pieces.size() || pieces.get(k + 1).token != pieces.get(k).token;
    }

    /** The words at and after token {@code from}, split at dashes, with where each sits in the text. */
    private static java.util.List<Piece> pieces(java.util.List<Tokens.Token> tokens, int from) {
        java.util.List<Piece> pieces = new ArrayList<>();
        for (int t = from; t < tokens.size() && pieces.size() <= MAX_WORDS; t++) {
            Tokens.Token token = tokens.get(t);
            String s = token.text();
            int i = 0;
            while (i < s.length()) {
                while (i < s.length() && Tokens.isDash(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < s.length() && !Tokens.isDash(s.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    String raw = s.substring(start, i);
                    String word = Tokens.word(raw);
                    int end = i;
                    if (i == s.length()) {
                        while (end > start && ",.;:!".indexOf(s.charAt(end - 1)) >= 0) {
                            end--;
                        }
                    }
                    if (!word.isEmpty()) {
                        pieces.add(new Piece(word, t, token.start() + start, token.start() + Math.max(end, start)));
                    }
                }
            }
        }
        return pieces;
    }
}
