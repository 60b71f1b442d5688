package arb.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr for long jobs: redrawn in place (carriage return) at most ten times a
 * second on a terminal; one line per 10% otherwise (logs, CI). Thread-safe; never touches stdout.
 */
final class ProgressBar
{
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private int lastDecile = -1;
    private boolean drawn;

    ProgressBar(final PrintStream err, final String label)
    {
        this(err, label, System.console() != null);
    }

    ProgressBar(final PrintStream err, final String label, final boolean terminal)
    {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    synchronized void update(final long done, final long total, final String detail)
    {
        final double fraction = total <= 0 ? 0 : Math.min(1.0, done / (double)total);
        final long now = System.nanoTime();
        if (terminal)
        {
            if (now - lastDrawNanos < 100_000_000L && fraction < 1.0)
            {
                return;
            }
            lastDrawNanos = now;
            err.print("\r" + line(fraction, now, detail));
            err.flush();
            drawn = true;
        }
        else
        {
            final int decile = (int)(fraction * 10);
            if (decile > lastDecile)
            {
                lastDecile = decile;
                err.println(line(fraction, now, detail));
            }
        }
    }

    synchronized void finish()
    {
        if (terminal && drawn)
        {
            err.println();
        }
    }

    private String line(final double fraction, final long now, final String detail)
    {
        final int filled = (int)(fraction * WIDTH);
        final StringBuilder bar = new StringBuilder(WIDTH);
        for (int i = 0; i < WIDTH; i++)
        {
            bar.append(i < filled ? '#' : '.');
        }
        final double elapsed = (now - startNanos) / 1e9;
        final String eta = fraction > 0.01 && fraction < 1.0
            ? String.format(Locale.ROOT, " ETA %.0fs", elapsed * (1 - fraction) / fraction) : "";
        return String.format(Locale.ROOT, "%s [%s] %3.0f%% %s %.0fs%s   ", label, bar, fraction * 100, detail, elapsed, eta);
    }
}
