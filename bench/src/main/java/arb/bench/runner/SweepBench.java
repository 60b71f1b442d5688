package arb.bench.runner;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import arb.app.sweep.Sweep;
import arb.app.sweep.SweepGrid;

/**
 * Measures the two ways a sweep can run on this machine: one ring replay per point
 * ({@code separate}) against one journal read fanned out to every point's chain ({@code fan-out}),
 * each with 1 and 2 worker threads, in one JVM after a warm-up, modes interleaved so that load from
 * other processes falls on all of them alike. Reports wall time and process CPU time (CPU time is
 * what a loaded shared machine cannot distort) and checks every mode gives the same digests.
 *
 * <pre>java -cp ... arb.bench.runner.SweepBench JOURNAL_DIR GRID_FILE [ROUNDS]</pre>
 */
public final class SweepBench
{
    private SweepBench()
    {
    }

    public static void main(final String[] args)
    {
        final Path journal = Path.of(args[0]);
        final SweepGrid grid = SweepGrid.read(Path.of(args[1]));
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        final Object[][] modes = {
            {Sweep.Mode.FAN_OUT, 1}, {Sweep.Mode.FAN_OUT, 2}, {Sweep.Mode.SEPARATE, 1}, {Sweep.Mode.SEPARATE, 2}};
        String reference = null;
        run(journal, grid, Sweep.Mode.FAN_OUT, 2); // warm-up
        for (int round = 0; round < rounds; round++)
        {
            for (final Object[] m : modes)
            {
                final Sweep.Mode mode = (Sweep.Mode)m[0];
                final int threads = (Integer)m[1];
                final double load = os.getSystemLoadAverage();
                final long cpu0 = os.getProcessCpuTime();
                final long t0 = System.nanoTime();
                final List<Sweep.Row> rows = run(journal, grid, mode, threads);
                final double wall = (System.nanoTime() - t0) / 1e9;
                final double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                final StringBuilder digests = new StringBuilder();
                rows.forEach(r -> digests.append(r.outputDigest()).append('\n'));
                if (reference == null)
                {
                    reference = digests.toString();
                }
                System.out.printf(Locale.ROOT, "round %d  %-8s threads %d  points %d  wall %6.2f s  cpu %6.2f s  load %.1f  %s%n",
                    round, mode == Sweep.Mode.FAN_OUT ? "fan-out" : "separate", threads, rows.size(), wall, cpu, load,
                    reference.equals(digests.toString()) ? "digests equal" : "DIGESTS DIFFER");
            }
        }
    }

    private static List<Sweep.Row> run(final Path journal, final SweepGrid grid, final Sweep.Mode mode, final int threads)
    {
        return Sweep.run(new Sweep.Request().journal(journal).grid(grid).mode(mode).parallel(threads));
    }
}
