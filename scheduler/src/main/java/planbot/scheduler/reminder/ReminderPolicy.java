package planbot.scheduler.reminder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import planbot.domain.UserFixableException;
import planbot.scheduler.calendar.Region;
import planbot.scheduler.calendar.WorkingCalendar;

/**
 * A tenant's reminder policy (DESIGN §7). Counts of days are working days except where named otherwise.
 *
 * @param leadDays         remind the owner this many working days before the target date, largest first (14, 7, 1)
 * @param onTheDay         remind the owner on the target date itself
 * @param overdueEvery     while overdue, remind the owner on the first working day after the target date and then
 *                         every this many working days; 0 for the first reminder only
 * @param escalateLead     tell the action lead once the task is this many working days overdue; 0 never
 * @param escalateManager  tell the manager channel once the task is this many working days overdue; 0 never
 * @param tbcEveryMonths   ask the owner of a TBC task to set a date on the first working day of every this many
 *                         months; 0 never
 * @param staleAfterDays   nudge the owner of an open task nobody has changed for this many calendar days (and
 *                         again every as many days while it stays unchanged); 0 never
 * @param snoozeDays       how many calendar days a plain "snooze" (a button with no length) pauses a task
 * @param sendAt           nothing is sent before this time of day
 * @param zone             the zone that time and every date are in
 * @param region           whose bank holidays are not working days
 * @param closures         the tenant's own closure days, also not working days
 */
public record ReminderPolicy(List<Integer> leadDays, boolean onTheDay, int overdueEvery, int escalateLead,
                             int escalateManager, int tbcEveryMonths, int staleAfterDays, int snoozeDays,
                             LocalTime sendAt, ZoneId zone, Region region, SortedSet<LocalDate> closures) {

    /** The longest lead time or threshold accepted: a quarter of a year of working days. */
    public static final int MAX_WORKING_DAYS = 65;

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final List<String> KEYS = List.of("lead", "on-the-day", "overdue-every", "escalate-lead",
            "escalate-manager", "tbc-every", "stale-after", "snooze", "send-at", "zone", "region", "closed");

    public ReminderPolicy {
        Objects.requireNonNull(leadDays, "leadDays");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(closures, "closures");
        TreeSet<Integer> leads = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Integer n : leadDays) {
            leads.add(range("lead", Objects.requireNonNull(n, "lead"), 1, MAX_WORKING_DAYS));
        }
        leadDays = List.copyOf(leads);
        range("overdue-every", overdueEvery, 0, MAX_WORKING_DAYS);
        range("escalate-lead", escalateLead, 0, MAX_WORKING_DAYS * 4);
        range("escalate-manager", escalateManager, 0, MAX_WORKING_DAYS * 4);
        range("tbc-every", tbcEveryMonths, 0, 12);
        range("stale-after", staleAfterDays, 0, 366);
        range("snooze", snoozeDays, 1, 365);
        closures = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(closures));
    }

    /** DESIGN §7: 14, 7 and 1 working days before, on the day, every 5 working days overdue, escalations at 10 and 20,
     *  monthly TBC nudges, a nudge after 30 days without an update, a week's snooze, 09:00 Europe/London, England and Wales. */
    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(14, 7, 1), true, 5, 10, 20, 1, 30, 7, LocalTime.of(9, 0),
                ZoneId.of("Europe/London"), Region.ENGLAND_AND_WALES, new TreeSet<>());
    }

    /** The working-day calendar this policy names. */
    public WorkingCalendar calendar() {
        return WorkingCalendar.of(region, closures);
    }

    /**
     * Reads a policy from its text ({@link #format}): {@code key=value} settings separated by spaces, new lines or
     * semicolons, applied in order over the defaults. An empty text is the defaults.
     *
     * @throws UserFixableException naming the setting that is wrong and what it accepts
     */
    public static ReminderPolicy parse(String text) {
        return defaults().withSettings(text);
    }

    /**
     * This policy with the settings in {@code text} ({@code lead=10,5,1 send-at=08:30}, as {@link #parse} reads
     * them) applied in order; settings not named keep their value. Null or blank text changes nothing.
     *
     * @throws UserFixableException naming the setting that is wrong and what it accepts
     */
    public ReminderPolicy withSettings(String text) {
        ReminderPolicy p = this;
        for (String[] kv : settings(text)) {
            p = p.with(kv[0], kv[1]);
        }
        return p;
    }

    /**
     * The settings of {@code earlier} with those of {@code later} over them, as text: each key once, with its last
     * value, in the order keys first appeared. Either text may be null. Values are not checked here.
     *
     * @throws UserFixableException for a word that is not {@code key=value}
     */
    public static String mergeSettings(String earlier, String later) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>();
        for (String[] kv : settings(earlier)) {
            merged.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
        }
        for (String[] kv : settings(later)) {
            merged.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
        }
        StringJoiner out = new StringJoiner(" ");
        merged.forEach((k, v) -> out.add(k + "=" + v));
        return out.toString();
    }

    /** The {key, value} pairs of a settings text, in order. */
    private static List<String[]> settings(String text) {
        List<String[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String setting : text.strip().split("[\\s;]+")) {
            if (setting.isEmpty()) {
                continue;
            }
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UserFixableException("'" + setting + "' is not a setting: write key=value, one of " + KEYS);
            }
            out.add(new String[] {setting.substring(0, eq), setting.substring(eq + 1)});
        }
        return out;
    }

    /**
     * This policy with one setting changed, as an admin writes it: {@code lead=14,7,1}, {@code on-the-day=no},
     * {@code overdue-every=5}, {@code escalate-lead=10}, {@code escalate-manager=off}, {@code tbc-every=1}
     * (months), {@code stale-after=30} (days), {@code snooze=7} (days), {@code send-at=09:00},
     * {@code zone=Europe/London}, {@code region=scotland}, {@code closed=27/12/2024,28/12/2024}.
     *
     * @throws UserFixableException for an unknown key or a value out of range, with a sentence saying why
     */
    public ReminderPolicy with(String key, String value) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        String v = value == null ? "" : value.strip();
        switch (k) {
            case "lead":
                return new ReminderPolicy(leads(v), onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, closures);
            case "on-the-day":
                return new ReminderPolicy(leadDays, yesNo(k, v), overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, closures);
            case "overdue-every":
                return new ReminderPolicy(leadDays, onTheDay, count(k, v), escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, closures);
            case "escalate-lead":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, count(k, v), escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, closures);
            case "escalate-manager":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, count(k, v), tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, closures);
            case "tbc-every":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager,
                        "monthly".equalsIgnoreCase(v) ? 1 : count(k, v), staleAfterDays, snoozeDays, sendAt, zone, region,
                        closures);
            case "stale-after":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        count(k, v), snoozeDays, sendAt, zone, region, closures);
            case "snooze":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, count(k, v), sendAt, zone, region, closures);
            case "send-at":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, time(v), zone, region, closures);
            case "zone":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone(v), region, closures);
            case "region":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, Region.parse(v), closures);
            case "closed":
                return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                        staleAfterDays, snoozeDays, sendAt, zone, region, dates(v));
            default:
                throw new UserFixableException("unknown reminder setting '" + key + "': use one of " + KEYS);
        }
    }

    /** The policy as text that {@link #parse} reads back to an equal policy; every setting is written. */
    public String format() {
        StringJoiner closed = new StringJoiner(",");
        for (LocalDate d : closures) {
            closed.add(d.toString());
        }
        StringJoiner leads = new StringJoiner(",");
        for (int n : leadDays) {
            leads.add(Integer.toString(n));
        }
        return "lead=" + (leadDays.isEmpty() ? "none" : leads) + " on-the-day=" + (onTheDay ? "yes" : "no")
                + " overdue-every=" + overdueEvery + " escalate-lead=" + escalateLead + " escalate-manager=" + escalateManager
                + " tbc-every=" + tbcEveryMonths + " stale-after=" + staleAfterDays + " snooze=" + snoozeDays
                + " send-at=" + sendAt + " zone=" + zone.getId() + " region=" + region.word()
                + (closures.isEmpty() ? "" : " closed=" + closed);
    }

    @Override
    public String toString() {
        return format();
    }

    private static int range(String key, int n, int min, int max) {
        if (n < min || n > max) {
            throw new UserFixableException(key + " must be " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    private static List<Integer> leads(String v) {
        if (v.equalsIgnoreCase("none") || v.equalsIgnoreCase("off") || v.isEmpty()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(number("lead", part.strip()));
        }
        return out;
    }

    private static int count(String key, String v) {
        String w = v.toLowerCase(Locale.ROOT);
        if (w.equals("off") || w.equals("never") || w.equals("no")) {
            return 0;
        }
        return number(key, v);
    }

    private static int number(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UserFixableException(key + " takes a whole number, not '" + v + "'");
        }
    }

    private static boolean yesNo(String key, String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes": case "on": case "true": return true;
            case "no": case "off": case "false": return false;
            default: throw new UserFixableException(key + " takes yes or no, not '" + v + "'");
        }
    }

    private static LocalTime time(String v) {
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new UserFixableException("send-at takes a time of day such as 09:00, not '" + v + "'");
        }
    }

    private static ZoneId zone(String v) {
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new UserFixableException("zone takes a time zone such as Europe/London, not '" + v + "'");
        }
    }

    private static SortedSet<LocalDate> dates(String v) {
        TreeSet<LocalDate> out = new TreeSet<>();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : v.split(",")) {
            String p = part.strip();
            try {
                out.add(p.contains("/") ? LocalDate.parse(p, UK) : LocalDate.parse(p));
            } catch (DateTimeParseException e) {
                throw new UserFixableException("closed takes dates such as 27/12/2024 or 2024-12-27, not '" + p + "'");
            }
        }
        return out;
    }

    /** The closure days given, for building a policy in code. */
    public ReminderPolicy withClosures(Collection<LocalDate> days) {
        return new ReminderPolicy(leadDays, onTheDay, overdueEvery, escalateLead, escalateManager, tbcEveryMonths,
                staleAfterDays, snoozeDays, sendAt, zone, region, new TreeSet<>(days));
    }
}
