package planbot.cli;

import java.nio.file.Path;
import planbot.domain.Role;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The serving process {@link BackupCliTest} backs up from another JVM: the real App on {@code FOLDER/testbot.db},
 * changing two tasks' statuses as fast as it can (each change and its audit event in one transaction). Prints
 * {@code ready} once the plan is in and the first changes are made; runs until it is killed.
 */
public final class BackupWriterChild {
    static final String[] CHANGES = {"update EN3/1 at risk waiting on legal", "update EN3/2 on target",
            "update EN3/1 in progress", "done EN3/2 report drafted", "update EN3/2 in progress"};

    private BackupWriterChild() {
    }

    public static void main(String[] args) {
        TestBot bot = TestBot.start(Path.of(args[0]))
                .importPlan(PlanEdits.sample().owner("EN003/01", BackupCliTest.OLIVIA).owner("EN003/02", BackupCliTest.OLIVIA).plan())
                .person(BackupCliTest.OLIVIA, Role.OFFICER);
        for (int n = 0; ; n++) {
            Reply reply = bot.send(BackupCliTest.OLIVIA, CHANGES[n % CHANGES.length]);
            if (reply instanceof Failure) {
                System.err.println("refused: " + reply);
                System.exit(2);
            }
            if (n == CHANGES.length) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
