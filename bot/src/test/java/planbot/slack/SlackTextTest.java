package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping makes typed mentions inert; cutting never breaks a character or an entity. */
class SlackTextTest {

    @Test
    void mentionsAndAmpersandsTypedByAUserCannotPing() {
        // GIVEN a task title that tries to ping everyone
        String title = "<!channel> @here <@U123> &";

        // WHEN it is escaped
        String escaped = SlackText.escape(title);

        // THEN no angle bracket is left to open a mention, and the ampersand is an entity
        assertThat(escaped).isEqualTo("&lt;!channel&gt; @here &lt;@U123&gt; &amp;");
        assertThat(escaped).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void onlyTheThreeSpecialCharactersChange() {
        assertThat(SlackText.escape("*bold* _it_ ~s~ `code` \"q\" 'a' £5 😀")).isEqualTo("*bold* _it_ ~s~ `code` \"q\" 'a' £5 😀");
        assertThat(SlackText.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void shortTextIsNotCut() {
        assertThat(SlackText.cut("hello", 5)).isEqualTo("hello");
    }

    @Test
    void longTextIsCutWithAnEllipsisWithinTheLimit() {
        String cut = SlackText.cut("abcdefghij", 5);
        assertThat(cut).isEqualTo("abcd…").hasSize(5);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // GIVEN an emoji (two UTF-16 units) straddling the cut
        String text = "abc😀def";
        // WHEN cut so that the limit falls between its halves
        String cut = SlackText.cut(text, 5);
        // THEN the emoji is left out whole
        assertThat(cut).isEqualTo("abc…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void aCutNeverSplitsAnEntity() {
        // GIVEN escaped text whose entity straddles every possible cut point
        String escaped = SlackText.escape("ab<cd&ef");
        for (int max = 2; max < escaped.length(); max++) {
            String cut = SlackText.cut(escaped, max);
            String body = cut.substring(0, cut.length() - 1);
            // THEN whatever remains has only whole entities
            assertThat(body.replace("&lt;", "").replace("&amp;", "")).as("cut to " + max).doesNotContain("&");
            assertThat(cut.length()).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void escapeAndCutFitsEscapedTextToTheLimit() {
        String out = SlackText.escapeAndCut("<".repeat(100), 10);
        assertThat(out).isEqualTo("&lt;&lt;…");
    }

    @Test
    void whatSlackSendsAsEntitiesComesBackAsTypedAndEscapingItAgainGivesTheWireForm() {
        String wire = "legal &amp; finance &lt;urgent&gt; &amp;lt; <@U1|sam>";
        assertThat(SlackText.unescape(wire)).isEqualTo("legal & finance <urgent> &lt; <@U1|sam>");
        assertThat(SlackText.escape(SlackText.unescape("a &amp; b &lt;c&gt;"))).isEqualTo("a &amp; b &lt;c&gt;");
        assertThat(SlackText.unescape("plain")).isEqualTo("plain");
    }
}
