package arb.engine.results;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.sbe.OrderAction;
import arb.journal.Strategy;
import arb.journal.StrategyTable;

/**
 * The results' running totals for other threads, without allocating on the chain thread: the
 * chain thread writes primitive figures into preallocated arrays under a sequence lock (odd while
 * writing); a reader copies them and retries if the sequence moved, then builds its
 * {@link TradingSummary} on its own thread. The last signals are kept as primitives in a small ring
 * and turned into text by the reader.
 */
final class TradingStatus
{
    static final int FIELDS = 10;
    static final int RECENT = 5;
    /** The engine's strategies, every plugin a run may load, and the portfolio. */
    private static final int MAX_ROWS = TradingResults.STRATEGIES.length + Strategy.MAX_PLUGINS + 1;

    private final AtomicLong sequence = new AtomicLong();
    private final long[] figures = new long[MAX_ROWS * FIELDS];
    private final Strategy[] rowStrategies = new Strategy[MAX_ROWS];
    private int rowCount;
    private final long[] signalTime = new long[RECENT];
    private final int[] signalStrategy = new int[RECENT];
    private final boolean[] signalYes = new boolean[RECENT];
    private final boolean[] signalBuy = new boolean[RECENT];
    private final long[] signalPrice = new long[RECENT];
    private final long[] signalFairValue = new long[RECENT];
    private final long[] signalEdge = new long[RECENT];
    private final MarketRecord[] signalMarket = new MarketRecord[RECENT];
    private long signals;
    private long atNs = Long.MIN_VALUE;
    private final StrategyTable strategyTable;

    TradingStatus(final StrategyTable strategyTable)
    {
        this.strategyTable = strategyTable;
    }

    /** Chain thread: opens a write. */
    void beginWrite(final long nowNs)
    {
        sequence.lazySet(sequence.get() + 1);
        VarHandle.storeStoreFence();
        atNs = nowNs;
    }

    /**
     * Chain thread: one row's figures (rows in the run's strategy order, plugins after the engine's
     * own; {@code strategy} null for the portfolio, the last row written).
     */
    void row(final int row, final Strategy strategy, final StrategyTally t, final long equity, final int openPositions)
    {
        final int o = row * FIELDS;
        rowStrategies[row] = strategy;
        rowCount = Math.max(rowCount, row + 1);
        figures[o] = t.orders;
        figures[o + 1] = t.fills;
        figures[o + 2] = openPositions;
        figures[o + 3] = t.positionsSettled;
        figures[o + 4] = t.wins;
        figures[o + 5] = t.fees;
        figures[o + 6] = equity;
        figures[o + 7] = t.exposure;
        figures[o + 8] = t.settledPnl;
        figures[o + 9] = t.mark;
    }

    /** Chain thread: a signal for the ring (called inside a write). */
    void signal(final long timeNs, final Strategy s, final ContractSide side, final OrderAction action, final long price,
        final long fairValue, final long edge, final MarketRecord market)
    {
        final int i = (int)(signals++ % RECENT);
        signalTime[i] = timeNs;
        signalStrategy[i] = s.id();
        signalYes[i] = side == ContractSide.YES;
        signalBuy[i] = action != OrderAction.SELL;
        signalPrice[i] = price;
        signalFairValue[i] = fairValue;
        signalEdge[i] = edge;
        signalMarket[i] = market;
    }

    /** Chain thread: closes a write. */
    void endWrite()
    {
        VarHandle.storeStoreFence();
        sequence.lazySet(sequence.get() + 1);
    }

    /** Any thread: a consistent copy as a {@link TradingSummary}. */
    TradingSummary read()
    {
        final long[] copy = new long[figures.length];
        final long[] times = new long[RECENT];
        final int[] strategies = new int[RECENT];
        final boolean[] yes = new boolean[RECENT];
        final boolean[] buy = new boolean[RECENT];
        final long[] prices = new long[RECENT];
        final long[] fvs = new long[RECENT];
        final long[] edges = new long[RECENT];
        final MarketRecord[] markets = new MarketRecord[RECENT];
        final Strategy[] rowNames = new Strategy[MAX_ROWS];
        int rowsWritten;
        long count;
        long at;
        while (true)
        {
            final long before = sequence.get();
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(figures, 0, copy, 0, copy.length);
            System.arraycopy(signalTime, 0, times, 0, RECENT);
            System.arraycopy(signalStrategy, 0, strategies, 0, RECENT);
            System.arraycopy(signalYes, 0, yes, 0, RECENT);
            System.arraycopy(signalBuy, 0, buy, 0, RECENT);
            System.arraycopy(signalPrice, 0, prices, 0, RECENT);
            System.arraycopy(signalFairValue, 0, fvs, 0, RECENT);
            System.arraycopy(signalEdge, 0, edges, 0, RECENT);
            System.arraycopy(signalMarket, 0, markets, 0, RECENT);
            System.arraycopy(rowStrategies, 0, rowNames, 0, MAX_ROWS);
            rowsWritten = rowCount;
            count = signals;
            at = atNs;
            VarHandle.loadLoadFence();
            if (sequence.get() == before)
            {
                break;
            }
        }
        if (at == Long.MIN_VALUE)
        {
            return TradingSummary.EMPTY;
        }
        final List<TradingSummary.Row> rows = new ArrayList<>(rowsWritten);
        for (int r = 0; r < rowsWritten; r++)
        {
            final int o = r * FIELDS;
            rows.add(new TradingSummary.Row(rowNames[r] != null ? TradeLog.name(rowNames[r]) : "portfolio",
                copy[o], copy[o + 1], (int)copy[o + 2], copy[o + 3], copy[o + 4], copy[o + 5], copy[o + 6], copy[o + 7], copy[o + 8],
                copy[o + 9]));
        }
        final List<String> recent = new ArrayList<>();
        for (long k = Math.max(0, count - RECENT); k < count; k++)
        {
            final int i = (int)(k % RECENT);
            final StringBuilder sb = new StringBuilder(96);
            sb.append(TradeLog.isoTime(times[i]), 11, 19).append(' ').append(TradeLog.name(strategyTable.of(strategies[i])))
                .append(buy[i] ? " buy " : " sell ").append(yes[i] ? "YES " : "NO ")
                .append(markets[i] == null ? "?" : markets[i].tickerText()).append(" @");
            Decimal.append(sb, prices[i], Scales.KPRICE_DECIMALS);
            if (fvs[i] != Scales.NULL)
            {
                sb.append(" fv ");
                Decimal.append(sb, fvs[i] / 1000, 3);
            }
            sb.append(" edge ");
            Decimal.append(sb, edges[i] / 1000, 3);
            recent.add(sb.toString());
        }
        return new TradingSummary(at, rows, recent);
    }
}
