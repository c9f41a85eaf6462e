package planbot.scheduler.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The UK bank holidays shipped with planbot, per {@link Region}, read once from the classpath
 * ({@code bank-holidays/<region>.csv}: {@code yyyy-mm-dd,name} per line, {@code #} comments). The lists
 * cover {@value #FIRST_YEAR}–{@value #LAST_YEAR}; outside those years only weekends are non-working.
 * One-off holidays (a coronation, a state funeral) are not predictable and must be added to the files.
 *
 * <p>Thread-safe and immutable.
 */
public final class BankHolidays {
    public static final int FIRST_YEAR = 2016;
    public static final int LAST_YEAR = 2030;

    private static final Map<Region, NavigableMap<LocalDate, String>> ALL = load();

    private BankHolidays() {
    }

    /** The region's bank holidays, date → name, in date order. */
    public static NavigableMap<LocalDate, String> of(Region region) {
        return ALL.get(region);
    }

    /** True when the shipped lists cover this date's year. */
    public static boolean covers(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    private static Map<Region, NavigableMap<LocalDate, String>> load() {
        Map<Region, NavigableMap<LocalDate, String>> all = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            all.put(region, Collections.unmodifiableNavigableMap(read(region)));
        }
        return all;
    }

    private static NavigableMap<LocalDate, String> read(Region region) {
        String resource = "/bank-holidays/" + region.word() + ".csv";
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        try (InputStream in = BankHolidays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bank holidays missing from the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int comma = l.indexOf(',');
                try {
                    days.put(LocalDate.parse(comma < 0 ? l : l.substring(0, comma).strip()),
                            comma < 0 ? "" : l.substring(comma + 1).strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": not a yyyy-mm-dd date: " + l, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return days;
    }
}
