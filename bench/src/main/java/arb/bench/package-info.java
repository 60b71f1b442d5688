/**
 * JMH benchmarks and the end-to-end latency harness (see bench/RESULTS.md).
 */
package arb.bench;
