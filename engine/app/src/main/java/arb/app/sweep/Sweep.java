package arb.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import arb.engine.chain.BusinessChain;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.OutputListener;
import arb.engine.chain.RunParamsEchoStage;
import arb.engine.config.ParamCatalog;
import arb.engine.config.Params;
import arb.engine.results.OutputDigest;
import arb.engine.results.TradingResults;
import arb.engine.run.ChainFactory;
import arb.engine.run.Replay;
import arb.engine.run.ReplaySource;
import arb.engine.strategy.TradingDeskFactory;
import arb.engine.strategy.TradingStage;
import arb.journal.JournalReader;
import arb.journal.RunDirectory;
import org.agrona.DirectBuffer;

/**
 * Replays one or more journals under every point of a parameter grid: a deterministic backtest per
 * point, each point's result a pure function of the journals and its parameters (so a point equals
 * a single replay with the same parameters, output digest included), whatever the thread count.
 *
 * <p>Two ways to run it, measured on a 2-core machine (bench/RESULTS.md, "Sweeps" and "Shared-prefix
 * sweeps"): {@link Mode#FAN_OUT} (default) groups the points by their market-side parameters (all but
 * the desk-only ones, {@link ParamCatalog#isDeskOnly}); each group reads each journal once and runs
 * ONE pass of the books, the index and the Kalshi markets ({@link ChainFactory#buildPrefix}), whose
 * outputs are copied into every point's output, and only the points' desks (strategies, broker) and
 * results fan out ({@link SharedPrefixSink}), with no ring and no hand-off between threads.
 * {@link Mode#SEPARATE} runs one ordinary replay (ring, producer and chain threads) per point.
 *
 * <p>Journals are played in the order given, as one continuous account per point: the results and
 * the output digest run on across them.
 */
public final class Sweep
{
    /** How the points are run. */
    public enum Mode
    {
        FAN_OUT, SEPARATE
    }

    /** Progress callback: work units are events × points; called from worker threads. */
    public interface Progress
    {
        void update(long unitsDone, long unitsTotal, int pointsDone, int pointsTotal);
    }

    /** What to sweep. */
    public static final class Request
    {
        private final List<Path> journals = new ArrayList<>();
        private SweepGrid grid;
        private int parallel = 1;
        private Mode mode = Mode.FAN_OUT;
        private Progress progress;
        private double split;

        /** A run directory whose input journal every point replays. */
        public Request journal(final Path journal)
        {
            journals.add(journal);
            return this;
        }

        public Request journals(final Collection<Path> journals)
        {
            this.journals.addAll(journals);
            return this;
        }

        public Request grid(final SweepGrid grid)
        {
            this.grid = grid;
            return this;
        }

        /** Threads (at most one per point). */
        public Request parallel(final int parallel)
        {
            this.parallel = parallel;
            return this;
        }

        public Request mode(final Mode mode)
        {
            this.mode = mode;
            return this;
        }

        public Mode mode()
        {
            return mode;
        }

        public Request progress(final Progress progress)
        {
            this.progress = progress;
            return this;
        }

        /**
         * Walk-forward: the fraction (0 &lt; F &lt; 1) of the journals' event time that ranks the points;
         * the rest is held out ({@link WalkForward}). 0: no split.
         */
        public Request split(final double split)
        {
            if (split != 0 && !(split > 0 && split < 1))
            {
                throw new IllegalArgumentException("--split must be a fraction between 0 and 1 (exclusive), got " + split);
            }
            this.split = split;
            return this;
        }

        public double split()
        {
            return split;
        }
    }

    /** The event time the journals span, in the order given (checked to be time-ordered). */
    public record Span(long firstNs, long lastNs)
    {
        /** The end of the training part of a walk-forward split at fraction {@code f}. */
        public long cutoffNs(final double f)
        {
            return firstNs + (long)((lastNs - firstNs) * f);
        }
    }

    /** One point's outcome. */
    public record Row(int point, Map<String, String> overrides, TradingResults results, String outputDigest)
    {
    }

    private Sweep()
    {
    }

    /**
     * Checks everything a sweep needs before any work or output: each journal has an input journal
     * and readable parameters, every grid value is valid for every journal's parameters (the chain a
     * point would run is built once per value), and, with a split, the journals are in time order.
     */
    public static void validate(final Request r)
    {
        if (r.journals.isEmpty())
        {
            throw new IllegalArgumentException("no journal to sweep");
        }
        final List<Params> base = new ArrayList<>();
        for (final Path j : r.journals)
        {
            base.add(Replay.journaledParams(RunDirectory.open(j), new ArrayList<>()));
        }
        for (final Params b : base)
        {
            r.grid.validate(b);
        }
        if (r.split > 0)
        {
            span(r);
        }
    }

    /** The event time of the journals; with several, each must start after the previous one ends. */
    public static Span span(final Request r)
    {
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        Path previous = null;
        for (final Path j : r.journals)
        {
            final long[] range = timeRange(RunDirectory.open(j).input());
            if (range[0] == Long.MIN_VALUE)
            {
                continue;
            }
            if (last != Long.MIN_VALUE && range[0] < last)
            {
                throw new IllegalArgumentException("a walk-forward split needs the journals in time order: " + j
                    + " starts before " + previous + " ends");
            }
            first = first == Long.MIN_VALUE ? range[0] : first;
            last = range[1];
            previous = j;
        }
        if (first == Long.MIN_VALUE || last <= first)
        {
            throw new IllegalArgumentException("the journals span no event time to split");
        }
        return new Span(first, last);
    }

    public static List<Row> run(final Request r)
    {
        validate(r);
        final int points = r.grid.size();
        final List<Params> base = new ArrayList<>();
        long eventsPerPass = 0;
        for (final Path j : r.journals)
        {
            final RunDirectory dir = RunDirectory.open(j);
            base.add(Replay.journaledParams(dir, new ArrayList<>()));
            eventsPerPass += countEvents(dir.input());
        }
        final List<PointRun> runs = pointRuns(r, base);
        final List<List<PointRun>> tasks = r.mode == Mode.FAN_OUT ? tasks(runs) : null;
        final int threads = Math.max(1, Math.min(r.parallel, tasks != null ? tasks.size() : points));
        final long total = eventsPerPass * points;
        final AtomicLong done = new AtomicLong();
        final AtomicInteger pointsDone = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(threads, runnable ->
        {
            final Thread t = new Thread(runnable, "arb-sweep");
            t.setDaemon(true);
            return t;
        });
        try
        {
            final List<Future<?>> futures = new ArrayList<>();
            if (r.mode == Mode.FAN_OUT)
            {
                for (final List<PointRun> task : tasks)
                {
                    futures.add(pool.submit(() -> fanOut(r, task, done, total, pointsDone, points)));
                }
            }
            else
            {
                for (final PointRun p : runs)
                {
                    futures.add(pool.submit(() -> separate(r, p, done, total, pointsDone, points)));
                }
            }
            for (final Future<?> f : futures)
            {
                f.get();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        }
        catch (final java.util.concurrent.ExecutionException e)
        {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException)
            {
                throw (RuntimeException)cause;
            }
            throw new IllegalStateException("sweep failed", cause);
        }
        finally
        {
            pool.shutdownNow();
        }
        final List<Row> rows = new ArrayList<>(points);
        for (final PointRun p : runs)
        {
            p.results.onEnd();
            rows.add(new Row(p.index, p.overrides, p.results, p.digest.finish()));
        }
        return rows;
    }

    /** Each grid point with its parameters per journal (unknown keys fail here, before any work). */
    private static List<PointRun> pointRuns(final Request r, final List<Params> base)
    {
        final List<PointRun> runs = new ArrayList<>(r.grid.size());
        for (int i = 0; i < r.grid.size(); i++)
        {
            final PointRun p = new PointRun(i, r.grid.point(i));
            for (final Params b : base)
            {
                p.params.add(b.with(p.overrides));
            }
            runs.add(p);
        }
        return runs;
    }

    /**
     * How many shared passes of books, index and Kalshi markets a fan-out sweep runs at
     * {@code --parallel 1}: the number of distinct market-side parameter sets among the points.
     */
    public static int groups(final Request r)
    {
        final List<Params> base = new ArrayList<>();
        for (final Path j : r.journals)
        {
            base.add(Replay.journaledParams(RunDirectory.open(j), new ArrayList<>()));
        }
        final java.util.Set<List<Map<String, String>>> keys = new java.util.HashSet<>();
        for (final PointRun p : pointRuns(r, base))
        {
            keys.add(marketKey(p.params));
        }
        return keys.size();
    }

    /**
     * The fan-out work units: points grouped by their market-side parameters (every key that is not
     * {@link ParamCatalog#isDeskOnly}, for every journal), each group one shared pass run by one
     * thread. A group is never cut across threads: a second thread would need a second pass of the
     * prefix (measured: 26-45% more CPU for a 20-point group, and slower on a loaded 2-core machine,
     * bench/RESULTS.md "Shared-prefix sweeps"), so {@code --parallel} helps only with several groups.
     * Groups keep the order of their first point, points their grid order; the units change no result.
     */
    static List<List<PointRun>> tasks(final List<PointRun> runs)
    {
        final Map<List<Map<String, String>>, List<PointRun>> groups = new LinkedHashMap<>();
        for (final PointRun p : runs)
        {
            groups.computeIfAbsent(marketKey(p.params), k -> new ArrayList<>()).add(p);
        }
        return new ArrayList<>(groups.values());
    }

    /** The parameters a point's shared prefix depends on, per journal: all but the desk-only ones. */
    static List<Map<String, String>> marketKey(final List<Params> params)
    {
        final List<Map<String, String>> key = new ArrayList<>(params.size());
        for (final Params p : params)
        {
            final Map<String, String> market = new TreeMap<>();
            for (final Map.Entry<String, String> e : p.asMap().entrySet())
            {
                if (!ParamCatalog.isDeskOnly(e.getKey()))
                {
                    market.put(e.getKey(), e.getValue());
                }
            }
            key.add(market);
        }
        return key;
    }

    /**
     * One group's points for journal {@code j}: one prefix (books, index, Kalshi markets) from the
     * first point's parameters, whose outputs are captured, and per point a chain of its run-params
     * echo, the captured outputs' re-emission and its own trading desk over the prefix's ports, all
     * writing into the point's output (its results and digest listen).
     */
    static SharedPrefixSink groupSink(final List<PointRun> share, final int j)
    {
        final Params first = share.get(0).params.get(j);
        final SharedPrefixSink.Captured captured = new SharedPrefixSink.Captured();
        final OutputJournal prefixOut = new OutputJournal(null);
        prefixOut.addListener(captured);
        final ChainFactory.Prefix prefix = ChainFactory.buildPrefix(first, prefixOut);
        final List<BusinessChain> chains = new ArrayList<>(share.size());
        final List<String> texts = new ArrayList<>(share.size());
        for (final PointRun p : share)
        {
            final Params params = p.params.get(j);
            final OutputJournal out = new OutputJournal(null);
            out.addListener(p.forward);
            out.addListener(p.digest);
            final TradingStage trading = ChainFactory.tradingStage(prefix, TradingDeskFactory.create(params, out));
            chains.add(new BusinessChain(List.of(new RunParamsEchoStage(out), new SharedPrefixSink.ReplayStage(captured, out),
                trading), out));
            texts.add(params.toText());
        }
        return new SharedPrefixSink(new BusinessChain(prefix.stages(), prefixOut), prefixOut, first.toText(), captured,
            chains, texts);
    }

    /** Runs one group's points (equal market-side parameters) over one shared prefix per journal. */
    private static void fanOut(final Request r, final List<PointRun> share, final AtomicLong done, final long total,
        final AtomicInteger pointsDone, final int points)
    {
        for (int j = 0; j < r.journals.size(); j++)
        {
            final Params first = share.get(0).params.get(j);
            final SharedPrefixSink sink = groupSink(share, j);
            final long every = 1 << 14;
            final ReplaySource source = new ReplaySource(RunDirectory.open(r.journals.get(j)).input(), first.toText(), 0);
            if (r.progress != null)
            {
                source.progress((n, recvNs) -> r.progress.update(done.addAndGet(every * share.size()), total,
                    pointsDone.get(), points), every);
            }
            final long read = source.run(sink);
            done.addAndGet((read % every) * share.size());
            sink.end();
        }
        for (int i = 0; i < share.size(); i++)
        {
            final int n = pointsDone.incrementAndGet();
            if (r.progress != null)
            {
                r.progress.update(done.get(), total, n, points);
            }
        }
    }

    private static void separate(final Request r, final PointRun p, final AtomicLong done, final long total,
        final AtomicInteger pointsDone, final int points)
    {
        for (int j = 0; j < r.journals.size(); j++)
        {
            final Replay.Request q = new Replay.Request();
            final Params params = p.params.get(j);
            q.source(r.journals.get(j)).out(null).overrides(ignored -> params);
            q.listener(p.forward).listener(p.digest);
            final long every = 1 << 16;
            if (r.progress != null)
            {
                q.progress((n, recvNs) -> r.progress.update(done.addAndGet(every), total, pointsDone.get(), points));
            }
            final Replay.Result result = Replay.run(q);
            done.addAndGet(result.events() % every);
            if (result.engine().fatalError() != null)
            {
                throw new IllegalStateException("point " + p.index + " failed: " + result.engine().fatalError());
            }
        }
        final int n = pointsDone.incrementAndGet();
        if (r.progress != null)
        {
            r.progress.update(done.get(), total, n, points);
        }
    }

    /** Events in an input journal, checked whole against its run.json (a damaged journal is refused: exit 2). */
    static long countEvents(final Path input)
    {
        final arb.journal.JournalCheck.Result r = arb.journal.JournalCheck.check(input,
            arb.journal.RunManifest.expected(input.getParent(), RunDirectory.INPUT));
        if (!r.ok())
        {
            throw new arb.journal.JournalCheck.JournalProblem(r);
        }
        return r.events();
    }

    /** First and last receive time of a journal's events (Long.MIN_VALUE for none). */
    static long[] timeRange(final Path input)
    {
        final byte[] buf = new byte[arb.journal.Events.SLOT_CAPACITY];
        final org.agrona.concurrent.UnsafeBuffer view = new org.agrona.concurrent.UnsafeBuffer(buf);
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        try (JournalReader reader = new JournalReader(input))
        {
            while (reader.next(buf) >= 0)
            {
                final long t = arb.journal.Events.recvNs(view, 0);
                if (t > 0)
                {
                    first = first == Long.MIN_VALUE ? t : Math.min(first, t);
                    last = Math.max(last, t);
                }
            }
        }
        return new long[] {first, last};
    }

    /** One grid point: its parameters per journal and its results, carried across journals. */
    static final class PointRun
    {
        final int index;
        final Map<String, String> overrides;
        final List<Params> params = new ArrayList<>();
        final TradingResults results = new TradingResults();
        final OutputDigest digest = new OutputDigest();
        /** Forwards outputs but not the end of each journal: the results end after the last one. */
        final OutputListener forward = new OutputListener()
        {
            @Override
            public void onOutput(final DirectBuffer buffer, final int length)
            {
                results.onOutput(buffer, length);
            }
        };

        PointRun(final int index, final Map<String, String> overrides)
        {
            this.index = index;
            this.overrides = overrides;
        }
    }
}
