package arb.bench.runner;

import java.util.List;
import java.util.Map;

import arb.bench.jmh.RingPingPongBenchmark;
import arb.bench.pipeline.QueueChainPipeline;

/**
 * One JMH benchmark class and the parameters it runs with in each mode; {@code micro} suites
 * (nanosecond-scale operations that converge fast) get shorter iterations in quick mode.
 */
record BenchSuite(String benchmark, Map<BenchMode, Map<String, String[]>> params, boolean micro)
{
    /** Every JMH suite {@code scripts/bench} runs, in order. */
    static final List<BenchSuite> ALL = List.of(
        new BenchSuite("RingPingPongBenchmark", Map.of(
            BenchMode.SMOKE, Map.of("handOff", new String[] {"blocking", RingPingPongBenchmark.QUEUE}))),
        new BenchSuite("ConsumerChainBenchmark", Map.of(
            BenchMode.QUICK, Map.of("pipeline", new String[] {"blocking", "busy-spin", QueueChainPipeline.NAME}),
            BenchMode.SMOKE, Map.of("pipeline", new String[] {"blocking", QueueChainPipeline.NAME}))),
        new BenchSuite("JournalAppendBenchmark", Map.of()),
        new BenchSuite("ReplayBenchmark", Map.of(
            BenchMode.QUICK, Map.of("waitStrategy", new String[] {"blocking", "yielding"}),
            BenchMode.SMOKE, Map.of("waitStrategy", new String[] {"blocking"}))),
        new BenchSuite("FrameDecodeBenchmark", Map.of(
            BenchMode.SMOKE, Map.of("frames", new String[] {"kraken-book-update"})), true),
        new BenchSuite("RealCoinbaseDecodeBenchmark", Map.of(), true),
        new BenchSuite("FairValueBenchmark", Map.of(BenchMode.SMOKE, Map.of("dynamics", new String[] {"ARITHMETIC"})), true),
        new BenchSuite("BrtiBenchmark", Map.of(BenchMode.SMOKE, Map.of("levels", new String[] {"100"})), true));

    BenchSuite(final String benchmark, final Map<BenchMode, Map<String, String[]>> params)
    {
        this(benchmark, params, false);
    }

    String[] param(final BenchMode mode, final String name)
    {
        final Map<String, String[]> p = params.get(mode);
        return p == null ? null : p.get(name);
    }
}
