package planbot.command;

/** Which tasks {@code list} shows. Text the user typed (a section, a status word, an owner) is kept as typed. */
public sealed interface ListFilter
        permits ListFilter.All, ListFilter.Section, ListFilter.Mine, ListFilter.Overdue, ListFilter.DueWithin,
        ListFilter.WithStatus, ListFilter.Owner {

    /** The furthest ahead {@code list due <n>d} looks, in days. */
    int MAX_DUE_DAYS = 366;

    /** {@code list} or {@code list all}. */
    record All() implements ListFilter {
    }

    /** {@code list section <name>}: the name as typed ({@code enforcement}, {@code IT INFRASTRUCTURE}). */
    record Section(String name) implements ListFilter {
        public Section {
            name = Texts.required(name, "section name");
        }
    }

    /** {@code list mine}. */
    record Mine() implements ListFilter {
    }

    /** {@code list overdue}. */
    record Overdue() implements ListFilter {
    }

    /** {@code list due 14d}: open tasks due from today to today + days, 1 to {@value ListFilter#MAX_DUE_DAYS}. */
    record DueWithin(int days) implements ListFilter {
        public DueWithin {
            if (days < 1 || days > MAX_DUE_DAYS) {
                throw new IllegalArgumentException("due within 1 to " + MAX_DUE_DAYS + " days, not " + days);
            }
        }
    }

    /** {@code list status at risk}: the status word as typed; the service matches it loosely. */
    record WithStatus(String word) implements ListFilter {
        public WithStatus {
            word = Texts.required(word, "status word");
        }
    }

    /** {@code list owner Patsy Dell} or {@code list owner @sam}: the owner as typed. */
    record Owner(String name) implements ListFilter {
        public Owner {
            name = Texts.required(name, "owner");
        }
    }
}
