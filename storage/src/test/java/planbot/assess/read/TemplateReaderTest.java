package planbot.assess.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.assess.read.TemplateRead.Skipped;

/** Reading the PAS toolkit section (text and DOCX), its variations, and planbot's YAML/JSON form. */
class TemplateReaderTest {
    private static final List<String> QUESTIONS = List.of("What score have you agreed on?",
            "Why have you given it this score?", "What score would you like to get to?",
            "If this isn’t a 5, why is it lower?", "What top tips are you going to take up?",
            "What other actions have you identified?");

    private static TemplateRead sample() throws Exception {
        return TemplateReader.read(TemplateDocs.sample(TemplateDocs.SAMPLE));
    }

    private static TemplateRead text(String text) throws TemplateFormatException {
        return TemplateReader.read(text.getBytes(StandardCharsets.UTF_8), "section.txt");
    }

    @Test
    void givenTheToolkitSample_whenRead_thenFourPartsWithTheirTipsStatementsAndQuestionsAsWritten() throws Exception {
        // GIVEN the Processes, IT and administration section as Word saved it
        // WHEN it is read
        TemplateRead read = sample();
        Template t = read.template();
        // THEN it is named by its title, has 4 untitled parts with 3, 4, 5 and 3 tips numbered 1 to 15 as printed
        assertThat(read.form()).isEqualTo("text");
        assertThat(t.name()).isEqualTo("Processes, IT and administration");
        assertThat(t.source()).isEqualTo(TemplateDocs.SAMPLE);
        assertThat(t.parts()).extracting(Part::title).containsExactly("Part 1", "Part 2", "Part 3", "Part 4");
        assertThat(t.parts()).extracting(p -> p.tips().size()).containsExactly(3, 4, 5, 3);
        assertThat(t.parts().stream().flatMap(p -> p.tips().stream()).map(Tip::number))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(t.tipCount()).isEqualTo(15);
        // AND the texts are exact (curly quotes kept, a trailing space dropped)
        Part one = t.parts().get(0);
        assertThat(one.poor()).isEqualTo("There are no set down process notes for officers or the set of process notes"
                + " are out of date and do not reflect what an officer actually has to do on a day to basis.  Staff"
                + " induction takes the form of a new officer being shown what to do by an officer who has his / her way"
                + " of doing things.");
        assertThat(one.tips().get(0)).isEqualTo(new Tip(1, "Identify where it would be helpful to set down clear"
                + " procedures and assign appropriate staff to prepare process notes that can be used by all staff who"
                + " need to undertake that work"));
        assertThat(t.parts().get(1).excellent()).startsWith("The Planning pages on the Council’s website are regularly")
                .endsWith("e.g. Planning Portal, Government websites etc");
        assertThat(t.parts().get(2).tip(10).orElseThrow().text()).isEqualTo("Ensure you are aware of Central"
                + " Government advice on best practice and you are getting the best value from the product you have chosen");
        assertThat(t.parts().get(2).tip(12).orElseThrow().text()).isEqualTo("Consider whether you need to link the"
                + " software with other related functions e.g. Building Control or Land Charges?");
        assertThat(t.parts().get(3).tip(15).orElseThrow().text()).isEqualTo("Ensure there is a named person with a named"
                + " substitute who channels all queries to the relevant IT specialist and a good working relationship"
                + " can be developed");
        assertThat(t.parts().get(3).excellent()).startsWith("There is a key link officer in the IT department")
                .endsWith("in accessing the webpages or the document management system.");
        assertThat(t.parts()).allSatisfy(p -> assertThat(p.questions()).isEqualTo(QUESTIONS));
        // AND the only thing left out is the summary of actions, with its line
        assertThat(read.skipped()).containsExactly(new Skipped("line 143", "SUMMARY OF ACTIONS TO FOLLOW UP",
                "the summary of actions, which a session fills in"));
    }

    @Test
    void givenTheSampleAsAWordDocumentWithNumberedLists_whenRead_thenTheSameTemplate() throws Exception {
        // GIVEN the sample's content as a DOCX whose tips are one Word-numbered list running through its tables
        Template fromText = sample().template();
        byte[] docx = TemplateDocs.docx(fromText);
        // WHEN it is read
        TemplateRead read = TemplateReader.read(docx, TemplateDocs.SAMPLE.replace(".txt", ".docx"));
        // THEN it is the same template, tip numbers counted as Word counts them
        assertThat(read.form()).isEqualTo("docx");
        assertThat(read.template().parts()).isEqualTo(fromText.parts());
        assertThat(read.template().name()).isEqualTo("Processes, IT and administration");
        assertThat(read.skipped()).extracting(Skipped::text).containsExactly("SUMMARY OF ACTIONS TO FOLLOW UP");
    }

    @Test
    void givenWindowsLineEndsTabsBookmarksCurlyQuotesTitlesAndParenthesisedNumbers_whenRead_thenTheSamePartsAndTitles()
            throws Exception {
        // GIVEN a section written the other ways Word and people write it: CRLF, a bookmark in the title, a part
        // title as its own line, all three headings on one line, curly-quoted "Top tips", "1)" numbers, a bullet
        String text = "[bookmark: _Toc1]Customer contact\r\n\r\nIntro text that is long enough to be a sentence.\r\n"
                + "Telephone\r\n"
                + "\tA POOR service (Score 1):\t\tAn excellent service (score 5)\t‘Top tips’\r\n"
                + "\tCalls go unanswered.\r\n\tEvery call is answered.\r\n"
                + "\t1) Publish a number\r\n2)  Staff the phones\r\n\u00b7 Record calls\r\n\tStray cell\r\n"
                + "\tEVALUATION QUESTIONS\r\nWhat score have you agreed on?\r\n\r\nWeb chat\r\n"
                + "\tA poor service (score 1)\r\n\tAn excellent service (score 5)\r\n\tTop tips\r\n"
                + "\tNo chat.\r\n\tChat all day.\r\n\t4. Try a chat bot\r\n4. Again\r\n";
        // WHEN it is read
        TemplateRead read = text(text);
        // THEN the parts have their titles and tips, the bullet numbered after the last tip
        Template t = read.template();
        assertThat(t.name()).isEqualTo("Customer contact");
        assertThat(t.parts()).containsExactly(
                new Part(1, "Telephone", "Calls go unanswered.", "Every call is answered.",
                        List.of(new Tip(1, "Publish a number"), new Tip(2, "Staff the phones"), new Tip(3, "Record calls")),
                        List.of("What score have you agreed on?")),
                new Part(2, "Web chat", "No chat.", "Chat all day.", List.of(new Tip(4, "Try a chat bot")), List.of()));
        // AND the cell that fits no column and the repeated tip number are reported by line
        assertThat(read.skipped()).containsExactly(
                new Skipped("line 11", "Stray cell", "part 1 has no column for it"),
                new Skipped("line 22", "4. Again", "part 2 already has a tip 4"));
    }

    @Test
    void givenTextWithoutAnyPart_whenRead_thenOneSentenceSaysWhatAPartLooksLike() {
        // GIVEN text that is not a toolkit section
        // WHEN it is read
        // THEN it is refused with one sentence
        assertThatThrownBy(() -> text("Minutes of the meeting\nWe met.\n"))
                .isInstanceOf(TemplateFormatException.class)
                .hasMessage("it has no parts: a part begins with a heading such as "
                        + "'A poor Development Management Service (score 1)'");
        assertThatThrownBy(() -> text("\n\n")).hasMessage("the file is empty");
    }

    @Test
    void givenTheYamlForm_whenRead_thenTipsNumberOnAcrossPartsAndSharedQuestionsApply() throws Exception {
        // GIVEN a YAML template with shared questions, a tip numbered by hand and an unknown key
        String yaml = "name: Customer contact\nscale: 1-5\nquestions: [\"What score?\"]\nparts:\n"
                + "  - title: Telephone\n    poor: Calls go unanswered.\n    excellent: Every call is answered.\n"
                + "    tips: [Publish a number, Staff the phones]\n    colour: red\n"
                + "  - poor: No chat.\n    excellent: Chat all day.\n    tips:\n      - {number: 7, text: Try a chat bot}\n"
                + "      - Measure it\n    questions: [\"Is chat used?\"]\n";
        // WHEN it is read
        TemplateRead read = TemplateReader.read(yaml.getBytes(StandardCharsets.UTF_8), "contact.yaml");
        // THEN the parts are as written, the unknown key reported by its path
        assertThat(read.form()).isEqualTo("yaml");
        assertThat(read.template()).isEqualTo(new Template("Customer contact", "contact.yaml", List.of(
                new Part(1, "Telephone", "Calls go unanswered.", "Every call is answered.",
                        List.of(new Tip(1, "Publish a number"), new Tip(2, "Staff the phones")), List.of("What score?")),
                new Part(2, "", "No chat.", "Chat all day.", List.of(new Tip(7, "Try a chat bot"), new Tip(8, "Measure it")),
                        List.of("Is chat used?")))));
        assertThat(read.skipped()).containsExactly(new Skipped("parts[1].colour", "red", "not a key planbot knows"));
    }

    @Test
    void givenTheJsonForm_whenRead_thenTheSameAsYaml() throws Exception {
        // GIVEN the same kind of template as JSON, without a name
        String json = "{\"parts\": [{\"poor\": \"Bad.\", \"excellent\": \"Good.\", \"tips\": [\"Do it\"]}]}";
        // WHEN it is read
        TemplateRead read = TemplateReader.read(json.getBytes(StandardCharsets.UTF_8), "fm-code.json");
        // THEN it is named after its file
        assertThat(read.form()).isEqualTo("json");
        assertThat(read.template()).isEqualTo(new Template("fm-code", "fm-code.json",
                List.of(new Part(1, "Part 1", "Bad.", "Good.", List.of(new Tip(1, "Do it")), List.of()))));
    }

    @Test
    void givenBadYamlOrJson_whenRead_thenOneSentenceNamesWhere() {
        // GIVEN broken or wrongly shaped files
        // WHEN they are read
        // THEN each is refused with a sentence that says where, and no parser text
        assertThatThrownBy(() -> TemplateReader.read("name: x\nparts: [\n".getBytes(StandardCharsets.UTF_8), "x.yaml"))
                .hasMessageStartingWith("it is not valid YAML (line ");
        assertThatThrownBy(() -> TemplateReader.read("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8), "x.json"))
                .hasMessage("it has no parts: give a list under 'parts'");
        assertThatThrownBy(() -> TemplateReader.read("name: x\nscale: 1-10\nparts: [{poor: a}]".getBytes(StandardCharsets.UTF_8), "x.yml"))
                .hasMessage("its scale is '1-10', but planbot rates on 1-5 or rag (red, amber, green)");
        assertThatThrownBy(() -> TemplateReader.read("parts:\n  - tips: {a: b}\n".getBytes(StandardCharsets.UTF_8), "x.yaml"))
                .hasMessage("parts[1].tips must be a list");
    }

    @Test
    void givenTheExampleInSamples_whenRead_thenItIsAValidTemplate() throws Exception {
        // GIVEN the YAML example the README points to
        // WHEN it is read
        TemplateRead read = TemplateReader.read(Files.readAllBytes(TemplateDocs.sample("assessment-template-example.yaml")),
                "assessment-template-example.yaml");
        // THEN it has parts with tips and questions, and nothing skipped
        assertThat(read.template().parts()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(read.template().parts()).allSatisfy(p -> assertThat(p.questions()).isNotEmpty());
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void givenTheYamlExampleInTheReadme_whenRead_thenItIsTheTemplateTheReadmeDescribes() throws Exception {
        // GIVEN the YAML block of the README's "Assessments" section
        String readme = Files.readString(TemplateDocs.sample(TemplateDocs.SAMPLE).getParent().getParent().resolveSibling("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("## Assessments")) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        // WHEN it is read
        TemplateRead read = TemplateReader.read(yaml.getBytes(StandardCharsets.UTF_8), "readme.yaml");
        // THEN its tips are numbered 1 and 7 and its part has its own questions
        Part part = read.template().parts().get(0);
        assertThat(read.template().name()).isEqualTo("Customer contact and complaints");
        assertThat(part.tips()).extracting(Tip::number).containsExactly(1, 7);
        assertThat(part.questions()).containsExactly("What score have you agreed on?", "Why this score?");
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void givenTheFmCodeExampleInSamples_whenRead_thenARagTemplateOfStandardsWithWhatGoodLooksLike() throws Exception {
        // GIVEN the red/amber/green example in samples
        // WHEN it is read
        TemplateRead read = TemplateReader.read(Files.readAllBytes(TemplateDocs.sample("fm-code-example.yaml")),
                "fm-code-example.yaml");
        // THEN it is rated on rag, five standards with their description and what good looks like, nothing skipped
        Template t = read.template();
        assertThat(t.scale()).isEqualTo(Scale.RAG);
        assertThat(t.name()).isEqualTo("Financial management standards");
        assertThat(t.parts()).extracting(Part::title).containsExactly("Leadership owns financial sustainability",
                "The finance lead is heard", "A medium-term financial plan", "Resilience is understood", "Accounts on time");
        Part second = t.parts().get(1);
        assertThat(second.poor()).startsWith("The chief finance officer is a member of the leadership team");
        assertThat(second.excellent()).isEqualTo("No report with a financial effect goes to a decision without the finance lead's comments on it.");
        assertThat(second.tips()).containsExactly(new Tip(3, "Add a finance comments section to the committee report template"));
        assertThat(t.tipCount()).isEqualTo(7);
        assertThat(t.parts()).allSatisfy(p -> assertThat(p.questions()).hasSize(3));
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void givenARagTemplateUsingPoorAndExcellent_whenRead_thenThoseKeysAreSkippedAndReported() throws Exception {
        // GIVEN a rag standard written with the 1-5 keys, and a 1-5 part written with the rag keys
        String rag = "name: x\nscale: rag\nparts: [{poor: a, good: b}]";
        String five = "name: y\nparts: [{description: a, excellent: b}]";
        // WHEN they are read
        TemplateRead readRag = TemplateReader.read(rag.getBytes(StandardCharsets.UTF_8), "x.yaml");
        TemplateRead readFive = TemplateReader.read(five.getBytes(StandardCharsets.UTF_8), "y.yaml");
        // THEN the key of the other scale is reported, not silently taken
        assertThat(readRag.template().scale()).isEqualTo(Scale.RAG);
        assertThat(readRag.skipped()).extracting(Skipped::where).containsExactly("parts[1].poor");
        assertThat(readRag.template().parts().get(0).excellent()).isEqualTo("b");
        assertThat(readFive.template().scale()).isEqualTo(Scale.ONE_TO_FIVE);
        assertThat(readFive.skipped()).extracting(Skipped::where).containsExactly("parts[1].description");
    }

    @Test
    void givenTheRagYamlExampleInTheReadme_whenRead_thenAStandardRatedRedAmberGreen() throws Exception {
        // GIVEN the README's second YAML block, the red/amber/green one
        String readme = Files.readString(TemplateDocs.sample(TemplateDocs.SAMPLE).getParent().getParent().resolveSibling("README.md"));
        int first = readme.indexOf("```yaml\n", readme.indexOf("## Assessments"));
        int start = readme.indexOf("```yaml\n", first + 1) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        // WHEN it is read
        TemplateRead read = TemplateReader.read(yaml.getBytes(StandardCharsets.UTF_8), "readme.yaml");
        // THEN one standard on the rag scale, with its description and what good looks like
        assertThat(read.template().scale()).isEqualTo(Scale.RAG);
        Part part = read.template().parts().get(0);
        assertThat(part.title()).isEqualTo("A medium-term financial plan");
        assertThat(part.poor()).startsWith("A financial plan for at least three years");
        assertThat(part.excellent()).startsWith("Refreshed every year");
        assertThat(read.skipped()).isEmpty();
    }
}
