package arb.bench.jmh;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import arb.bench.JvmOptions;
import arb.bench.data.BenchCaptures;
import arb.bench.data.BenchSessions;
import arb.bench.data.EventLog;
import arb.bench.data.TestSessions;
import arb.bench.latency.LatencyHarness;
import arb.bench.latency.PreEncodedArrivals;
import arb.bench.pipeline.QueueChainPipeline;
import arb.bench.runner.BenchRunner;
import arb.bench.runner.GcCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke run (the only part of the benchmarks in the test suite): every benchmark starts and
 * produces a score with an allocation figure, a real JMH fork gets the flags of scripts/jvm.options
 * (Chronicle fails without them), and the latency harness and the GC check run end to end. Seconds,
 * not minutes: one very short iteration each, on a 2-minute session.
 */
@Tag("slow")
@Timeout(300)
class BenchmarksStartTest
{
    @TempDir
    static Path tmp;

    @BeforeAll
    static void session()
    {
        TestSessions.use(tmp);
        System.setProperty(BenchCaptures.SECONDS_PROPERTY, "3");
    }

    @Test
    void everyBenchmarkStartsAndReportsAllocation() throws Exception
    {
        final Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include("arb\\.bench\\.jmh\\..*Benchmark\\.")
            .exclude("RealCoinbase")
            .param("handOff", "blocking", RingPingPongBenchmark.QUEUE)
            .param("waitStrategy", "blocking")
            .param("pipeline", "blocking", QueueChainPipeline.NAME)
            .param("frames", "kraken-book-update")
            .param("dynamics", "GEOMETRIC")
            .param("levels", "100")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(20))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(tmp.resolve("jmh.log").toString())
            .build()).run();
        final Set<String> ran = results.stream().map(BenchRunner::key).collect(Collectors.toSet());
        assertThat(ran).contains(
            "RingPingPongBenchmark.roundTrip[handOff=blocking]",
            "RingPingPongBenchmark.roundTrip[handOff=" + RingPingPongBenchmark.QUEUE + "]",
            "ConsumerChainBenchmark.throughput[pipeline=blocking]",
            "ConsumerChainBenchmark.latency[pipeline=" + QueueChainPipeline.NAME + "]",
            "JournalAppendBenchmark.append",
            "ReplayBenchmark.replay[waitStrategy=blocking]",
            "ReplayBenchmark.readIntoSlot",
            "ReplayBenchmark.chainAlone",
            "ReplayBenchmark.bareTailer",
            "FrameDecodeBenchmark.decoder[frames=kraken-book-update]",
            "FrameDecodeBenchmark.jacksonTree[frames=kraken-book-update]",
            "FrameDecodeBenchmark.jacksonStreaming[frames=kraken-book-update]",
            "FairValueBenchmark.probabilityYes[dynamics=GEOMETRIC]",
            "BrtiBenchmark.calculate[levels=100]");
        for (final RunResult r : results)
        {
            assertThat(r.getPrimaryResult().getScore()).as(BenchRunner.key(r)).isPositive();
            assertThat(r.getSecondaryResults()).as(BenchRunner.key(r)).containsKey("gc.alloc.rate.norm");
        }
    }

    @Test
    void aForkedBenchmarkGetsTheProjectJvmFlags() throws Exception
    {
        final Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include("arb\\.bench\\.jmh\\.JournalAppendBenchmark\\.")
            .forks(1)
            .jvmArgsAppend(forkArgs())
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(50))
            .shouldFailOnError(true)
            .output(tmp.resolve("jmh-fork.log").toString())
            .build()).run();
        assertThat(results).hasSize(1);
        assertThat(results.iterator().next().getPrimaryResult().getSampleCount()).isPositive();
    }

    @Test
    void theLatencyHarnessMeasuresEveryRateItRuns()
    {
        final LatencyHarness.Config c = new LatencyHarness.Config();
        c.rates(new long[] {2_000, 4_000});
        c.warmupSeconds(0.05);
        c.measureSeconds(0.2);
        c.jitWarmupArrivals(2_000);
        c.bendFactor(1_000); // a smoke run on a busy machine must not stop early
        final EventLog log = EventLog.load(BenchSessions.session());
        final LatencyHarness.Result r = LatencyHarness.run(c, () -> new PreEncodedArrivals(log),
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(r.steps()).hasSize(2);
        for (final LatencyHarness.Step s : r.steps())
        {
            assertThat(s.arrivals()).isEqualTo((long)(s.targetRate() * c.measureSeconds()));
            assertThat(s.p50()).isPositive().isLessThanOrEqualTo(s.p99());
            assertThat(s.p99()).isLessThanOrEqualTo(s.max());
        }
    }

    @Test
    void theGcCheckReplaysAndAccountsForEveryEngineThread()
    {
        final GcCheck.Result r = GcCheck.run(60_000, 20_000, "blocking", null);
        assertThat(r.chainErrors()).isZero();
        assertThat(r.threadBytes()).containsKeys("producer", "arb-chain");
        assertThat(r.seconds()).isPositive();
    }

    private static String[] forkArgs()
    {
        final List<String> args = new java.util.ArrayList<>(List.of(JvmOptions.forForks()));
        args.add("-D" + BenchSessions.DATA_PROPERTY + "=" + tmp);
        args.add("-D" + BenchSessions.MINUTES_PROPERTY + "=" + TestSessions.MINUTES);
        args.add("-D" + BenchCaptures.SECONDS_PROPERTY + "=3");
        args.add("-D" + JvmOptions.PROPERTY + "=" + JvmOptions.locate());
        return args.toArray(new String[0]);
    }
}
