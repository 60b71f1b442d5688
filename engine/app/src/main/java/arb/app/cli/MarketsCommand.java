package arb.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import arb.market.kalshi.KalshiCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arb markets}: the Kalshi markets the calendar predicts, computed from time alone (no network).
 * One line per market: ticker, open time, close time (UTC, ISO-8601). For {@code KXBTCD} the lines
 * are event tickers (the strikes come from Kalshi's listing). On the night daylight saving ends two
 * lines share a ticker and differ in their close time, which is how the engine tells them apart.
 */
@Command(
    name = "markets",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the Kalshi markets the calendar predicts: ticker, open time, close time (UTC).",
        "Markets whose window overlaps [--from, --to) are listed; --at prints the one live at an instant."})
public final class MarketsCommand implements Callable<Integer>
{
    /** Refuse to print more lines than this: a mistyped year would otherwise print for minutes. */
    static final int MAX_LINES = 100_000;
    /** The series listed when {@code --series} is not given. */
    static final String DEFAULT_SERIES = "KXBTC15M";

    @Spec
    CommandSpec spec;

    @Option(names = "--series", defaultValue = DEFAULT_SERIES, paramLabel = "SERIES",
        description = "KXBTC15M (15-minute markets) or KXBTCD (hourly events). Default: ${DEFAULT-VALUE}.")
    String series = DEFAULT_SERIES;

    @Option(names = "--from", paramLabel = "T", converter = InstantConverter.class,
        description = "Start of the range (default: now). ISO-8601, e.g. 2026-03-08T04:00Z.")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = InstantConverter.class,
        description = "End of the range, exclusive (default: --from plus one hour).")
    Instant to;

    @Option(names = "--at", paramLabel = "T", converter = InstantConverter.class,
        description = "Print only the market live at T (open <= T < close).")
    Instant at;

    @Override
    public Integer call()
    {
        return print(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Prints the markets to {@code out} (problems to {@code err}) and returns the exit code. */
    int print(final PrintWriter out, final PrintWriter err)
    {
        final KalshiCalendar calendar;
        try
        {
            calendar = KalshiCalendar.of(series);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("markets: " + ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        }

        if (at != null)
        {
            if (from != null || to != null)
            {
                err.println("markets: --at cannot be combined with --from/--to");
                return CommandLine.ExitCode.USAGE;
            }
            printLine(out, calendar, calendar.currentCloseNs(epochNs(at)));
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        final Instant start = from != null ? from : Instant.now();
        final Instant end = to != null ? to : start.plusSeconds(3600);
        if (!end.isAfter(start))
        {
            err.println("markets: --to (" + end + ") must be after --from (" + start + ")");
            return CommandLine.ExitCode.USAGE;
        }
        final long startNs = epochNs(start);
        final long endNs = epochNs(end);
        final long lines = (endNs - startNs) / calendar.periodNs() + 1;
        if (lines > MAX_LINES)
        {
            err.println("markets: the range holds about " + lines + " markets, more than " + MAX_LINES
                + "; narrow --from/--to");
            return CommandLine.ExitCode.USAGE;
        }
        // The first window overlapping [start, end) is the one live at start.
        for (long close = calendar.currentCloseNs(startNs); calendar.windowStartNs(close) < endNs;
            close += calendar.periodNs())
        {
            printLine(out, calendar, close);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private static void printLine(final PrintWriter out, final KalshiCalendar calendar, final long closeNs)
    {
        out.print(calendar.marketTicker(closeNs));
        out.print("  ");
        out.print(Instant.ofEpochSecond(0, calendar.openNs(closeNs)));
        out.print("  ");
        out.println(Instant.ofEpochSecond(0, closeNs));
    }

    private static long epochNs(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
