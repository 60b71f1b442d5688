package arb.engine.lag;

import java.util.ArrayList;
import java.util.List;

/**
 * The event-study estimator of Kalshi's repricing lag: after the engine's fair value moves by at
 * least {@code threshold} within {@code moveNs}, following a quiet stretch, how long until the
 * Kalshi mid has covered half (and most) of that move, counted from when the fair value itself got
 * there. Per market trace; the caller pools events.
 */
public final class EventStudy
{
    /** One fair-value move and how long the Kalshi mid took to follow it. */
    public record Event(String series, long timeNs, double move, long halfLagNs, long mostLagNs)
    {
        /** True when the mid never covered half of the move within the horizon. */
        public boolean halfCensored()
        {
            return halfLagNs == Long.MAX_VALUE;
        }

        public boolean mostCensored()
        {
            return mostLagNs == Long.MAX_VALUE;
        }
    }

    private final LagSettings settings;

    public EventStudy(final LagSettings settings)
    {
        this.settings = settings;
    }

    /** The trace's events, in time order. */
    public List<Event> events(final MarketTrace t)
    {
        final List<Event> out = new ArrayList<>();
        final int n = t.fairCount();
        if (n == 0 || t.quoteCount() == 0)
        {
            return out;
        }
        final long lastUsable = Math.min(t.closeTimeNs() - settings.closeGuardNs(), t.quoteNs(t.quoteCount() - 1)) - settings.horizonNs();
        final long firstUsable = Math.max(t.fairNs(0), t.quoteNs(0)) + settings.quietNs() + settings.moveNs();
        long nextAllowedNs = Long.MIN_VALUE;
        for (int i = 0; i < n; i++)
        {
            final long ti = t.fairNs(i);
            if (ti < firstUsable || ti < nextAllowedNs)
            {
                continue;
            }
            if (ti > lastUsable)
            {
                break;
            }
            // Start of the move: the fair value as it stood moveNs before.
            final int j = t.fairIndexAt(ti - settings.moveNs());
            if (j < 0)
            {
                continue;
            }
            final double start = t.fair(j);
            final double move = t.fair(i) - start;
            if (Math.abs(move) < settings.threshold())
            {
                continue;
            }
            final long startNs = ti - settings.moveNs();
            if (!quiet(t, startNs, start, Math.abs(move) * settings.quietFraction()))
            {
                continue;
            }
            final int q0 = t.quoteIndexAt(startNs);
            if (q0 < 0 || startNs - t.quoteNs(q0) > settings.maxQuoteAgeNs())
            {
                continue;
            }
            final double midStart = t.quote(q0);
            final double sign = Math.signum(move);
            final long fairHalfNs = fairReaches(t, j, i, start, sign, 0.5 * Math.abs(move));
            final long fairMostNs = fairReaches(t, j, i, start, sign, settings.mostFraction() * Math.abs(move));
            final long halfLag = midReaches(t, q0, midStart, sign, 0.5 * Math.abs(move), fairHalfNs);
            final long mostLag = midReaches(t, q0, midStart, sign, settings.mostFraction() * Math.abs(move), fairMostNs);
            out.add(new Event(t.series(), ti, move, halfLag, mostLag));
            nextAllowedNs = ti + settings.quietNs();
        }
        return out;
    }

    /** True when the fair value stayed within {@code tolerance} of {@code level} over the quiet stretch before {@code startNs}. */
    private boolean quiet(final MarketTrace t, final long startNs, final double level, final double tolerance)
    {
        int k = t.fairIndexAt(startNs);
        while (k >= 0 && t.fairNs(k) >= startNs - settings.quietNs())
        {
            if (Math.abs(t.fair(k) - level) > tolerance)
            {
                return false;
            }
            k--;
        }
        return true;
    }

    /** When the fair value first covered {@code distance} of the move between samples j and i. */
    private static long fairReaches(final MarketTrace t, final int j, final int i, final double start, final double sign,
        final double distance)
    {
        for (int k = j + 1; k <= i; k++)
        {
            if ((t.fair(k) - start) * sign >= distance)
            {
                return t.fairNs(k);
            }
        }
        return t.fairNs(i);
    }

    /**
     * How long after {@code fairNs} the mid first covered {@code distance} from its level at the
     * start (a quote before {@code fairNs} gives a negative lag: noise, or a market ahead of the
     * index); {@link Long#MAX_VALUE} when it did not within the horizon.
     */
    private long midReaches(final MarketTrace t, final int q0, final double midStart, final double sign, final double distance,
        final long fairNs)
    {
        final long endNs = fairNs + settings.horizonNs();
        for (int q = q0 + 1; q < t.quoteCount() && t.quoteNs(q) <= endNs; q++)
        {
            if ((t.quote(q) - midStart) * sign >= distance)
            {
                return t.quoteNs(q) - fairNs;
            }
        }
        return Long.MAX_VALUE;
    }
}
