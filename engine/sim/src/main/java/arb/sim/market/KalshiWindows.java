package arb.sim.market;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * The market model's KXBTC15M windows: each opens with the previous one's settlement as strike, is
 * quoted on every poll from the latent price some seconds ago (with noise and a tapered deci-cent
 * ladder), settles on the average of the latent price over its last minute, and is reported
 * determined after the settle delay. Draws from the model's one random sequence, so it runs in the
 * model's event order.
 */
final class KalshiWindows
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long WINDOW_NS = 15 * 60 * NS_PER_S;
    private static final long AVERAGING_NS = 60 * NS_PER_S;
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final MarketModelConfig cfg;
    private final SplitMix64 random;
    private final LongToDoubleFunction priceAgo;
    private final KalshiMarketView current = new KalshiMarketView();
    private final KalshiMarketView previous = new KalshiMarketView();
    private boolean havePrevious;
    private long previousSettleNs;
    private double settleSum;
    private int settleSamples;
    private double kalshiNoiseState;
    private long kalshiVolume;

    /**
     * @param priceAgo the latent price a given number of nanoseconds ago
     */
    KalshiWindows(final MarketModelConfig cfg, final SplitMix64 random, final LongToDoubleFunction priceAgo,
        final long startNs)
    {
        this.cfg = cfg;
        this.random = random;
        this.priceAgo = priceAgo;
        openWindow(current, windowCloseAfter(startNs), roundToCents(cfg.startPrice));
    }

    private static long windowCloseAfter(final long t)
    {
        return (t / WINDOW_NS + 1) * WINDOW_NS;
    }

    static long roundToCents(final double usd)
    {
        return StrictMath.round(usd * 100.0) * 1_000_000L;
    }

    /** KXBTC15M ticker for a close time: date and HHMM of the close in US Eastern time, then -MM. */
    static String kxbtc15mTicker(final long closeNs)
    {
        final ZonedDateTime et = Instant.ofEpochSecond(closeNs / NS_PER_S).atZone(EASTERN);
        final String[] months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
        return String.format(Locale.ROOT, "KXBTC15M-%02d%s%02d%02d%02d-%02d", et.getYear() % 100,
            months[et.getMonthValue() - 1], et.getDayOfMonth(), et.getHour(), et.getMinute(), et.getMinute());
    }

    private void openWindow(final KalshiMarketView w, final long closeNs, final long strike)
    {
        w.ticker = kxbtc15mTicker(closeNs);
        w.eventTicker = w.ticker.substring(0, w.ticker.lastIndexOf('-'));
        w.closeNs = closeNs;
        w.openNs = closeNs - WINDOW_NS;
        w.status = KalshiMarketView.STATUS_ACTIVE;
        w.strike = strike;
        w.result = KalshiMarketView.RESULT_NONE;
        w.expirationValue = KalshiMarketView.NULL;
        w.lastPrice = KalshiMarketView.NULL;
        w.volume = 0;
        settleSum = 0;
        settleSamples = 0;
        kalshiVolume = 0;
    }

    /** Once per second of the latent path: the settlement average's samples, and the window's close. */
    void sampleSecond(final long secondNs, final double latentPrice)
    {
        if (secondNs > current.closeNs - AVERAGING_NS && secondNs <= current.closeNs)
        {
            settleSum += latentPrice;
            settleSamples++;
        }
        if (secondNs == current.closeNs)
        {
            closeWindow(secondNs);
        }
    }

    private void closeWindow(final long closeNs)
    {
        final long value = settleSamples > 0 ? roundToCents(settleSum / settleSamples) : current.strike;
        copyView(current, previous);
        previous.status = KalshiMarketView.STATUS_CLOSED;
        previous.expirationValue = value;
        previous.result = value >= previous.strike ? KalshiMarketView.RESULT_YES : KalshiMarketView.RESULT_NO;
        previousSettleNs = closeNs + cfg.kalshiSettleDelayMs * NS_PER_MS;
        havePrevious = true;
        openWindow(current, closeNs + WINDOW_NS, value);
    }

    static void copyView(final KalshiMarketView from, final KalshiMarketView to)
    {
        to.series = from.series;
        to.eventTicker = from.eventTicker;
        to.ticker = from.ticker;
        to.openNs = from.openNs;
        to.closeNs = from.closeNs;
        to.status = from.status;
        to.strike = from.strike;
        to.yesBid = from.yesBid;
        to.yesAsk = from.yesAsk;
        to.yesBidSize = from.yesBidSize;
        to.yesAskSize = from.yesAskSize;
        to.lastPrice = from.lastPrice;
        to.volume = from.volume;
        to.result = from.result;
        to.expirationValue = from.expirationValue;
        to.yesLevels = from.yesLevels;
        to.noLevels = from.noLevels;
        System.arraycopy(from.yesBidPrice, 0, to.yesBidPrice, 0, from.yesLevels);
        System.arraycopy(from.yesBidQty, 0, to.yesBidQty, 0, from.yesLevels);
        System.arraycopy(from.noBidPrice, 0, to.noBidPrice, 0, from.noLevels);
        System.arraycopy(from.noBidQty, 0, to.noBidQty, 0, from.noLevels);
    }

    /** A Kalshi poll: the previous window until its result has been reported, then the current one, quoted now. */
    void poll(final long t, final MarketListener listener)
    {
        if (havePrevious)
        {
            if (t >= previousSettleNs + cfg.kalshiReportAfterSettleMs * NS_PER_MS)
            {
                havePrevious = false;
            }
            else
            {
                previous.publishClosed(t, previousSettleNs, listener);
            }
        }
        quote(current, t);
        listener.onKalshiMarket(t, current);
    }

    private void quote(final KalshiMarketView w, final long t)
    {
        final double lagged = priceAgo.applyAsDouble(cfg.kalshiLagMs * NS_PER_MS);
        final double p = fairProbability(cfg, lagged, w.closeNs, t, w.strike, settleSum, settleSamples);
        kalshiNoiseState = 0.8 * kalshiNoiseState + 0.6 * cfg.kalshiNoise * random.nextGaussian();
        fillLadders(cfg, random, w, clamp(p + kalshiNoiseState, 0.002, 0.998));
        if (random.nextInt(4) == 0 && w.yesBid != KalshiMarketView.NULL)
        {
            w.lastPrice = random.nextInt(2) == 0 ? w.yesBid : (w.yesAsk == KalshiMarketView.NULL ? w.yesBid : w.yesAsk);
            kalshiVolume += 100L * (1 + random.nextInt(200));
        }
        w.volume = kalshiVolume;
    }

    /**
     * Quotes a market around the probability {@code quoted}: YES bid and ask half a spread either
     * side on the tapered deci-cent grid, then up to {@code kalshiLevels} YES and NO bid levels with
     * random sizes, in Kalshi's order (best bid last).
     */
    static void fillLadders(final MarketModelConfig cfg, final SplitMix64 random, final KalshiMarketView w,
        final double quoted)
    {
        final long bid = roundDownToTick(quoted - cfg.kalshiHalfSpread);
        long ask = roundUpToTick(quoted + cfg.kalshiHalfSpread);
        if (ask <= bid)
        {
            ask = bid + tickAt(bid);
        }
        if (ask > 9_990)
        {
            ask = 9_990;
        }
        w.yesLevels = 0;
        w.noLevels = 0;
        w.yesBid = KalshiMarketView.NULL;
        w.yesAsk = KalshiMarketView.NULL;
        if (bid >= 10)
        {
            w.yesBid = bid;
            long px = bid;
            for (int i = 0; i < cfg.kalshiLevels && px >= 10; i++)
            {
                w.yesBidPrice[i] = px;
                w.yesBidQty[i] = 100L * (5 + random.nextInt(400));
                w.yesLevels++;
                px -= tickAt(px - 1);
            }
            reverse(w.yesBidPrice, w.yesBidQty, w.yesLevels);
            w.yesBidSize = w.yesBidQty[w.yesLevels - 1];
        }
        final long noBid = 10_000 - ask;
        if (noBid >= 10)
        {
            w.yesAsk = ask;
            long px = noBid;
            for (int i = 0; i < cfg.kalshiLevels && px >= 10; i++)
            {
                w.noBidPrice[i] = px;
                w.noBidQty[i] = 100L * (5 + random.nextInt(400));
                w.noLevels++;
                px -= tickAt(px - 1);
            }
            reverse(w.noBidPrice, w.noBidQty, w.noLevels);
            w.yesAskSize = w.noBidQty[w.noLevels - 1];
        }
    }

    /**
     * P(average of the latent price over the last minute before {@code closeNs} >= strike), from a
     * lagged price and what of the average is known ({@code settleSum} over {@code settleSamples}).
     */
    static double fairProbability(final MarketModelConfig cfg, final double price, final long closeNs, final long t,
        final long strikeFixed, final double settleSum, final int settleSamples)
    {
        final double sigmaPerSqrtS = price * cfg.annualVol / StrictMath.sqrt(SECONDS_PER_YEAR);
        final double tau = StrictMath.max(0.0, (closeNs - t) / 1e9);
        final double strike = strikeFixed / 1e8;
        final double mean;
        final double variance;
        if (tau >= 60)
        {
            mean = price;
            variance = sigmaPerSqrtS * sigmaPerSqrtS * (tau - 60 + 20);
        }
        else
        {
            final double elapsed = 60 - tau;
            final double knownAvg = settleSamples > 0 ? settleSum / settleSamples : price;
            mean = (elapsed * knownAvg + tau * price) / 60.0;
            final double f = tau / 60.0;
            variance = f * f * sigmaPerSqrtS * sigmaPerSqrtS * tau / 3.0;
        }
        if (variance <= 1e-12)
        {
            return mean >= strike ? 0.999 : 0.001;
        }
        return normalCdf((mean - strike) / StrictMath.sqrt(variance));
    }

    /** Simulator-grade normal CDF (Abramowitz-Stegun 7.1.26, |error| < 1.5e-7). */
    private static double normalCdf(final double x)
    {
        final double z = StrictMath.abs(x) / StrictMath.sqrt(2.0);
        final double k = 1.0 / (1.0 + 0.3275911 * z);
        final double poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027
            + k * 1.061405429))));
        final double erf = 1.0 - poly * StrictMath.exp(-z * z);
        return x >= 0 ? 0.5 * (1.0 + erf) : 0.5 * (1.0 - erf);
    }

    static double clamp(final double x, final double lo, final double hi)
    {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** Tapered deci-cent: $0.001 ticks below $0.10 and above $0.90, $0.01 between. */
    private static long tickAt(final long price)
    {
        return price < 1_000 || price >= 9_000 ? 10 : 100;
    }

    private static long roundDownToTick(final double p)
    {
        final long raw = (long)StrictMath.floor(p * 10_000);
        final long tick = tickAt(raw);
        return StrictMath.floorDiv(raw, tick) * tick;
    }

    private static long roundUpToTick(final double p)
    {
        final long raw = (long)StrictMath.ceil(p * 10_000);
        final long tick = tickAt(raw);
        return -StrictMath.floorDiv(-raw, tick) * tick;
    }

    private static void reverse(final long[] a, final long[] b, final int n)
    {
        for (int i = 0, j = n - 1; i < j; i++, j--)
        {
            final long ta = a[i];
            a[i] = a[j];
            a[j] = ta;
            final long tb = b[i];
            b[i] = b[j];
            b[j] = tb;
        }
    }
}
