package planbot.assess.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an assessment template from a file, whatever its form: a toolkit section as Word saves it as text or as a
 * DOCX ({@link WordTextParser} reads both), or planbot's YAML/JSON form ({@link StructuredParser}). The form is
 * told by the content (a zip with a Word document; text opening with '{'; text whose first line is a YAML
 * {@code name:} or {@code parts:}) and by the file name (.json, .yaml, .yml).
 *
 * <p>Called by the CLI (and anything else that imports templates); stateless and thread-safe. Whole-file failures
 * are {@link TemplateFormatException}s with a sentence for the person who gave the file.
 */
public final class TemplateReader {
    /** A toolkit section is a few dozen kilobytes; 10 MB leaves room for pictures in a DOCX. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TemplateReader() {
    }

    /** Reads a file; its size is checked before it is opened. */
    public static TemplateRead read(Path file) throws TemplateFormatException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TemplateFormatException("the file is too large: a template may be at most 10 MB");
            }
            return read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new TemplateFormatException("the file cannot be read", e);
        }
    }

    /**
     * Reads a template from its bytes.
     *
     * @param fileName its file name: the template's source, its name when the file gives none, and a hint of its form
     */
    public static TemplateRead read(byte[] content, String fileName) throws TemplateFormatException {
        if (content.length > MAX_BYTES) {
            throw new TemplateFormatException("the file is too large: a template may be at most 10 MB");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        String fallbackName = fileName.replaceFirst("\\.[^.]*$", "").strip();
        if (startsWith(content, 'P', 'K', 3, 4)) {
            if (!new String(content, StandardCharsets.ISO_8859_1).contains("word/document")) {
                throw new TemplateFormatException("this is a zip file but not a Word document: give a .docx, a text file, YAML or JSON");
            }
            return WordTextParser.parse(DocxText.flatten(content), fallbackName, fileName, "docx");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new TemplateFormatException("this is an old Office 97-2003 file: save it as .docx and try again");
        }
        String text = decode(content);
        if (text.isBlank()) {
            throw new TemplateFormatException("the file is empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new TemplateFormatException("this is not a text file, a Word document, YAML or JSON");
        }
        String start = text.strip();
        if (lower.endsWith(".json") || start.startsWith("{")) {
            return StructuredParser.parse(text, false, fallbackName, fileName);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || start.matches("(?s)(#[^\n]*\n\\s*)*(---\\s*)?(name|parts)\\s*:.*")) {
            return StructuredParser.parse(text, true, fallbackName, fileName);
        }
        return WordTextParser.parse(text, fallbackName, fileName, "text");
    }

    /** UTF-8 (with or without its byte order mark), UTF-16 with one, else Windows-1252, as Word saves text. */
    private static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
