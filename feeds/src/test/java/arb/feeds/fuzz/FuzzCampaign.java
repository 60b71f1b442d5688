package arb.feeds.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The long fuzz campaign ({@code scripts/fuzz --minutes N [--seed S] [--findings DIR]}): feeds every
 * target of {@link FuzzTargets} inputs from {@link FrameMutator} in turn for N minutes and prints,
 * per target and in total, the inputs tried, exceptions escaped (thrown out of a decoder, or caught
 * by a decoder's last-resort guard), hangs (one input running longer than 2 s, found by a watchdog
 * thread) and the slowest input. Findings are written to the findings directory. Exit code 0 when
 * there is none, 1 otherwise.
 */
public final class FuzzCampaign
{
    private static final long HANG_NS = 2_000_000_000L;

    private volatile long inputStartedNs;
    private volatile long inputSeq;
    private volatile byte[] current;
    private volatile String currentTarget;

    /** Counts of one target. */
    private static final class Tally
    {
        private final String name;
        private long inputs;
        private long escaped;
        private long guard;
        private long hangs;
        private long maxNs;

        Tally(final String name)
        {
            this.name = name;
        }
    }

    private FuzzCampaign()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        double minutes = 10;
        long seed = System.nanoTime();
        Path findings = Path.of("target", "fuzz-findings");
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--findings" -> findings = Path.of(args[++i]);
                default ->
                {
                    System.err.println("fuzz: unknown option " + args[i] + " (--minutes N, --seed S, --findings DIR)");
                    System.exit(2);
                }
            }
        }
        if (!(minutes > 0))
        {
            System.err.println("fuzz: --minutes must be above 0");
            System.exit(2);
        }
        System.exit(new FuzzCampaign().run(minutes, seed, findings));
    }

    private int run(final double minutes, final long seed, final Path findings) throws IOException
    {
        final List<FuzzTargets.Spec> specs = FuzzTargets.all();
        final List<Tally> tallies = new ArrayList<>();
        final List<FuzzTargets.Target> targets = new ArrayList<>();
        final List<FrameMutator> mutators = new ArrayList<>();
        for (final FuzzTargets.Spec s : specs)
        {
            tallies.add(new Tally(s.name()));
            targets.add(s.factory().get());
            mutators.add(new FrameMutator(s.seedBytes()));
        }
        final List<Tally> hung = new ArrayList<>();
        final Thread watchdog = new Thread(() -> watch(tallies, hung, findings), "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.printf(Locale.ROOT, "fuzz: %d targets for %.1f min, seed %d, %d cpus, %s %s%n", specs.size(), minutes, seed,
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        final SplittableRandom random = new SplittableRandom(seed);
        final long endNs = System.nanoTime() + (long)(minutes * 60e9);
        final long t0 = System.nanoTime();
        long lastReport = t0;
        while (System.nanoTime() < endNs)
        {
            for (int t = 0; t < targets.size(); t++)
            {
                final Tally tally = tallies.get(t);
                final FuzzTargets.Target target = targets.get(t);
                for (int k = 0; k < 64; k++)
                {
                    final byte[] input = mutators.get(t).next(random);
                    current = input;
                    currentTarget = tally.name;
                    final long guardBefore = target.guardFired();
                    final long start = System.nanoTime();
                    inputStartedNs = start;
                    inputSeq++;
                    try
                    {
                        target.feed(input);
                    }
                    catch (final Throwable e)
                    {
                        tally.escaped++;
                        save(findings, tally.name + "-escaped-" + tally.escaped, input, e);
                    }
                    final long took = System.nanoTime() - start;
                    inputStartedNs = 0;
                    tally.maxNs = Math.max(tally.maxNs, took);
                    tally.inputs++;
                    final long fired = target.guardFired() - guardBefore;
                    if (fired > 0)
                    {
                        tally.guard += fired;
                        save(findings, tally.name + "-guard-" + tally.guard, input, null);
                    }
                }
            }
            if (System.nanoTime() - lastReport > 60_000_000_000L)
            {
                lastReport = System.nanoTime();
                long n = 0;
                for (final Tally t : tallies)
                {
                    n += t.inputs;
                }
                System.out.printf(Locale.ROOT, "fuzz: %,d inputs after %.0f s%n", n, (lastReport - t0) / 1e9);
            }
        }
        final double secs = (System.nanoTime() - t0) / 1e9;
        long inputs = 0;
        long escaped = 0;
        long hangs = 0;
        System.out.printf("%-12s %14s %10s %8s %14s%n", "target", "inputs", "escaped", "hangs", "slowest (ms)");
        for (final Tally t : tallies)
        {
            System.out.printf(Locale.ROOT, "%-12s %,14d %10d %8d %14.1f%n", t.name, t.inputs, t.escaped + t.guard, t.hangs,
                t.maxNs / 1e6);
            inputs += t.inputs;
            escaped += t.escaped + t.guard;
            hangs += t.hangs;
        }
        System.out.printf(Locale.ROOT, "fuzz: %,d inputs in %.0f s (%,.0f/s), exceptions escaped %d, hangs %d, heap used %d MB%n",
            inputs, secs, inputs / secs, escaped, hangs,
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        return escaped == 0 && hangs == 0 ? 0 : 1;
    }

    private void watch(final List<Tally> tallies, final List<Tally> hung, final Path findings)
    {
        long flaggedSeq = -1;
        while (true)
        {
            try
            {
                Thread.sleep(200);
            }
            catch (final InterruptedException e)
            {
                return;
            }
            final long started = inputStartedNs;
            final long seq = inputSeq;
            if (started != 0 && seq != flaggedSeq && System.nanoTime() - started > HANG_NS)
            {
                flaggedSeq = seq;
                for (final Tally t : tallies)
                {
                    if (t.name.equals(currentTarget))
                    {
                        t.hangs++;
                        hung.add(t);
                    }
                }
                try
                {
                    save(findings, currentTarget + "-hang-" + seq, current, null);
                }
                catch (final IOException e)
                {
                    System.err.println("fuzz: cannot save a hang: " + e);
                }
                System.err.println("fuzz: " + currentTarget + " input " + seq + " has run for more than 2 s");
            }
        }
    }

    private static void save(final Path dir, final String name, final byte[] input, final Throwable e) throws IOException
    {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".bin"), input);
        if (e != null)
        {
            final java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            Files.writeString(dir.resolve(name + ".txt"), w.toString());
            System.err.println("fuzz: " + name + ": " + e);
        }
    }
}
