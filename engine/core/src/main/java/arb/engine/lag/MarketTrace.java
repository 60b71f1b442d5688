package arb.engine.lag;

import java.util.Arrays;

/**
 * One Kalshi market's observations for the lag analysis: the engine's fair value P(YES) at each
 * evaluation and the Kalshi mid at each received quote, in event time. Cold analysis data: grows by
 * doubling, never on the engine's hot path.
 */
public final class MarketTrace
{
    private final String series;
    private final String ticker;
    private final long closeTimeNs;
    private long[] fairNs = new long[1024];
    private double[] fair = new double[1024];
    private int fairCount;
    private long[] quoteNs = new long[256];
    private double[] quote = new double[256];
    private int quoteCount;

    public MarketTrace(final String series, final String ticker, final long closeTimeNs)
    {
        this.series = series;
        this.ticker = ticker;
        this.closeTimeNs = closeTimeNs;
    }

    /** A fair value P(YES) observed at {@code timeNs}; samples out of time order are ignored. */
    public void fair(final long timeNs, final double value)
    {
        if (fairCount > 0 && timeNs <= fairNs[fairCount - 1])
        {
            if (timeNs == fairNs[fairCount - 1])
            {
                fair[fairCount - 1] = value;
            }
            return;
        }
        if (fairCount == fairNs.length)
        {
            fairNs = Arrays.copyOf(fairNs, fairCount * 2);
            fair = Arrays.copyOf(fair, fairCount * 2);
        }
        fairNs[fairCount] = timeNs;
        fair[fairCount++] = value;
    }

    /** A Kalshi quote received at {@code timeNs} with this mid (USD per YES contract). */
    public void quote(final long timeNs, final double mid)
    {
        if (quoteCount > 0 && timeNs < quoteNs[quoteCount - 1])
        {
            return;
        }
        if (quoteCount == quoteNs.length)
        {
            quoteNs = Arrays.copyOf(quoteNs, quoteCount * 2);
            quote = Arrays.copyOf(quote, quoteCount * 2);
        }
        quoteNs[quoteCount] = timeNs;
        quote[quoteCount++] = mid;
    }

    public String series()
    {
        return series;
    }

    public String ticker()
    {
        return ticker;
    }

    public long closeTimeNs()
    {
        return closeTimeNs;
    }

    public int fairCount()
    {
        return fairCount;
    }

    public long fairNs(final int i)
    {
        return fairNs[i];
    }

    public double fair(final int i)
    {
        return fair[i];
    }

    public int quoteCount()
    {
        return quoteCount;
    }

    public long quoteNs(final int i)
    {
        return quoteNs[i];
    }

    public double quote(final int i)
    {
        return quote[i];
    }

    /** Index of the last fair-value sample at or before {@code timeNs}, -1 when none. */
    public int fairIndexAt(final long timeNs)
    {
        return lastAtOrBefore(fairNs, fairCount, timeNs);
    }

    /** Index of the last quote at or before {@code timeNs}, -1 when none. */
    public int quoteIndexAt(final long timeNs)
    {
        return lastAtOrBefore(quoteNs, quoteCount, timeNs);
    }

    private static int lastAtOrBefore(final long[] times, final int count, final long timeNs)
    {
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (times[mid] <= timeNs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
