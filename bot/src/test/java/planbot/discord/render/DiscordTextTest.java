package planbot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User text made safe for Discord markdown and mentions; Discord's mention syntax made neutral. */
class DiscordTextTest {

    @Test
    void markdownInUserTextIsEscapedSoThatItShowsAsTyped() {
        // GIVEN text full of Discord markdown
        String typed = "**loud** __u__ ~~s~~ `c` ||spoiler|| *i* _i_ \\ back";

        // WHEN it is escaped
        String escaped = DiscordText.escape(typed);

        // THEN every markdown character is escaped, and what Discord shows is the text as typed
        assertThat(escaped).isEqualTo("\\*\\*loud\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\| \\*i\\* \\_i\\_ \\\\ back");
        assertThat(DiscordShape.shown(escaped)).isEqualTo(typed);
    }

    @Test
    void lineStartsThatWouldQuoteHeadOrListAreEscaped() {
        String escaped = DiscordText.escape("> quote\n# head\n-# small\n- item\n1. first\n  12. twelfth");

        assertThat(escaped).isEqualTo("\\> quote\n\\# head\n\\-\\# small\n\\- item\n1\\. first\n  12\\. twelfth");
        assertThat(DiscordShape.shown(escaped)).isEqualTo("> quote\n# head\n-# small\n- item\n1. first\n  12. twelfth");
    }

    @Test
    void maskedAndBareLinksAreNotLinks() {
        String escaped = DiscordText.escape("[click](https://evil.example) and http://x.example/a");

        assertThat(escaped).isEqualTo("\\[click\\](https\\://evil.example) and http\\://x.example/a");
        assertThat(escaped).doesNotContainPattern("[a-z]://").doesNotContain("[click](");
    }

    @Test
    void mentionsInUserTextAreBrokenVisiblySoThatNoneRendersOrPings() {
        // GIVEN every kind of Discord mention, in any case
        String typed = "@everyone @here @Everyone <@123> <@!123> <@&456> <#789> </plan:1>";

        // WHEN it is escaped
        String escaped = DiscordText.escape(typed);

        // THEN no mention is left to render, and it still reads as typed
        assertThat(DiscordShape.MENTION.matcher(escaped).find()).isFalse();
        assertThat(escaped).contains("@\u200Beveryone").contains("<\u200B@123\\>").contains("<\u200B@&456\\>")
                .contains("<\u200B\\#789\\>");
        assertThat(DiscordShape.shown(escaped)).isEqualTo(typed);
    }

    @Test
    void anEmailAddressKeepsItsAtSign() {
        assertThat(DiscordText.escape("sam@council.gov.uk")).isEqualTo("sam@council.gov.uk");
    }

    @Test
    void controlCharactersAreShownAsSymbols() {
        assertThat(DiscordText.escape("a\u001B[31mb\u0007")).isEqualTo("a␛\\[31mb␇");
    }

    @Test
    void cuttingNeverLeavesALoneBackslashOrHalfASurrogatePair() {
        // an escaped star cut right after its backslash drops the backslash
        assertThat(DiscordText.cut("ab\\*cd", 4)).isEqualTo("ab…");
        assertThat(DiscordText.cut("ab\\\\cd", 5)).isEqualTo("ab\\\\…");
        assertThat(DiscordText.cut("ab🔴cd", 4)).isEqualTo("ab…");
        assertThat(DiscordText.escape(Samples.huge(), 100)).hasSizeLessThanOrEqualTo(100).endsWith("…");
    }

    @Test
    void plainTextForLabelsBreaksMentionsOnOneLine() {
        String plain = DiscordText.plain("EN003/01 · @everyone <@123>\nnext", 100);

        assertThat(plain).isEqualTo("EN003/01 · @\u200Beveryone <\u200B@123> next");
        assertThat(DiscordShape.MENTION.matcher(plain).find()).isFalse();
    }

    @Test
    void discordMentionSyntaxInTypedOptionsBecomesTheNeutralForm() {
        assertThat(DiscordText.neutral("assign EN003/01 <@123>")).isEqualTo("assign EN003/01 <@123>");
        assertThat(DiscordText.neutral("assign EN003/01 <@!123>")).isEqualTo("assign EN003/01 <@123>");
        assertThat(DiscordText.neutral("channel plan <#789>")).isEqualTo("channel plan <#789>");
        assertThat(DiscordText.neutral("people link \"HoP\" <@&456>")).isEqualTo("people link \"HoP\" <!role^456>");
        assertThat(DiscordText.neutral("note EN003/01 @everyone and @here.")).isEqualTo("note EN003/01 <!everyone> and <!here>.");
    }

    @Test
    void neutralLeavesEmailAddressesAndPlainTextAlone() {
        assertThat(DiscordText.neutral("people link \"HoP\" sam@here.example")).isEqualTo("people link \"HoP\" sam@here.example");
        assertThat(DiscordText.neutral("status EN003/01")).isEqualTo("status EN003/01");
        assertThat(DiscordText.neutral(null)).isEmpty();
    }
}
