package arb.engine.results;

import java.util.Arrays;

/**
 * The mark-to-market equity curve, per strategy and for the portfolio, recorded at every instant it
 * changed (for reports). Columns follow {@link TradingResults#STRATEGIES}, then the portfolio.
 */
public final class EquitySeries
{
    private long[] times = new long[1024];
    private long[][] values = new long[1024][];
    private int size;

    void add(final long timeNs, final long[] row)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = timeNs;
        values[size] = row;
        size++;
    }

    public int size()
    {
        return size;
    }

    public long timeNs(final int i)
    {
        return times[i];
    }

    /** Equity (money, 1e-6 $) of column {@code column} at point {@code i}. */
    public long equity(final int i, final int column)
    {
        return values[i][column];
    }

    public int columns()
    {
        return TradingResults.STRATEGIES.length + 1;
    }
}
