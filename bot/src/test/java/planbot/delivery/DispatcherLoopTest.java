package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.storage.OutboxMessage;

/** The background loop: it delivers without being asked, and stopping lets the message in flight finish. */
class DispatcherLoopTest {
    @TempDir
    Path dir;

    /** The fake platform, but each send waits for the test to let it through. */
    private static final class GatedMessenger implements Messenger {
        final FakeMessenger platform;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedMessenger(FakeMessenger platform) {
            this.platform = platform;
        }

        @Override
        public String platform() {
            return FakeMessenger.PLATFORM;
        }

        @Override
        public SendResult send(Notice notice, Recipient recipient) {
            entered.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the send through");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return platform.send(notice, recipient);
        }
    }

    @Test
    void stopWaitsForTheMessageInFlightAndHandsTheRestOfTheBatchBack() throws Exception {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "One", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Two", DeliveryFixture.DAY, "Priya"),
                DeliveryFixture.task(3, "Three", DeliveryFixture.DAY, "Sam")))) {
            // GIVEN three reminders for three people, and the loop running with the first send in flight
            f.sweep();
            GatedMessenger gated = new GatedMessenger(f.messenger);
            OutboxDispatcher dispatcher = f.dispatcher(DeliveryConfig.defaults(), List.of(gated));
            dispatcher.start();
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();

            // WHEN it is stopped
            List<Throwable> failures = new ArrayList<>();
            Thread stopper = new Thread(() -> {
                try {
                    dispatcher.stop();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            stopper.start();
            stopper.join(300);
            // THEN stop waits while the message is in flight
            assertThat(stopper.isAlive()).isTrue();
            gated.release.countDown();
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
            assertThat(failures).isEmpty();

            // AND the one in flight was sent and recorded; the other two are back as they were, due now
            assertThat(f.messenger.posted()).hasSize(1);
            List<OutboxMessage> rows = f.rows();
            assertThat(rows.get(0).state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(rows.subList(1, 3)).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(OutboxMessage.State.NEW);
                assertThat(m.attempts()).isZero();
                assertThat(m.nextAttemptAt()).isEqualTo(DeliveryFixture.NINE);
            });

            // WHEN it is started again
            dispatcher.start();
            try {
                for (int i = 0; i < 500 && f.messenger.posted().size() < 3; i++) {
                    Thread.sleep(10); // waiting for the background thread itself; the clock stands still
                }
            } finally {
                dispatcher.stop();
            }
            // THEN the rest go, once each
            assertThat(f.messenger.posted()).extracting(FakeMessenger.Call::key).doesNotHaveDuplicates().hasSize(3);
        }
    }
}
