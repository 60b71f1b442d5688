package arb.engine.results;

import java.util.Arrays;

import arb.journal.Strategy;

/**
 * Every fair-value prediction of the run (a signal's P(YES), its time left and its market), kept for
 * the calibration at the end ({@link Calibration}): one per market and event time, however many
 * strategies signalled on it.
 *
 * <p>Part of {@link TradingResults}: preallocated for a long day of signals, doubled beyond.
 */
final class Predictions
{
    private static final int INITIAL_PREDICTIONS = 4096;

    private long[] predP = new long[INITIAL_PREDICTIONS];
    private long[] predTimeLeft = new long[INITIAL_PREDICTIONS];
    private int[] predMarket = new int[INITIAL_PREDICTIONS];
    private byte[] predStrategy = new byte[INITIAL_PREDICTIONS];
    private int predictions;
    private long lastMarket = -1;
    private long lastNs = Long.MIN_VALUE;

    /** True when a prediction about the market was already kept at this event time. */
    boolean isRepeat(final MarketRecord m, final long recvNs)
    {
        return lastMarket == m.id && lastNs == recvNs;
    }

    void add(final MarketRecord m, final long p, final long timeLeftNs, final Strategy strategy, final long nowNs)
    {
        if (predictions == predP.length)
        {
            final int n = predictions * 2;
            predP = Arrays.copyOf(predP, n);
            predTimeLeft = Arrays.copyOf(predTimeLeft, n);
            predMarket = Arrays.copyOf(predMarket, n);
            predStrategy = Arrays.copyOf(predStrategy, n);
        }
        predP[predictions] = p;
        predTimeLeft[predictions] = timeLeftNs;
        predMarket[predictions] = m.id;
        predStrategy[predictions] = (byte)strategy.id();
        predictions++;
        m.predictions++;
        lastMarket = m.id;
        lastNs = nowNs;
    }

    int count()
    {
        return predictions;
    }

    long p(final int i)
    {
        return predP[i];
    }

    long timeLeftNs(final int i)
    {
        return predTimeLeft[i];
    }

    /** The dense id of the prediction's market ({@link MarketWindows#get}). */
    int marketId(final int i)
    {
        return predMarket[i];
    }

    int strategyId(final int i)
    {
        return predStrategy[i] & 0xFF;
    }
}
