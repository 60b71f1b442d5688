package arb.engine.results;

import java.util.List;

import arb.journal.Scales;

/**
 * An immutable snapshot of the trading results for other threads (the live status line): per
 * strategy and for the portfolio the orders, fills, open and settled positions, wins, fees, net PnL
 * (mark-to-market) and exposure, plus the last few signals. Published by {@link TradingResults}
 * about once per second of event time.
 */
public record TradingSummary(long atNs, List<Row> rows, List<String> lastSignals)
{
    public static final TradingSummary EMPTY = new TradingSummary(Long.MIN_VALUE, List.of(), List.of());

    /**
     * One strategy's (or the portfolio's) figures; money at 1e-6 $.
     *
     * @param netPnl      marked PnL: cash plus the mark value of open positions, net of fees
     * @param realisedPnl PnL of settled positions, net of their fees
     * @param markValue   what the open positions are worth at the current marks
     */
    public record Row(String name, long orders, long fills, int openPositions, long settled, long wins, long fees,
        long netPnl, long exposure, long realisedPnl, long markValue)
    {
    }

    /** The portfolio row, or null before the first publication. */
    public Row portfolio()
    {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /** Two status lines: positions and PnL per active strategy, then the last signals. */
    public String statusLines()
    {
        final StringBuilder sb = new StringBuilder(256);
        sb.append("  trading:");
        boolean any = false;
        for (final Row r : rows)
        {
            if (r.orders == 0 && r.openPositions == 0 && r.settled == 0 && !"portfolio".equals(r.name))
            {
                continue;
            }
            any = true;
            sb.append(' ').append(r.name).append(" pos ").append(r.openPositions).append(" net ");
            dollars(sb, r.netPnl);
            sb.append(" (").append(r.settled).append(" settled, ").append(r.wins).append(" won, fees ");
            dollars(sb, r.fees);
            sb.append(") |");
        }
        if (!any)
        {
            sb.append(" no orders yet |");
        }
        sb.setLength(sb.length() - 2);
        sb.append("\n  last signals: ");
        if (lastSignals.isEmpty())
        {
            sb.append("none");
        }
        else
        {
            sb.append(String.join("; ", lastSignals.subList(Math.max(0, lastSignals.size() - 3), lastSignals.size())));
        }
        return sb.toString();
    }

    static void dollars(final StringBuilder sb, final long money)
    {
        if (money < 0)
        {
            sb.append('-');
        }
        sb.append('$');
        Scales.appendDecimal(sb, Scales.rescale(Math.abs(money), Scales.MONEY_DECIMALS, 2), 2);
    }
}
