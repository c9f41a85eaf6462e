package planbot.domain;

/**
 * The comparable form of a ref or REF label, so that the ways people type one ref meet in one index key:
 * letters upper-cased and run together, numbers without leading zeros, and any separator between two
 * numbers written {@code /}. {@code EN003/01}, {@code en3/1} and {@code EN 3 / 1} all become {@code EN3/1};
 * {@code ENFORCEMENT 003} and {@code enforcement 3} become {@code ENFORCEMENT3}; {@code PRE-APP 003} becomes
 * {@code PREAPP3}; {@code 1.2} becomes {@code 1/2}.
 */
public final class RefKey {
    private RefKey() {
    }

    public static String of(String ref) {
        if (ref == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(ref.length());
        boolean afterNumber = false;
        int i = 0;
        while (i < ref.length()) {
            char c = ref.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < ref.length() && ref.charAt(i) >= '0' && ref.charAt(i) <= '9') {
                    i++;
                }
                if (afterNumber) {
                    out.append('/'); // a second number: "3/1", "1.2", "3 - 1"
                }
                int firstSignificant = start;
                while (firstSignificant < i - 1 && ref.charAt(firstSignificant) == '0') {
                    firstSignificant++;
                }
                out.append(ref, firstSignificant, i);
                afterNumber = true;
            } else {
                if (Character.isLetter(c)) {
                    out.append(Character.toUpperCase(c));
                    afterNumber = false;
                }
                i++;
            }
        }
        return out.toString();
    }
}
