package arb.engine.index;

import arb.journal.Scales;
import arb.sbe.IndexMethod;
import arb.sbe.MarketResult;

/**
 * One settlement estimate (at a window's close) or one accuracy result (once Kalshi's official
 * value and result are known), as handed to a {@link SettlementEstimator.Listener}. The estimator
 * reuses one instance: a listener copies what it keeps before returning. Fields mirror the
 * SettlementEstimate event; absent values are {@link Scales#NULL} / {@link MarketResult#NONE}.
 */
public final class SettlementReport
{
    public static final int TICKER_LENGTH = 40;

    final byte[] ticker = new byte[TICKER_LENGTH];
    long recvNs;
    IndexMethod method;
    long closeTimeNs;
    long estimate = Scales.NULL;
    int samples;
    long strike = Scales.NULL;
    MarketResult predicted = MarketResult.NONE;
    long official = Scales.NULL;
    MarketResult officialResult = MarketResult.NONE;
    long estimateError = Scales.NULL;

    /** The market ticker, NUL padded to {@link #TICKER_LENGTH} bytes (US-ASCII). */
    public byte[] tickerBytes()
    {
        return ticker;
    }

    /** The ticker as a String (cold paths, tests). */
    public String ticker()
    {
        int n = 0;
        while (n < TICKER_LENGTH && ticker[n] != 0)
        {
            n++;
        }
        return new String(ticker, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    public long recvNs()
    {
        return recvNs;
    }

    public IndexMethod method()
    {
        return method;
    }

    public long closeTimeNs()
    {
        return closeTimeNs;
    }

    /** The average of the per-second prints in (close - 60 s, close], cents, 1e-8 USD. */
    public long estimate()
    {
        return estimate;
    }

    /** How many per-second prints the estimate averages (60 when none was missing). */
    public int samples()
    {
        return samples;
    }

    public long strike()
    {
        return strike;
    }

    public MarketResult predicted()
    {
        return predicted;
    }

    /** Kalshi's expiration_value; NULL in the at-close report. */
    public long official()
    {
        return official;
    }

    public MarketResult officialResult()
    {
        return officialResult;
    }

    /** estimate - official (1e-8 USD), NULL unless both are known. */
    public long estimateError()
    {
        return estimateError;
    }

    /** True for an accuracy report (official result known), false for the at-close estimate. */
    public boolean isAccuracy()
    {
        return officialResult != MarketResult.NONE;
    }

    @Override
    public String toString()
    {
        return "SettlementReport{" + method + " " + ticker() + " close=" + closeTimeNs + " estimate=" + usd(estimate)
            + " samples=" + samples + " strike=" + usd(strike) + " predicted=" + predicted + " official=" + usd(official)
            + " officialResult=" + officialResult + " error=" + usd(estimateError) + "}";
    }

    private static String usd(final long price)
    {
        return price == Scales.NULL ? "-" : Scales.format(price, Scales.PRICE_DECIMALS);
    }
}
