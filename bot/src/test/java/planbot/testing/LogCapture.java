package planbot.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What planbot and its libraries log while a test runs, line by line. planbot logs through Logback, whose console
 * appender writes to whatever {@code System.err} is at the moment of each line (logback.xml, in the text format, which
 * looks as slf4j-simple's did); this tees that stream, so the lines still reach the test's output too.
 *
 * <p>Install in a try-with-resources; {@link #close()} puts the stream back. Thread-safe: Jetty, Bolt and planbot's
 * executors log on their own threads. Captures every thread of the JVM, so use it around work that runs alone.
 */
public final class LogCapture implements AutoCloseable {
    /** A text log line: {@code 2024-05-01T09:00:00.000Z [thread] LEVEL Logger - message}. */
    private static final Pattern LINE = Pattern.compile("^\\S+ \\[[^\\]]*\\] (ERROR|WARN|INFO|DEBUG|TRACE) (.*)$");

    private final PrintStream original;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    private LogCapture() {
        this.original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                collect(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    private synchronized void collect(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            } else {
                partial.write(b[i]);
            }
        }
    }

    /** Every whole line so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The log lines of this level ("ERROR", "WARN"), each from the logger's name on. */
    public List<String> at(String level) {
        List<String> found = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(1).equals(level)) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    /** How many stack traces were printed (counted by their first frame). */
    public int stackTraces() {
        int traces = 0;
        boolean inTrace = false;
        for (String line : lines()) {
            boolean frame = line.startsWith("\tat ");
            if (frame && !inTrace) {
                traces++;
            }
            inTrace = frame || (inTrace && (line.startsWith("Caused by:") || line.startsWith("\t...")));
        }
        return traces;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
