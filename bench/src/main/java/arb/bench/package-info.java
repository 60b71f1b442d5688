/**
 * JMH benchmarks and the end-to-end latency harness (see bench/RESULTS.md and docs/bench.md):
 * {@code jmh} the benchmarks, {@code latency} the harness and live run, {@code pipeline} the consumer
 * chain and its queue baseline, {@code data} the fixtures, {@code runner} {@code scripts/bench}'s
 * orchestration, figures and output. {@link arb.bench.JvmOptions} (the shared JVM flags) lives here.
 */
package arb.bench;
