package planbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sample council tracker shipped inside planbot (from {@code samples/}), for the demo and the benchmarks, and the
 * sample self-assessment section (from {@code samples/assessments/}) the demo offers.
 */
public final class BundledSample {
    public static final String PLAN = "planning-review-action-plan";
    private static final String RESOURCE = "samples/" + PLAN + ".tsv";
    /** The PAS Development Management Challenge Toolkit's "Processes, IT and administration" section. */
    public static final String TEMPLATE_FILE = "pas-dm-challenge-toolkit-processes-it.txt";

    private BundledSample() {
    }

    public static String fileName() {
        return PLAN + ".tsv";
    }

    public static byte[] bytes() {
        return resource(RESOURCE);
    }

    /** The bytes of {@link #TEMPLATE_FILE}. */
    public static byte[] templateBytes() {
        return resource("samples/assessments/" + TEMPLATE_FILE);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundledSample.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
