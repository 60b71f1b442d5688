package arb.sim.market;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;

import arb.market.kalshi.KalshiCalendar;

/**
 * The market model's KXBTCD hourly events: each hour one event of {@code hourlyStrikes} strike
 * markets ("above $X", strikes $Y.99 on a {@code hourlyStrikeSpacingUsd} grid centred on the
 * price at the event's start), quoted on every Kalshi poll from the lagged latent price like the
 * 15-minute windows, settling on the same 60-second average of the latent price before the hour
 * (YES when the average is strictly above the strike), reported determined after the settle delay.
 * Draws from its own random sequence, so switching hourly events on leaves every other event of a
 * session exactly as it was.
 */
final class HourlyEvents
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long HOUR_NS = 3600 * NS_PER_S;
    private static final long AVERAGING_NS = 60 * NS_PER_S;
    private static final long CENT = 1_000_000L;

    private final MarketModelConfig cfg;
    private final SplitMix64 random;
    private final LongToDoubleFunction priceAgo;
    private final KalshiMarketView[] current;
    private final KalshiMarketView[] previous;
    private final double[] noise;
    private final long[] volume;
    private boolean havePrevious;
    private long previousSettleNs;
    private double settleSum;
    private int settleSamples;

    HourlyEvents(final MarketModelConfig cfg, final SplitMix64 random, final LongToDoubleFunction priceAgo,
        final long startNs)
    {
        this.cfg = cfg;
        this.random = random;
        this.priceAgo = priceAgo;
        final int n = cfg.hourlyStrikes;
        current = new KalshiMarketView[n];
        previous = new KalshiMarketView[n];
        noise = new double[n];
        volume = new long[n];
        for (int i = 0; i < n; i++)
        {
            current[i] = new KalshiMarketView();
            previous[i] = new KalshiMarketView();
        }
        openEvent((startNs / HOUR_NS + 1) * HOUR_NS, cfg.startPrice);
    }

    /** The market ticker of a strike: the event ticker, then {@code -T} and the strike in dollars and cents. */
    static String strikeTicker(final String eventTicker, final long strikeFixed)
    {
        final long cents = strikeFixed / CENT;
        return String.format(Locale.ROOT, "%s-T%d.%02d", eventTicker, cents / 100, cents % 100);
    }

    private void openEvent(final long closeNs, final double centreUsd)
    {
        final String event = KalshiCalendar.KXBTCD.eventTicker(closeNs);
        final long spacingCents = StrictMath.round(cfg.hourlyStrikeSpacingUsd * 100);
        final long centreCents = StrictMath.round(centreUsd / cfg.hourlyStrikeSpacingUsd) * spacingCents;
        final int n = current.length;
        for (int i = 0; i < n; i++)
        {
            final KalshiMarketView w = current[i];
            // "above $X": strikes one cent below the grid, as Kalshi lists them (T70249.99)
            final long strike = (centreCents + (i - n / 2) * spacingCents - 1) * CENT;
            w.series = KalshiMarketView.SERIES_KXBTCD;
            w.eventTicker = event;
            w.ticker = strikeTicker(event, strike);
            w.closeNs = closeNs;
            w.openNs = KalshiCalendar.KXBTCD.openNs(closeNs);
            w.status = KalshiMarketView.STATUS_ACTIVE;
            w.strike = strike;
            w.result = KalshiMarketView.RESULT_NONE;
            w.expirationValue = KalshiMarketView.NULL;
            w.lastPrice = KalshiMarketView.NULL;
            w.volume = 0;
            volume[i] = 0;
        }
        settleSum = 0;
        settleSamples = 0;
    }

    /** Once per second of the latent path: the settlement average's samples, and the event's close. */
    void sampleSecond(final long secondNs, final double latentPrice)
    {
        final long closeNs = current[0].closeNs;
        if (secondNs > closeNs - AVERAGING_NS && secondNs <= closeNs)
        {
            settleSum += latentPrice;
            settleSamples++;
        }
        if (secondNs == closeNs)
        {
            final long value = settleSamples > 0 ? KalshiWindows.roundToCents(settleSum / settleSamples)
                : KalshiWindows.roundToCents(latentPrice);
            for (int i = 0; i < current.length; i++)
            {
                KalshiWindows.copyView(current[i], previous[i]);
                previous[i].status = KalshiMarketView.STATUS_CLOSED;
                previous[i].expirationValue = value;
                previous[i].result = value > previous[i].strike ? KalshiMarketView.RESULT_YES : KalshiMarketView.RESULT_NO;
            }
            previousSettleNs = closeNs + cfg.kalshiSettleDelayMs * NS_PER_MS;
            havePrevious = true;
            openEvent(closeNs + HOUR_NS, value / 1e8);
        }
    }

    /** A Kalshi poll: the previous event's markets until their results were reported, then every strike quoted now. */
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
                for (final KalshiMarketView p : previous)
                {
                    p.publishClosed(t, previousSettleNs, listener);
                }
            }
        }
        final double lagged = priceAgo.applyAsDouble(cfg.kalshiLagMs * NS_PER_MS);
        for (int i = 0; i < current.length; i++)
        {
            final KalshiMarketView w = current[i];
            // strictly above the strike: on the cent grid, at least the strike plus a cent
            final double p = KalshiWindows.fairProbability(cfg, lagged, w.closeNs, t, w.strike + CENT, settleSum,
                settleSamples);
            noise[i] = 0.8 * noise[i] + 0.6 * cfg.kalshiNoise * random.nextGaussian();
            KalshiWindows.fillLadders(cfg, random, w, KalshiWindows.clamp(p + noise[i], 0.002, 0.998));
            if (random.nextInt(4) == 0 && w.yesBid != KalshiMarketView.NULL)
            {
                w.lastPrice = random.nextInt(2) == 0 ? w.yesBid : (w.yesAsk == KalshiMarketView.NULL ? w.yesBid : w.yesAsk);
                volume[i] += 100L * (1 + random.nextInt(200));
            }
            w.volume = volume[i];
            listener.onKalshiMarket(t, w);
        }
    }
}
