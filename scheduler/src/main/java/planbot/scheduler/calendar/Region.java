package planbot.scheduler.calendar;

import java.util.Locale;
import planbot.domain.UserFixableException;

/** The UK bank-holiday regions, each with its own list in {@code bank-holidays/<word>.csv}. */
public enum Region {
    ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND;

    /** The word used in files and policy text: {@code england-and-wales}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a region as an admin would type it: {@code england-and-wales}, {@code England & Wales},
     * {@code ew}, {@code scotland}, {@code ni}, {@code Northern Ireland}.
     *
     * @throws UserFixableException naming the words it knows
     */
    public static Region parse(String text) {
        String w = text == null ? "" : text.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z]", "");
        switch (w) {
            case "englandandwales": case "england": case "wales": case "ew": case "eandw":
                return ENGLAND_AND_WALES;
            case "scotland": case "sc": case "scot":
                return SCOTLAND;
            case "northernireland": case "ni":
                return NORTHERN_IRELAND;
            default:
                throw new UserFixableException("unknown region '" + text
                        + "': use england-and-wales, scotland or northern-ireland");
        }
    }
}
