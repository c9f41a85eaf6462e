package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void GIVEN_html_in_a_cell_WHEN_plain_THEN_tags_stripped_and_entities_decoded() {
        assertThat(Markup.plain("<b>STAKEHOLDER ENGAGEMENT &amp; CONSULTATION</b>"))
                .isEqualTo("STAKEHOLDER ENGAGEMENT & CONSULTATION");
        assertThat(Markup.plain("Fees &pound;12k &#8211; &#x201C;quick win&#x201D;&nbsp;")).isEqualTo("Fees £12k – “quick win”");
        assertThat(Markup.plain("line one<br/>line two")).isEqualTo("line one\nline two");
        assertThat(Markup.plain("&lt;b&gt; stays text")).isEqualTo("<b> stays text");
    }

    @Test
    void GIVEN_text_that_only_looks_like_markup_WHEN_plain_THEN_kept() {
        assertThat(Markup.plain("calls answered in < 2 minutes & > 90%")).isEqualTo("calls answered in < 2 minutes & > 90%");
        assertThat(Markup.plain("&unknown; stays")).isEqualTo("&unknown; stays");
    }

    @Test
    void GIVEN_a_bold_parenthesised_segment_WHEN_split_THEN_it_becomes_a_note_and_leaves_the_text() {
        Markup.Split split = Markup.withoutInlineNotes("Develop process mapping of current process. <b>(DUPLICATE OF 005.)</b>");
        assertThat(split.text()).isEqualTo("Develop process mapping of current process.");
        assertThat(split.notes()).containsExactly("DUPLICATE OF 005.");

        Markup.Split middle = Markup.withoutInlineNotes(
                "Create link to the Policy <b>(now called the Customer Feedback Policy)</b> - complaints about decisions.");
        assertThat(middle.text()).isEqualTo("Create link to the Policy - complaints about decisions.");
        assertThat(middle.notes()).containsExactly("now called the Customer Feedback Policy");
    }

    @Test
    void GIVEN_bold_text_without_parentheses_WHEN_split_THEN_kept_inline_as_plain_text() {
        Markup.Split split = Markup.withoutInlineNotes("Agree process. <b>Hold initial workshop.</b>");
        assertThat(split.text()).isEqualTo("Agree process. Hold initial workshop.");
        assertThat(split.notes()).isEmpty();
    }

    @Test
    void GIVEN_text_that_would_read_as_markup_WHEN_escaped_THEN_plain_gives_it_back() {
        for (String text : java.util.List.of("Use <b> for headings", "&amp; is an ampersand", "a &lt; b",
                "<br/> breaks a line", "&#163;12k", "Fees & income", "<5 days", "R&D; budget", "plain")) {
            assertThat(Markup.plain(Markup.escape(text))).as(text).isEqualTo(text);
        }
    }

    @Test
    void GIVEN_text_without_anything_shaped_like_markup_WHEN_escaped_THEN_written_as_it_is() {
        assertThat(Markup.escape("Fees & income, <5 days")).isEqualTo("Fees & income, <5 days");
        assertThat(Markup.escape("Use <b> & <i>")).isEqualTo("Use &lt;b> &amp; &lt;i>");
    }
}
