/** Benchmarks the command line runs ({@code ./planbot bench remind}): they build their own data and report numbers. */
package planbot.scheduler.bench;
