package planbot.platform;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread pools a platform adapter runs its work on (commands, clicks, post-ack answers), made and stopped one way:
 * daemon threads named after the platform, a bounded queue that refuses ({@link java.util.concurrent.RejectedExecutionException})
 * rather than grows without end — the adapter then tells the user planbot is busy — and a stop that lets work in flight
 * finish briefly. Stateless.
 */
public final class Workers {
    private Workers() {
    }

    /**
     * A pool of {@code threads} daemon threads named {@code prefix1, prefix2…} with room for {@code queue} waiting
     * tasks; beyond that {@code execute} throws RejectedExecutionException.
     */
    public static ThreadPoolExecutor bounded(String prefix, int threads, int queue) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemons(prefix));
    }

    /** Daemon threads named {@code prefix1, prefix2…}: they never keep the JVM alive. */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops taking work and lets what is running finish for up to {@code patience}, then interrupts it. */
    public static void stop(ExecutorService pool, Duration patience) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
