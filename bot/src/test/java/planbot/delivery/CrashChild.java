package planbot.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.storage.Database;
import planbot.storage.JdbiAuditRepository;
import planbot.storage.JdbiOutboxRepository;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.JdbiSnoozeRepository;
import planbot.storage.JdbiTaskRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.OutboxRepository;

/**
 * The process {@link CrashTest} kills: a sweep and a dispatcher on one SQLite file, as {@code planbot serve}
 * would run them, delivering to a "platform" that is a file. Each message's outbox key is appended to the file
 * and forced to disk before the messenger returns, that is before the dispatcher records the row as sent: the
 * file is the truth about what reached the platform.
 *
 * <p>Arguments: the JDBC URL, the instant the sweep decides for, this run's number (the dispatcher's clock is
 * that many hours after the sweep instant, so rows a killed run left claimed have lapsed), the delivery file,
 * and a pause per send in milliseconds (network latency, so that kills land during delivery). Prints
 * {@code ready} once the database is open, {@code swept} and {@code done}; exits 0 when the outbox is empty.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** The file platform: one line per post, on disk before the post counts as made. */
    static final class FileMessenger implements Messenger {
        private final FileChannel file;
        private final long pauseMillis;

        FileMessenger(Path path, long pauseMillis) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            this.pauseMillis = pauseMillis;
        }

        @Override
        public String platform() {
            return "file";
        }

        @Override
        public SendResult send(Notice notice, Recipient recipient) {
            try {
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                file.write(ByteBuffer.wrap((String.join(" ", FakeMessenger.keys(notice)) + "\n").getBytes(StandardCharsets.UTF_8)));
                file.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.RetryLater(null, "interrupted");
            }
            return new SendResult.Sent("file-" + notice.outboxId());
        }

        @Override
        public Duration pace() {
            return Duration.ZERO;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Instant at = Instant.parse(args[1]);
        int run = Integer.parseInt(args[2]);
        Path delivered = Path.of(args[3]);
        long pause = Long.parseLong(args[4]);

        Database db = Database.open(url);
        System.out.println("ready");
        System.out.flush();
        OutboxRepository outbox = new JdbiOutboxRepository(db);
        // small batches, so that a kill can land between two of them
        ReminderSweep sweep = new ReminderSweep(db, new JdbiReminderStateRepository(db), new PolicySource(new JdbiReminderStateRepository(db), ReminderPolicy.defaults()),
                new JdbiReminderTaskRepository(db), outbox, Clock.fixed(at, ZoneOffset.UTC), 5);
        sweep.sweep(SweepRequest.allTenants(at));
        System.out.println("swept");
        System.out.flush();

        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at.plus(Duration.ofHours(run))));
        JdbiTaskRepository tasks = new JdbiTaskRepository(db);
        // forty recipients, so that some messages carry one reminder and some several
        Routing routing = (tenant, e) -> new Recipient("file", "inbox-" + (e.taskId() == null ? 0 : e.taskId() % 40), "someone");
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, outbox, new JdbiTenantRepository(db), new JdbiAuditRepository(db),
                new NoticeBuilder(tasks, new JdbiSnoozeRepository(db),
                        new PolicySource(new JdbiReminderStateRepository(db), ReminderPolicy.defaults()), new DigestSource(db)), routing,
                List.of(new FileMessenger(delivered, pause)),
                DeliveryConfig.defaults().withBatchSize(20).withLease(Duration.ofSeconds(30)), clock);
        while (dispatcher.runOnce().claimed() > 0) {
            // until nothing is due
        }
        System.out.println("done");
        System.out.flush();
        db.close();
        System.exit(0);
    }
}
