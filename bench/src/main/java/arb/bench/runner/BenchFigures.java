package arb.bench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import arb.bench.data.DecodeCase;
import arb.bench.jmh.RingPingPongBenchmark;
import arb.bench.pipeline.QueueChainPipeline;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The figures as data: turns the collected results (JMH runs, the harness's, CPU-cost, import, live and
 * GC properties) into the summary table's rows, each with its goal or baseline and the measured ratio.
 */
final class BenchFigures
{
    private final Map<String, RunResult> jmh;
    private final Path results;
    private final Properties cpu;
    private final Properties imports;
    private final Properties harness;
    private final Map<Integer, Properties> live;
    private final Properties gc;
    private final Properties user;
    private final SummaryTable table = new SummaryTable();

    BenchFigures(final Map<String, RunResult> jmh, final Path results, final Properties cpu, final Properties imports,
        final Properties harness, final Map<Integer, Properties> live, final Properties gc, final Properties user)
    {
        this.user = user;
        this.jmh = jmh;
        this.results = results;
        this.cpu = cpu;
        this.imports = imports;
        this.harness = harness;
        this.live = live;
        this.gc = gc;
    }

    SummaryTable table()
    {
        issue15();
        decode();
        cpu();
        ringHandOff();
        chain();
        journal();
        replay();
        models();
        harness();
        live();
        gc();
        return table;
    }

    private void decode()
    {
        final String section = "frame decode: production decoder (frame -> book/trade state -> SBE events) vs "
            + "Jackson on the same frames; goal >= 10x readTree, faster than streaming, < 0.01 B/op";
        for (final DecodeCase c : DecodeCase.values())
        {
            final String p = "[frames=" + c.id() + "]";
            final RunResult ours = jmh.get("FrameDecodeBenchmark.decoder" + p);
            if (ours == null)
            {
                continue;
            }
            final RunResult tree = jmh.get("FrameDecodeBenchmark.jacksonTree" + p);
            final RunResult streaming = jmh.get("FrameDecodeBenchmark.jacksonStreaming" + p);
            final double us = ours.getPrimaryResult().getScore();
            table.add(section, c.id(), SummaryTable.time(us) + "/frame",
                "readTree " + time(tree) + ", streaming " + time(streaming),
                SummaryTable.ratio(score(tree) / us) + " tree, " + SummaryTable.ratio(score(streaming) / us)
                    + " streaming",
                alloc("FrameDecodeBenchmark.decoder" + p),
                "+-" + SummaryTable.time(ours.getPrimaryResult().getScoreError()) + "; Jackson B/op tree "
                    + alloc("FrameDecodeBenchmark.jacksonTree" + p) + ", streaming "
                    + alloc("FrameDecodeBenchmark.jacksonStreaming" + p));
        }
        final RunResult real = jmh.get("RealCoinbaseDecodeBenchmark.decoder");
        if (real != null)
        {
            final RunResult tree = jmh.get("RealCoinbaseDecodeBenchmark.jacksonTree");
            final RunResult streaming = jmh.get("RealCoinbaseDecodeBenchmark.jacksonStreaming");
            final double mean = real.getPrimaryResult().getScore();
            table.add(section, "real Coinbase capture, mean/frame", SummaryTable.time(mean) + " (p50 "
                + SummaryTable.time(real.getPrimaryResult().getStatistics().getPercentile(50)) + ")",
                "Python json.loads 52 us; readTree " + time(tree) + ", streaming " + time(streaming),
                SummaryTable.ratio(52_000 / mean) + " vs Python (goal x50); " + SummaryTable.ratio(score(tree) / mean)
                    + " tree, " + SummaryTable.ratio(score(streaming) / mean) + " streaming",
                alloc("RealCoinbaseDecodeBenchmark.decoder"),
                "1,030 real frames incl. 5 MB + 2.5 MB snapshots; mean +-"
                    + SummaryTable.time(real.getPrimaryResult().getScoreError()));
        }
    }

    private void cpu()
    {
        if (cpu == null)
        {
            return;
        }
        final String section = "thread CPU time per operation (cross-check that time slices lost to other load "
            + "cannot inflate): decoder vs Jackson, same JVM, interleaved, median of rounds";
        final List<String> names = new java.util.ArrayList<>();
        for (final DecodeCase c : DecodeCase.values())
        {
            names.add(c.id());
        }
        names.add("coinbase-real");
        for (final String n : names)
        {
            final double d = num(cpu, "decode." + n + ".decoder");
            if (Double.isNaN(d))
            {
                continue;
            }
            final double st = num(cpu, "decode." + n + ".streaming");
            final double tr = num(cpu, "decode." + n + ".tree");
            table.add(section, n, SummaryTable.time(d) + " CPU/frame", "readTree " + SummaryTable.time(tr)
                    + ", streaming " + SummaryTable.time(st),
                SummaryTable.ratio(tr / d) + " tree, " + SummaryTable.ratio(st / d) + " streaming"
                    + ("coinbase-real".equals(n) ? "; " + SummaryTable.ratio(52_000 / d) + " vs Python 52 us" : ""),
                "-", "goal >= x10 tree, > x1 streaming");
        }
        if (imports != null)
        {
            final double perFrame = num(imports, "perFrameNs");
            final double marginal = num(imports, "marginalNs");
            table.add(section, "real Coinbase capture, end-to-end import", SummaryTable.time(perFrame)
                    + "/frame incl. engine start/finish; marginal " + SummaryTable.time(marginal) + "/frame",
                "Python approach 52 us/frame", SummaryTable.ratio(52_000 / perFrame) + " / "
                    + SummaryTable.ratio(52_000 / marginal) + " marginal (goal x20)", "-",
                "arb import in process (wall): capture parse, decoders, ring, both journals, chain; "
                    + imports.getProperty("frames") + " frames");
        }
        for (final String levels : List.of("100", "1000"))
        {
            final double ns = num(cpu, "brti." + levels);
            if (!Double.isNaN(ns))
            {
                table.add(section, "BRTI over four " + levels + "-level books", SummaryTable.time(ns)
                    + " CPU/calculation", "100 levels: goal <= 20 us", "100".equals(levels)
                    ? SummaryTable.ratio(20_000 / ns) : "-", "-", "incl. ~40 level writes");
            }
        }
        final double chain = num(cpu, "chain.perEvent");
        if (!Double.isNaN(chain))
        {
            table.add(section, "business chain per event", SummaryTable.time(chain) + " CPU/event",
                "goal 3M events/s = 333 ns", SummaryTable.ratio(333 / chain), "-",
                "one core's ceiling: " + SummaryTable.rate(1e9 / chain) + " events");
        }
    }

    private static double score(final RunResult r)
    {
        return r == null ? Double.NaN : r.getPrimaryResult().getScore();
    }

    private static String time(final RunResult r)
    {
        return r == null ? "?" : SummaryTable.time(r.getPrimaryResult().getScore());
    }

    private void ringHandOff()
    {
        final String section = "ring hand-off: ping-pong round trip (2 hand-offs), vs ArrayBlockingQueue pair";
        final Percentiles base = percentiles("RingPingPongBenchmark.roundTrip[handOff="
            + RingPingPongBenchmark.QUEUE + "]", "ring-ping-pong-" + RingPingPongBenchmark.QUEUE);
        for (final String s : List.of("blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding",
            "busy-spin"))
        {
            final String key = "RingPingPongBenchmark.roundTrip[handOff=" + s + "]";
            final Percentiles p = percentiles(key, "ring-ping-pong-" + s);
            if (p == null)
            {
                continue;
            }
            table.add(section, "round trip, " + s, p.describe(), base == null ? "-" : "ABQ " + base.describe(),
                base == null ? "-" : p.ratioTo(base), alloc(key), p.jmhNote());
        }
        if (base != null)
        {
            final String key = "RingPingPongBenchmark.roundTrip[handOff=" + RingPingPongBenchmark.QUEUE + "]";
            table.add(section, "round trip, ArrayBlockingQueue", base.describe(), "(baseline)", "-", alloc(key),
                base.jmhNote());
        }
    }

    private void chain()
    {
        final String section = "consumer chain: producer -> journaler -> business chain, vs the same stages on "
            + "ArrayBlockingQueues";
        final String q = QueueChainPipeline.NAME;
        final RunResult baseTp = jmh.get("ConsumerChainBenchmark.throughput[pipeline=" + q + "]");
        final Percentiles baseLat = percentiles("ConsumerChainBenchmark.latency[pipeline=" + q + "]",
            "consumer-chain-latency-" + q);
        for (final String s : List.of("blocking", "disruptor-blocking", "lite-blocking", "sleeping", "yielding",
            "busy-spin", q))
        {
            final String tpKey = "ConsumerChainBenchmark.throughput[pipeline=" + s + "]";
            final RunResult tp = jmh.get(tpKey);
            final String name = q.equals(s) ? "ArrayBlockingQueue" : s;
            if (tp != null)
            {
                final Result<?> r = tp.getPrimaryResult();
                table.add(section, "throughput, " + name, SummaryTable.rate(r.getScore()) + " events",
                    q.equals(s) ? "(baseline)" : baseTp == null ? "-" : "ABQ "
                        + SummaryTable.rate(baseTp.getPrimaryResult().getScore()),
                    q.equals(s) || baseTp == null ? "-"
                        : SummaryTable.ratio(r.getScore() / baseTp.getPrimaryResult().getScore()),
                    alloc(tpKey), "+-" + SummaryTable.rate(r.getScoreError()) + " (99.9% CI)");
            }
            final String latKey = "ConsumerChainBenchmark.latency[pipeline=" + s + "]";
            final Percentiles lat = percentiles(latKey, "consumer-chain-latency-" + s);
            if (lat != null)
            {
                table.add(section, "latency per event, " + name, lat.describe(),
                    q.equals(s) ? "(baseline)" : baseLat == null ? "-" : "ABQ " + baseLat.describe(),
                    q.equals(s) || baseLat == null ? "-" : lat.ratioTo(baseLat), alloc(latKey), lat.jmhNote());
            }
        }
    }

    private void journal()
    {
        final String key = "JournalAppendBenchmark.append";
        final Percentiles p = percentiles(key, "journal-append");
        if (p != null)
        {
            table.add("journal append (JournalWriter, generator mix, ~400 B/event)", "append",
                p.describe() + ", max " + SummaryTable.time(p.max()),
                "Chronicle published: 0.78 us p99 write->read", "-",
                alloc(key), p.jmhNote());
        }
    }

    private void replay()
    {
        final String section = "replay: journal -> ring -> all consumers -> output journal (generator mix)";
        final RunResult tailer = jmh.get("ReplayBenchmark.bareTailer");
        final RunResult slot = jmh.get("ReplayBenchmark.readIntoSlot");
        for (final String s : List.of("blocking", "yielding", "busy-spin"))
        {
            final String key = "ReplayBenchmark.replay[waitStrategy=" + s + "]";
            final RunResult r = jmh.get(key);
            if (r != null)
            {
                final double score = r.getPrimaryResult().getScore();
                table.add(section, "replay, " + s, SummaryTable.rate(score) + " events", "goal 3.00M/s",
                    SummaryTable.ratio(score / 3e6), alloc(key),
                    "+-" + SummaryTable.rate(r.getPrimaryResult().getScoreError()));
            }
        }
        if (slot != null)
        {
            table.add(section, "replay producer alone (journal -> slot)",
                SummaryTable.rate(slot.getPrimaryResult().getScore()) + " events", "-", "-",
                alloc("ReplayBenchmark.readIntoSlot"),
                "+-" + SummaryTable.rate(slot.getPrimaryResult().getScoreError()) + "; ceiling of the replay");
        }
        final RunResult chainAlone = jmh.get("ReplayBenchmark.chainAlone");
        if (chainAlone != null)
        {
            table.add(section, "business chain alone (memory -> slot -> stages)",
                SummaryTable.rate(chainAlone.getPrimaryResult().getScore()) + " events", "-", "-",
                alloc("ReplayBenchmark.chainAlone"),
                "+-" + SummaryTable.rate(chainAlone.getPrimaryResult().getScoreError()) + "; ceiling of the replay");
        }
        if (tailer != null)
        {
            table.add(section, "bare Chronicle tailer (no copy)",
                SummaryTable.rate(tailer.getPrimaryResult().getScore()) + " events",
                "Chronicle published: ~5M msgs/s (96 B)", "-", alloc("ReplayBenchmark.bareTailer"),
                "+-" + SummaryTable.rate(tailer.getPrimaryResult().getScoreError()) + "; for scale");
        }
    }

    private void harness()
    {
        if (harness == null)
        {
            return;
        }
        final String section = "end to end: fixed-rate input -> ring -> journaler -> chain, from the intended send "
            + "time (" + harness.getProperty("source", "?") + ", " + harness.getProperty("waitStrategy") + ")";
        final long max = Long.parseLong(harness.getProperty("maxSustainableRate", "0"));
        final int steps = Integer.parseInt(harness.getProperty("steps", "0"));
        for (int i = 0; i < steps; i++)
        {
            final String p = "step." + i + ".";
            final long rate = Long.parseLong(harness.getProperty(p + "rate"));
            final long p99 = Long.parseLong(harness.getProperty(p + "p99"));
            final String measured = "p50 " + SummaryTable.time(num(harness, p + "p50")) + " / p99 "
                + SummaryTable.time(p99) + " / p99.9 " + SummaryTable.time(num(harness, p + "p99.9")) + ", max "
                + SummaryTable.time(num(harness, p + "max"));
            table.add(section, "at " + SummaryTable.rate(rate) + (rate == max ? " (max sustainable)" : ""),
                measured, "goal p99 <= 1 ms", SummaryTable.ratio(1e6 / p99) + " at p99", "-",
                "achieved " + SummaryTable.rate(num(harness, p + "achieved")) + " ("
                    + SummaryTable.rate(num(harness, p + "eventsPerSecond")) + " events), "
                    + ("true".equals(harness.getProperty(p + "flat")) ? "flat" : "BENT"));
        }
        double maxEvents = 0;
        for (int i = 0; i < steps; i++)
        {
            if (Long.parseLong(harness.getProperty("step." + i + ".rate")) == max)
            {
                maxEvents = num(harness, "step." + i + ".eventsPerSecond");
            }
        }
        table.add(section, "maximum sustainable input rate", SummaryTable.rate(max) + " arrivals ("
            + SummaryTable.rate(maxEvents) + " events)", "1M/s driver saturates 2 cores", "-", "-",
            "highest rate with flat latency");
    }

    private void models()
    {
        final String section = "index and models: one calculation on the chain thread";
        for (final String levels : List.of("100", "1000"))
        {
            final String key = "BrtiBenchmark.calculate[levels=" + levels + "]";
            final RunResult r = jmh.get(key);
            if (r != null)
            {
                final double us = r.getPrimaryResult().getScore();
                table.add(section, "BRTI over four " + levels + "-level books", String.format(Locale.ROOT,
                        "%.1f us/calculation", us), "100 levels: goal <= 20 us, 0 B/op",
                    "100".equals(levels) ? SummaryTable.ratio(20 / us) : "-", alloc(key),
                    "+-" + String.format(Locale.ROOT, "%.1f us", r.getPrimaryResult().getScoreError())
                        + "; incl. ~40 level writes");
            }
        }
        for (final String d : List.of("ARITHMETIC", "GEOMETRIC"))
        {
            final String key = "FairValueBenchmark.probabilityYes[dynamics=" + d + "]";
            final RunResult r = jmh.get(key);
            if (r != null)
            {
                table.add(section, "fair value P(YES), " + d.toLowerCase(Locale.ROOT) + " dynamics",
                    SummaryTable.time(r.getPrimaryResult().getScore()) + "/evaluation", "-", "-", alloc(key),
                    "+-" + SummaryTable.time(r.getPrimaryResult().getScoreError()) + "; 4,096 scenarios");
            }
        }
    }

    private void live()
    {
        for (final Map.Entry<Integer, Properties> mode : live.entrySet())
        {
            final Properties l = mode.getValue();
            if (l == null)
            {
                continue;
            }
            final String section = "receive -> strategy evaluation, live against the simulator on loopback ("
                + l.getProperty("seconds") + " s at " + l.getProperty("rate") + "x market speed; every event, "
                + "in-process probe, side file; " + threads(mode.getKey()) + ")";
            for (final String type : List.of("all", "BookUpdate", "BookSnapshot", "Trade", "BestBidOffer", "ClockTick"))
            {
                final String count = l.getProperty(type + ".count");
                if (count == null)
                {
                    continue;
                }
                final double p99 = num(l, type + ".p99");
                table.add(section, type, "p50 " + SummaryTable.time(num(l, type + ".p50")) + " / p99 "
                        + SummaryTable.time(p99) + " / p99.9 " + SummaryTable.time(num(l, type + ".p99.9")) + ", max "
                        + SummaryTable.time(num(l, type + ".max")), "goal p99 <= 1 ms",
                    SummaryTable.ratio(1e6 / p99) + " at p99", "-", String.format(Locale.ROOT, "%,d events",
                        Long.parseLong(count)));
            }
        }
    }

    private static String threads(final int n)
    {
        return n == 1 ? "1 consumer thread: journal then chain" : n + " consumer threads: journaler + chain";
    }

    /**
     * The figures of issue 15, each next to the baseline the issue measured (2-core VM, 2026-12-07):
     * whatever is built on this branch, measured in this run.
     */
    private void issue15()
    {
        final String section = "issue 15: each figure against the issue's baseline (2026-12-07, this 2-core VM)";
        final RunResult replay = jmh.get("ReplayBenchmark.replay[waitStrategy=blocking]");
        if (replay != null)
        {
            final double r = replay.getPrimaryResult().getScore();
            table.add(section, "replay, JMH warmed (blocking)", SummaryTable.rate(r) + " events",
                "1.38M events/s; goal 3M", SummaryTable.ratio(r / 1.38e6), alloc("ReplayBenchmark.replay[waitStrategy=blocking]"),
                "+-" + SummaryTable.rate(replay.getPrimaryResult().getScoreError()));
        }
        if (user != null)
        {
            final double lo = num(user, "freshReplay.eventsPerSecond.min");
            if (!Double.isNaN(lo))
            {
                final double hi = num(user, "freshReplay.eventsPerSecond.max");
                table.add(section, "arb replay, fresh JVM (" + user.getProperty("freshReplay.session") + ")",
                    SummaryTable.rate(lo) + "-" + SummaryTable.rate(hi) + " events", "0.4-1.0M events/s; goal 1.5M",
                    SummaryTable.ratio(lo / 1.0e6) + "-" + SummaryTable.ratio(hi / 0.4e6), "-",
                    "the rate arb replay prints; range over runs");
            }
            final double sweepLo = num(user, "sweep.ratio.min");
            if (!Double.isNaN(sweepLo))
            {
                final double sweepHi = num(user, "sweep.ratio.max");
                table.add(section, user.getProperty("sweep.points") + "-point strategy-only sweep / one replay",
                    String.format(Locale.ROOT, "%.1f-%.1fx one replay", sweepLo, sweepHi), "20x; goal < 2x",
                    SummaryTable.ratio(20 / sweepHi) + "-" + SummaryTable.ratio(20 / sweepLo), "-",
                    "arb sweep vs arb replay in one warmed JVM, " + user.getProperty("sweep.session") + "; one replay "
                        + String.format(Locale.ROOT, "%.2f-%.2f s", num(user, "sweep.replaySeconds.min"),
                        num(user, "sweep.replaySeconds.max")));
            }
            final double paramsLo = num(user, "params.seconds.min");
            if (!Double.isNaN(paramsLo))
            {
                final double paramsHi = num(user, "params.seconds.max");
                table.add(section, "CLI start: scripts/arb params (whole process)",
                    String.format(Locale.ROOT, "%.2f-%.2f s", paramsLo, paramsHi), "0.5 s; goal < 0.15 s",
                    SummaryTable.ratio(0.5 / paramsHi) + "-" + SummaryTable.ratio(0.5 / paramsLo), "-", "wall, range over runs");
            }
            final double importLo = num(user, "import.seconds.min");
            if (!Double.isNaN(importLo))
            {
                final double importHi = num(user, "import.seconds.max");
                table.add(section, "scripts/arb import of the real Coinbase capture (whole process)",
                    String.format(Locale.ROOT, "%.2f-%.2f s", importLo, importHi), "3.3 s (Python approach 0.25 s)",
                    SummaryTable.ratio(3.3 / importHi) + "-" + SummaryTable.ratio(3.3 / importLo) + "; "
                        + SummaryTable.ratio(0.25 / importHi) + "-" + SummaryTable.ratio(0.25 / importLo) + " vs Python",
                    "-", "wall, 1,030 frames, range over runs");
            }
        }
        double treeLo = Double.MAX_VALUE;
        double treeHi = 0;
        double streamLo = Double.MAX_VALUE;
        double streamHi = 0;
        for (final DecodeCase c : DecodeCase.values())
        {
            final String p = "[frames=" + c.id() + "]";
            final double ours = score(jmh.get("FrameDecodeBenchmark.decoder" + p));
            final double tree = score(jmh.get("FrameDecodeBenchmark.jacksonTree" + p)) / ours;
            final double streaming = score(jmh.get("FrameDecodeBenchmark.jacksonStreaming" + p)) / ours;
            if (!Double.isNaN(tree))
            {
                treeLo = Math.min(treeLo, tree);
                treeHi = Math.max(treeHi, tree);
            }
            if (!Double.isNaN(streaming))
            {
                streamLo = Math.min(streamLo, streaming);
                streamHi = Math.max(streamHi, streaming);
            }
        }
        if (treeHi > 0)
        {
            table.add(section, "decode vs Jackson readTree / streaming (JMH, every venue and type)",
                String.format(Locale.ROOT, "%.1f-%.1fx tree, %.2f-%.2fx streaming", treeLo, treeHi, streamLo, streamHi),
                "0.9-1.8x tree, 0.5-1.0x streaming; goal 10x tree", SummaryTable.ratio(treeLo / 0.9) + " at the low end",
                "-", "per frame type: the frame decode section below");
        }
        final RunResult brti = jmh.get("BrtiBenchmark.calculate[levels=100]");
        if (brti != null)
        {
            final double us = brti.getPrimaryResult().getScore();
            table.add(section, "index calculation, four 100-level books", String.format(Locale.ROOT, "%.1f us", us),
                "26 us; goal 10 us", SummaryTable.ratio(26 / us), alloc("BrtiBenchmark.calculate[levels=100]"),
                "+-" + String.format(Locale.ROOT, "%.1f us", brti.getPrimaryResult().getScoreError()));
        }
        for (final Map.Entry<Integer, Properties> mode : live.entrySet())
        {
            final Properties l = mode.getValue();
            if (l == null || l.getProperty("all.p99") == null)
            {
                continue;
            }
            final double lo = num(l, "all.p99.min");
            final double hi = num(l, "all.p99.max");
            table.add(section, "live receive -> evaluation p99, " + threads(mode.getKey()),
                SummaryTable.time(lo) + (hi > lo ? "-" + SummaryTable.time(hi) : ""), "1.69 ms (2 threads); goal 1 ms",
                SummaryTable.ratio(1.69e6 / hi) + (hi > lo ? "-" + SummaryTable.ratio(1.69e6 / lo) : ""), "-",
                l.getProperty("runs") + " run(s) of " + l.getProperty("seconds") + " s at " + l.getProperty("rate")
                    + "x vs the simulator, " + l.getProperty("cores", "?") + " cores");
        }
    }

    private void gc()
    {
        if (gc == null)
        {
            return;
        }
        final long collections = Long.parseLong(gc.getProperty("collections", "-1"));
        final long logPauses = Long.parseLong(gc.getProperty("logPausesAfterWarmup", "-1"));
        final String section = "hot-path allocation: replay of " + String.format(Locale.ROOT, "%,d",
            Long.parseLong(gc.getProperty("events"))) + " events at -Xmx" + gc.getProperty("heapMaxMb") + "m";
        table.add(section, "GC after warm-up", collections + " collections (GC log: " + logPauses + " pauses)",
            "goal: none", collections == 0 && logPauses <= 0 ? "PASS" : "FAIL",
            String.format(Locale.ROOT, "%.4f/event", num(gc, "bytesPerEvent")),
            gc.getProperty("site.0", "JFR: no allocation on engine threads"));
    }

    private String alloc(final String key)
    {
        final RunResult r = jmh.get(key);
        if (r == null)
        {
            return "?";
        }
        final Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? "?" : SummaryTable.bytes(norm.getScore());
    }

    private Percentiles percentiles(final String key, final String hdrName)
    {
        final RunResult r = jmh.get(key);
        if (r == null)
        {
            return null;
        }
        try
        {
            final Properties hdr = BenchRunner.load(results.resolve("hdr").resolve(hdrName + ".properties"));
            if (hdr != null)
            {
                return new Percentiles(num(hdr, "p50.0"), num(hdr, "p99.0"), num(hdr, "p99.9"), num(hdr, "max"),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), true);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        final var stats = r.getPrimaryResult().getStatistics();
        return new Percentiles(stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9),
            stats.getMax(), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), false);
    }

    private static double num(final Properties p, final String key)
    {
        final String v = p.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }
}
