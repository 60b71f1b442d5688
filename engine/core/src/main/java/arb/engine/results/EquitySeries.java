package arb.engine.results;

import java.util.Arrays;

/**
 * The mark-to-market equity curve, per strategy and for the portfolio, recorded at every instant it
 * changed (for reports). Columns follow {@link TradingResults#strategies()}, then the portfolio. Rows
 * are stored flat in one growable array (no object per point).
 */
public final class EquitySeries
{
    private int columns = TradingResults.STRATEGIES.length + 1;
    private long[] times = new long[1024];
    private long[] values = new long[1024 * columns];
    private int size;

    /** Sets the number of columns (the run's strategies + the portfolio), before the first point. */
    void columns(final int n)
    {
        if (size > 0)
        {
            throw new IllegalStateException("the equity series already has points");
        }
        columns = n;
        values = new long[times.length * n];
    }

    /** Starts a point at {@code timeNs}; its columns are then set with {@link #set}. */
    void add(final long timeNs)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2 * columns);
        }
        times[size] = timeNs;
        size++;
    }

    /** Sets a column of the point added last. */
    void set(final int column, final long equity)
    {
        values[(size - 1) * columns + column] = equity;
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
        return values[i * columns + column];
    }

    public int columns()
    {
        return columns;
    }
}
