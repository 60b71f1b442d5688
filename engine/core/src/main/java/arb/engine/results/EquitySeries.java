package arb.engine.results;

import java.util.Arrays;

/**
 * The mark-to-market equity curve, per strategy and for the portfolio, recorded at every instant it
 * changed (for reports). Columns follow {@link TradingResults#STRATEGIES}, then the portfolio. Rows
 * are stored flat in one growable array (no object per point).
 */
public final class EquitySeries
{
    private static final int COLUMNS = TradingResults.STRATEGIES.length + 1;

    private long[] times = new long[1024];
    private long[] values = new long[1024 * COLUMNS];
    private int size;

    /** Starts a point at {@code timeNs}; its columns are then set with {@link #set}. */
    void add(final long timeNs)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2 * COLUMNS);
        }
        times[size] = timeNs;
        size++;
    }

    /** Sets a column of the point added last. */
    void set(final int column, final long equity)
    {
        values[(size - 1) * COLUMNS + column] = equity;
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
        return values[i * COLUMNS + column];
    }

    public int columns()
    {
        return COLUMNS;
    }
}
