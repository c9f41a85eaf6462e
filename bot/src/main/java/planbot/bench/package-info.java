/**
 * Benchmarks behind {@code ./planbot bench}: each measures real work on real files and prints JSON, with a
 * baseline measured in the same run where a target is stated as a ratio. Speed targets live here, never
 * in timed unit tests.
 */
package planbot.bench;
