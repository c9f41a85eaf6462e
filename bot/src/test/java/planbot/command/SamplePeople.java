package planbot.command;

import java.nio.file.Path;
import planbot.domain.Role;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The bundled sample plan with people in every role, for the command service's tests. The clock stands at
 * Monday 15 May 2023, 09:00: EN003's tasks are due on 31/05/2023 (green), EN005/03 on 31/03/2023 (45 days
 * overdue).
 */
final class SamplePeople {
    /** Officer: owns EN003/01, EN003/02 and the overdue EN005/03. */
    static final String OLIVIA = "Olivia Officer";
    /** Officer: owns EN003/03. */
    static final String OSCAR = "Oscar Other";
    /** Lead of ENFORCEMENT 003 (EN003); owns nothing. */
    static final String LIAM = "Liam Lead";
    /** Lead of ENFORCEMENT 005 (EN005); owns nothing. */
    static final String LENA = "Lena Lead";
    static final String VERA = "Vera Viewer";
    static final String MONA = "Mona Manager";
    static final String ADA = "Ada Admin";

    private SamplePeople() {
    }

    static TestBot open(Path dir) {
        return TestBot.start(dir)
                .importPlan(PlanEdits.sample()
                        .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA)
                        .owner("EN003/03", OSCAR)
                        .lead("EN003", LIAM).lead("EN005", LENA)
                        .plan())
                .person(VERA, Role.VIEWER)
                .person(MONA, Role.MANAGER)
                .person(ADA, Role.ADMIN);
    }
}
