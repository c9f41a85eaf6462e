/**
 * The Quartz jobs (DESIGN §7, §8, §11): {@link planbot.scheduler.jobs.SchedulerService} runs the reminder sweep
 * ({@link planbot.scheduler.jobs.SweepJob}) and the digest sweep ({@link planbot.scheduler.jobs.DigestJob}) every
 * few minutes, on Quartz's in-memory store with SQLite and its clustered JDBC store with PostgreSQL. The jobs are
 * thin shells: the services decide, from the database and the keys already in the outbox, what is due; a job
 * catches, logs (with the tenant) and decides what to do about a failure, and never rethrows. Jobs get their
 * services from a {@link org.quartz.spi.JobFactory}, never from a static. Quartz's timing is real time; the
 * services' is an injected {@link java.time.Clock}.
 */
package planbot.scheduler.jobs;
