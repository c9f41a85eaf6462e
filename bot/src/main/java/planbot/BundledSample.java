package planbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample council tracker shipped inside planbot (from {@code samples/}), for the demo and the benchmarks. */
public final class BundledSample {
    public static final String PLAN = "planning-review-action-plan";
    private static final String RESOURCE = "samples/" + PLAN + ".tsv";

    private BundledSample() {
    }

    public static String fileName() {
        return PLAN + ".tsv";
    }

    public static byte[] bytes() {
        try (InputStream in = BundledSample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
