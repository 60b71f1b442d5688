package arb.sim.market;

/**
 * Parameters of the synthetic market: the latent "true" BTC price, the four venues' books and
 * trades around it (five with {@link #gemini(boolean)}), and Kalshi's 15-minute markets priced off it with a lag. Plain mutable fields
 * with realistic defaults; copy with {@link #copy()} before changing a shared instance.
 */
public final class MarketModelConfig
{
    /**
     * Number of spot venues the model can hold: index 0..3 Coinbase, Kraken, Bitstamp, Binance.US
     * (Venue ids 1..4), index 4 Gemini (Venue id 7), modelled only when {@link #gemini(boolean)} is on.
     */
    public static final int VENUES = 5;
    /** Gemini's venue index. */
    public static final int GEMINI = 4;

    /** Starting latent price, USD. */
    double startPrice = 65_000.0;
    /** Annualised volatility of the latent log price. */
    double annualVol = 0.55;
    /** Probability per second of a jump, and the jump's standard deviation as a fraction of price. */
    double jumpsPerSecond = 1.0 / 600.0;
    double jumpSigma = 0.0015;
    /** Latent path step, ms. */
    int pathStepMs = 10;

    /** Per venue (index 0 = Coinbase ... 3 = Binance.US, 4 = Gemini). */
    double[] gridStep = {0.25, 0.5, 1.0, 0.5, 0.5};
    int[] depth = {150, 100, 100, 120, 100};
    double[] updatesPerSecond = {40, 20, 8, 10, 12};
    double[] tradesPerSecond = {6, 3, 2, 5, 2};
    double[] bboPerSecond = {5, 0, 0, 0, 0};
    /** How far behind the latent price each venue's mid trails, ms. */
    int[] venueLagMs = {40, 80, 120, 60, 90};
    /** Venue timestamp -> receive time latency, ms. */
    int[] feedLatencyMs = {15, 25, 30, 20, 25};
    /** Standard deviation of each venue's basis (mid minus latent price), USD, and its mean reversion per s. */
    double[] basisSigma = {2.0, 3.0, 4.0, 6.0, 3.5};
    /** Whether Gemini (venue index 4) is modelled; it draws from its own random sequence. */
    boolean gemini;
    double basisReversion = 0.2;
    /** Mean size of a resting level and of a trade, BTC. */
    double levelSizeMean = 0.35;
    double tradeSizeMean = 0.04;
    /** Levels whose size changes on each book update, besides levels entering and leaving. */
    int sizeChangesPerUpdate = 2;
    /** Whether Binance.US is quoted in USDT (true) or USD. */
    boolean binanceUsdt = true;

    /** Kalshi: poll cadence, how far its quotes lag the latent price, quote noise, spread. */
    int kalshiIntervalMs = 1000;
    int kalshiLagMs = 5000;
    double kalshiNoise = 0.015;
    double kalshiHalfSpread = 0.01;
    int kalshiLevels = 5;
    /** Delay after close until the market reports its result. */
    int kalshiSettleDelayMs = 4000;
    /** For how long a settled market keeps being reported. */
    int kalshiReportAfterSettleMs = 3000;

    /** Whether the KXBTC15M windows are reported (they are always modelled, so the random sequence stays the same). */
    boolean fifteenMinute = true;
    /** KXBTCD: strikes per hourly event; 0 = no hourly events. */
    int hourlyStrikes;
    /** KXBTCD: spacing of an hourly event's strikes, USD. */
    double hourlyStrikeSpacingUsd = 250.0;

    /**
     * The Kalshi series reported: {@code KXBTC15M} (15-minute windows, the default), {@code KXBTCD}
     * (hourly events of {@code strikes} strike markets), or both.
     */
    public MarketModelConfig series(final boolean kxbtc15m, final boolean kxbtcd, final int strikes)
    {
        this.fifteenMinute = kxbtc15m;
        this.hourlyStrikes = kxbtcd ? strikes : 0;
        return this;
    }

    /**
     * Adds Gemini as a fifth venue (its own book, trades, lag and basis around the same latent price).
     * It draws from a random sequence of its own, so the other venues' events are the same with or
     * without it.
     */
    public MarketModelConfig gemini(final boolean on)
    {
        this.gemini = on;
        return this;
    }

    /** Whether Gemini is modelled. */
    public boolean gemini()
    {
        return gemini;
    }

    /** Spot venues modelled: 4, or 5 with Gemini. */
    public int venueCount()
    {
        return gemini ? VENUES : VENUES - 1;
    }

    /** Whether the KXBTC15M windows are reported. */
    public boolean fifteenMinute()
    {
        return fifteenMinute;
    }

    /** Whether KXBTCD hourly events are reported. */
    public boolean hourly()
    {
        return hourlyStrikes > 0;
    }

    /** Venue timestamp -> receive time latency of a venue (index 0 = Coinbase ... 3 = Binance.US), ms. */
    public int feedLatencyMs(final int venueIndex)
    {
        return feedLatencyMs[venueIndex];
    }

    /** Whether Binance.US is quoted in USDT (true) or USD. */
    public boolean binanceUsdt()
    {
        return binanceUsdt;
    }

    /** How far Kalshi's quotes lag the latent price, ms. */
    public MarketModelConfig kalshiLagMs(final int ms)
    {
        this.kalshiLagMs = ms;
        return this;
    }

    /** Delay after a window's close until it reports its result, ms. */
    public MarketModelConfig kalshiSettleDelayMs(final int ms)
    {
        this.kalshiSettleDelayMs = ms;
        return this;
    }

    /** For how long a settled window keeps being reported, ms. */
    public MarketModelConfig kalshiReportAfterSettleMs(final int ms)
    {
        this.kalshiReportAfterSettleMs = ms;
        return this;
    }

    public MarketModelConfig copy()
    {
        final MarketModelConfig c = new MarketModelConfig();
        c.startPrice = startPrice;
        c.annualVol = annualVol;
        c.jumpsPerSecond = jumpsPerSecond;
        c.jumpSigma = jumpSigma;
        c.pathStepMs = pathStepMs;
        c.gridStep = gridStep.clone();
        c.depth = depth.clone();
        c.updatesPerSecond = updatesPerSecond.clone();
        c.tradesPerSecond = tradesPerSecond.clone();
        c.bboPerSecond = bboPerSecond.clone();
        c.venueLagMs = venueLagMs.clone();
        c.feedLatencyMs = feedLatencyMs.clone();
        c.basisSigma = basisSigma.clone();
        c.basisReversion = basisReversion;
        c.levelSizeMean = levelSizeMean;
        c.tradeSizeMean = tradeSizeMean;
        c.sizeChangesPerUpdate = sizeChangesPerUpdate;
        c.binanceUsdt = binanceUsdt;
        c.gemini = gemini;
        c.kalshiIntervalMs = kalshiIntervalMs;
        c.kalshiLagMs = kalshiLagMs;
        c.kalshiNoise = kalshiNoise;
        c.kalshiHalfSpread = kalshiHalfSpread;
        c.kalshiLevels = kalshiLevels;
        c.kalshiSettleDelayMs = kalshiSettleDelayMs;
        c.kalshiReportAfterSettleMs = kalshiReportAfterSettleMs;
        c.fifteenMinute = fifteenMinute;
        c.hourlyStrikes = hourlyStrikes;
        c.hourlyStrikeSpacingUsd = hourlyStrikeSpacingUsd;
        return c;
    }

    /** Multiplies every venue's update, trade and BBO rate (heavier sessions for tests and benchmarks). */
    public MarketModelConfig intensity(final double factor)
    {
        for (int v = 0; v < VENUES; v++)
        {
            updatesPerSecond[v] *= factor;
            tradesPerSecond[v] *= factor;
            bboPerSecond[v] *= factor;
        }
        return this;
    }
}
