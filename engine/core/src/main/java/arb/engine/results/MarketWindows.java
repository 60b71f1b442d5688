package arb.engine.results;

import java.util.Arrays;

import arb.journal.Scales;
import arb.sbe.MarketNoticeDecoder;
import arb.sbe.MarketResult;
import arb.sbe.NoticeKind;
import arb.sbe.SettlementEstimateDecoder;

/**
 * The markets the results have seen and what is known of each one's outcome: the traded index's
 * prints inside each market's window (a ring of recent prints back-fills a market first seen late),
 * market notices, and the index stage's settlement estimates.
 *
 * <p>Part of {@link TradingResults}: chain thread, no allocation per event (markets are pooled
 * records with dense ids, {@link MarketTable}).
 */
final class MarketWindows
{
    private static final int INDEX_RING = 128;
    private static final int INITIAL_MARKETS = 256;

    private final MarketTable markets = new MarketTable(INITIAL_MARKETS);
    private final long[] ringSecond = new long[INDEX_RING];
    private final long[] ringValue = new long[INDEX_RING];
    private final byte[] ticker = new byte[MarketRecord.TICKER_BYTES];
    private MarketRecord[] windowOpen = new MarketRecord[16];
    private int windowOpenCount;
    private long ringCount;
    private long lastIndexSecondNs = Long.MIN_VALUE;
    private long windowsOpened;
    private long indexValues;

    MarketWindows()
    {
        Arrays.fill(ringSecond, Long.MIN_VALUE);
    }

    /** A print of the index the strategies trade on: counted, and added to every market whose window it falls in. */
    void onIndexValue(final long secondNs, final long value)
    {
        indexValues++;
        if (value == Scales.NULL || value <= 0 || secondNs <= lastIndexSecondNs)
        {
            return;
        }
        lastIndexSecondNs = secondNs;
        final int slot = (int)(ringCount++ % INDEX_RING);
        ringSecond[slot] = secondNs;
        ringValue[slot] = value;
        for (int i = 0; i < windowOpenCount; )
        {
            final MarketRecord m = windowOpen[i];
            if (secondNs > m.closeNs)
            {
                // keep first-seen order: the prints a market gets do not depend on it, but stay tidy
                System.arraycopy(windowOpen, i + 1, windowOpen, i, windowOpenCount - i - 1);
                windowOpen[--windowOpenCount] = null;
                continue;
            }
            m.addWindowPrint(secondNs, value);
            i++;
        }
    }

    void onNotice(final MarketNoticeDecoder notice)
    {
        if (notice.kind() == NoticeKind.MARKET_OPEN)
        {
            windowsOpened++;
        }
        notice.getTicker(ticker, 0);
        final MarketRecord m = markets.find(ticker, notice.closeTimeNs());
        if (m != null && m.openNs == Scales.NULL)
        {
            m.openNs = notice.openTimeNs();
        }
    }

    /**
     * The index stage's settlement estimate of a market (at its close, and again with Kalshi's
     * result once that is known), for the method the strategies trade on. It gives every market a
     * signal was about its outcome, held or not: Kalshi's result when the estimate carries it
     * (flagged official), otherwise the engine's estimate (flagged engine_estimate); the estimate
     * itself is kept next to the official one.
     */
    void onSettlementEstimate(final SettlementEstimateDecoder estimate)
    {
        estimate.getTicker(ticker, 0);
        final MarketRecord m = markets.find(ticker, estimate.closeTimeNs());
        if (m == null)
        {
            return; // no signal, order or position was ever about this market: nothing to calibrate
        }
        if (m.strike == Scales.NULL)
        {
            m.strike = estimate.strike();
        }
        final MarketResult predicted = estimate.predicted();
        if (predicted == MarketResult.YES || predicted == MarketResult.NO)
        {
            m.enginePredicted = predicted;
            m.engineEstimate = estimate.estimate();
        }
        final MarketResult official = estimate.officialResult();
        if (official == MarketResult.YES || official == MarketResult.NO || official == MarketResult.VOID)
        {
            m.outcome(official, MarketRecord.OutcomeSource.OFFICIAL, estimate.official());
        }
        else
        {
            m.outcome(predicted, MarketRecord.OutcomeSource.ENGINE_ESTIMATE, estimate.estimate());
        }
    }

    /** End of the run: markets' outcomes from the index where nothing better came. */
    void estimateFromIndex()
    {
        for (int i = 0; i < markets.size(); i++)
        {
            markets.get(i).estimateFromIndex(lastIndexSecondNs);
        }
    }

    /** The market's record, created on first sight (its window prints back-filled from the ring). */
    MarketRecord market(final byte[] tickerBytes, final long closeNs)
    {
        MarketRecord m = markets.find(tickerBytes, closeNs);
        if (m == null)
        {
            m = markets.add(tickerBytes, closeNs);
            final long n = Math.min(ringCount, INDEX_RING);
            for (long i = ringCount - n; i < ringCount; i++)
            {
                final int slot = (int)(i % INDEX_RING);
                m.addWindowPrint(ringSecond[slot], ringValue[slot]);
            }
            if (lastIndexSecondNs == Long.MIN_VALUE || lastIndexSecondNs < closeNs)
            {
                if (windowOpenCount == windowOpen.length)
                {
                    windowOpen = Arrays.copyOf(windowOpen, windowOpenCount * 2);
                }
                windowOpen[windowOpenCount++] = m;
            }
        }
        return m;
    }

    /** The market's record, or null when nothing was ever about it. */
    MarketRecord find(final byte[] tickerBytes, final long closeNs)
    {
        return markets.find(tickerBytes, closeNs);
    }

    int size()
    {
        return markets.size();
    }

    /** The market with dense id {@code i} (order of first sight). */
    MarketRecord get(final int i)
    {
        return markets.get(i);
    }

    long windowsOpened()
    {
        return windowsOpened;
    }

    long indexValues()
    {
        return indexValues;
    }
}
