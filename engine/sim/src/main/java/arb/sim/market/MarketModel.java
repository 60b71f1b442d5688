package arb.sim.market;

import arb.market.book.PriceLevelBook;

/**
 * A seeded synthetic Bitcoin market: one latent "true" price path (log random walk with jumps),
 * four venues (five with Gemini, which draws from its own random sequence) whose books and trades follow it with their own lag, basis noise and rates, and
 * Kalshi 15-minute markets whose quotes follow the latent price with a configurable lag and noise,
 * whose strike is the previous window's settlement value, and which settle on the 60-second average
 * of the latent price over (close - 60 s, close] - a price no venue book shows exactly, so any
 * index computed from the books has a real, non-zero error against it.
 *
 * <p>Discrete-event: {@link #nextEventNs()} tells when the next thing happens and {@link #step}
 * makes it happen. The same seed, start and config always give the same sequence. Used by the
 * session generator (events straight into a journal) and by the venue simulator (frames on the
 * wire, paced by the receive clock). The Kalshi windows' quoting and settlement live in
 * {@link KalshiWindows}; this class owns the latent path, the venues' books and the event schedule.
 */
public final class MarketModel
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;
    private static final int HISTORY = 4096;
    private static final int SIZE_SLOTS = 8192;
    private static final int VENUES = MarketModelConfig.VENUES;
    private static final long HOURLY_SEED_MIX = 0x4B58_4254_4344_0001L;
    private static final long GEMINI_SEED_MIX = 0x4745_4D49_4E49_0005L;
    private static final MarketListener SILENT = new MarketListener()
    {
        @Override
        public void onBookChanges(final int venueIndex, final long recvNs, final long venueNs, final LevelChanges changes,
            final PriceLevelBook book)
        {
        }

        @Override
        public void onTrade(final int venueIndex, final long recvNs, final long venueNs, final boolean buyerAggressor,
            final long price, final long size, final long tradeId)
        {
        }

        @Override
        public void onBestBidOffer(final int venueIndex, final long recvNs, final long venueNs, final PriceLevelBook book)
        {
        }

        @Override
        public void onKalshiMarket(final long recvNs, final KalshiMarketView market)
        {
        }
    };

    /** Sources, in tie-break order. */
    private static final int SRC_UPDATE = 0;
    private static final int SRC_TRADE = VENUES;
    private static final int SRC_BBO = 2 * VENUES;
    private static final int SRC_KALSHI = 3 * VENUES;
    private static final int SOURCES = 3 * VENUES + 1;

    private final MarketModelConfig cfg;
    private final SplitMix64 random;
    /** Gemini's own draws (venue index 4): adding it shifts nothing in the other venues' sequence. */
    private final SplitMix64 geminiRandom;
    private final long[] next = new long[SOURCES];

    // latent path
    private final long pathStepNs;
    private final double sigmaStep;
    private final double[] history = new double[HISTORY];
    private long pathNs;
    private long pathIndex;
    private double logPrice;

    // venues
    private final PriceLevelBook[] books = new PriceLevelBook[VENUES];
    private final long[][] sizes = new long[VENUES][SIZE_SLOTS];
    private final long[] bestBidIdx = new long[VENUES];
    private final long[] bestAskIdx = new long[VENUES];
    private final double[] basis = new double[VENUES];
    private final long[] lastVenueUpdateNs = new long[VENUES];
    private final long[] tradeIds = new long[VENUES];
    private final LevelChanges changes = new LevelChanges();

    private final KalshiWindows kalshi;
    /** KXBTCD hourly events, or null when the config has none. */
    private final HourlyEvents hourly;
    private long nextSampleNs;

    public MarketModel(final MarketModelConfig config, final long seed, final long startNs)
    {
        this.cfg = config.copy();
        this.random = new SplitMix64(seed);
        this.geminiRandom = new SplitMix64(seed ^ GEMINI_SEED_MIX);
        this.pathStepNs = cfg.pathStepMs * NS_PER_MS;
        this.sigmaStep = cfg.annualVol * StrictMath.sqrt(cfg.pathStepMs / 1000.0 / SECONDS_PER_YEAR);
        this.logPrice = StrictMath.log(cfg.startPrice);
        this.pathNs = startNs;
        for (int i = 0; i < HISTORY; i++)
        {
            history[i] = cfg.startPrice;
        }
        for (int v = 0; v < VENUES; v++)
        {
            books[v] = new PriceLevelBook(cfg.depth[v] * 2);
            tradeIds[v] = 1_000_000L * (v + 1);
            if (v == MarketModelConfig.GEMINI && !cfg.gemini)
            {
                next[SRC_UPDATE + v] = Long.MAX_VALUE;
                next[SRC_TRADE + v] = Long.MAX_VALUE;
                next[SRC_BBO + v] = Long.MAX_VALUE;
                continue;
            }
            next[SRC_UPDATE + v] = startNs + interval(v, cfg.updatesPerSecond[v]);
            next[SRC_TRADE + v] = startNs + interval(v, cfg.tradesPerSecond[v]);
            next[SRC_BBO + v] = cfg.bboPerSecond[v] > 0 ? startNs + interval(v, cfg.bboPerSecond[v]) : Long.MAX_VALUE;
            buildInitialBook(v, startNs);
        }
        next[SRC_KALSHI] = startNs + cfg.kalshiIntervalMs * NS_PER_MS;
        nextSampleNs = (startNs / NS_PER_S + 1) * NS_PER_S;
        kalshi = new KalshiWindows(cfg, random, this::priceAgo, startNs);
        hourly = cfg.hourlyStrikes > 0
            ? new HourlyEvents(cfg, new SplitMix64(seed ^ HOURLY_SEED_MIX), this::priceAgo, startNs) : null;
    }

    public MarketModelConfig config()
    {
        return cfg;
    }

    /** The venue's current book (index 0 = Coinbase ... 3 = Binance.US, 4 = Gemini when modelled). */
    public PriceLevelBook book(final int venueIndex)
    {
        return books[venueIndex];
    }

    /** The latent true price now, USD. */
    public double truePrice()
    {
        return StrictMath.exp(logPrice);
    }

    /** Time of the next model event, epoch ns. */
    public long nextEventNs()
    {
        long min = Long.MAX_VALUE;
        for (int s = 0; s < SOURCES; s++)
        {
            min = Math.min(min, next[s]);
        }
        return min;
    }

    /** Executes the next event, reporting it to the listener; returns its time. */
    public long step(final MarketListener listener)
    {
        int src = 0;
        for (int s = 1; s < SOURCES; s++)
        {
            if (next[s] < next[src])
            {
                src = s;
            }
        }
        final long t = next[src];
        advancePath(t);
        if (src < SRC_TRADE)
        {
            final int v = src - SRC_UPDATE;
            updateBook(v, t, listener);
            next[src] = t + interval(v, cfg.updatesPerSecond[v]);
        }
        else if (src < SRC_BBO)
        {
            final int v = src - SRC_TRADE;
            trade(v, t, listener);
            next[src] = t + interval(v, cfg.tradesPerSecond[v]);
        }
        else if (src < SRC_KALSHI)
        {
            final int v = src - SRC_BBO;
            listener.onBestBidOffer(v, t, t - cfg.feedLatencyMs[v] * NS_PER_MS, books[v]);
            next[src] = t + interval(v, cfg.bboPerSecond[v]);
        }
        else
        {
            // The 15-minute windows always run (their draws are part of the one sequence); they are
            // reported unless the config leaves KXBTC15M out.
            kalshi.poll(t, cfg.fifteenMinute ? listener : SILENT);
            if (hourly != null)
            {
                hourly.poll(t, listener);
            }
            next[src] = t + cfg.kalshiIntervalMs * NS_PER_MS;
        }
        return t;
    }

    /** The random sequence venue {@code v} draws from: Gemini's own, the model's for the others. */
    private SplitMix64 rng(final int v)
    {
        return v == MarketModelConfig.GEMINI ? geminiRandom : random;
    }

    private long interval(final int v, final double perSecond)
    {
        if (perSecond <= 0)
        {
            return Long.MAX_VALUE / 4;
        }
        return 1 + (long)(rng(v).nextExponential(1.0 / perSecond) * NS_PER_S);
    }

    // ------------------------------------------------------------------ latent path

    private void advancePath(final long t)
    {
        while (pathNs + pathStepNs <= t)
        {
            pathNs += pathStepNs;
            double step = sigmaStep * random.nextGaussian();
            if (random.nextDouble() < cfg.jumpsPerSecond * cfg.pathStepMs / 1000.0)
            {
                step += cfg.jumpSigma * random.nextGaussian();
            }
            logPrice += step;
            history[(int)(++pathIndex & (HISTORY - 1))] = StrictMath.exp(logPrice);
            while (nextSampleNs <= pathNs)
            {
                kalshi.sampleSecond(nextSampleNs, history[(int)(pathIndex & (HISTORY - 1))]);
                if (hourly != null)
                {
                    hourly.sampleSecond(nextSampleNs, history[(int)(pathIndex & (HISTORY - 1))]);
                }
                nextSampleNs += NS_PER_S;
            }
        }
    }

    /** Latent price {@code lagNs} ago (bounded by the kept history). */
    private double priceAgo(final long lagNs)
    {
        long steps = lagNs / pathStepNs;
        if (steps >= HISTORY - 1)
        {
            steps = HISTORY - 2;
        }
        if (steps > pathIndex)
        {
            steps = pathIndex;
        }
        return history[(int)((pathIndex - steps) & (HISTORY - 1))];
    }

    // ------------------------------------------------------------------ venues

    private long toFixed(final double usd)
    {
        return StrictMath.round(usd * 100_000_000.0);
    }

    private long gridPrice(final int v, final long idx)
    {
        return toFixed(idx * cfg.gridStep[v]);
    }

    private long levelSize(final int v, final long idx)
    {
        final int slot = (int)(idx & (SIZE_SLOTS - 1));
        long s = sizes[v][slot];
        if (s == 0)
        {
            s = drawSize(v, idx);
            sizes[v][slot] = s;
        }
        return s;
    }

    private long drawSize(final int v, final long idx)
    {
        final SplitMix64 r = rng(v);
        final double mean = cfg.levelSizeMean * (1.0 + 0.02 * r.nextInt(50));
        long s = StrictMath.round(r.nextExponential(mean) * 1e8);
        s = Math.max(s, 100_000L); // at least 0.001 BTC
        return s;
    }

    private double venueMid(final int v)
    {
        return priceAgo(cfg.venueLagMs[v] * NS_PER_MS) + basis[v];
    }

    private void placeTop(final int v, final double mid)
    {
        final double step = cfg.gridStep[v];
        final long bb = (long)StrictMath.floor((mid - step / 2) / step);
        long ba = (long)StrictMath.ceil((mid + step / 2) / step);
        if (ba <= bb)
        {
            ba = bb + 1;
        }
        bestBidIdx[v] = bb;
        bestAskIdx[v] = ba;
    }

    private void buildInitialBook(final int v, final long t)
    {
        basis[v] = cfg.basisSigma[v] * rng(v).nextGaussian();
        placeTop(v, venueMid(v));
        final PriceLevelBook book = books[v];
        book.clear();
        for (int i = 0; i < cfg.depth[v]; i++)
        {
            book.set(true, gridPrice(v, bestBidIdx[v] - i), levelSize(v, bestBidIdx[v] - i));
            book.set(false, gridPrice(v, bestAskIdx[v] + i), levelSize(v, bestAskIdx[v] + i));
        }
        book.touch(t);
        lastVenueUpdateNs[v] = t;
    }

    private void updateBook(final int v, final long t, final MarketListener listener)
    {
        final double dt = (t - lastVenueUpdateNs[v]) / 1e9;
        lastVenueUpdateNs[v] = t;
        final double decay = StrictMath.exp(-cfg.basisReversion * dt);
        basis[v] = basis[v] * decay
            + cfg.basisSigma[v] * StrictMath.sqrt(1 - decay * decay) * rng(v).nextGaussian();

        final long oldBb = bestBidIdx[v];
        final long oldBa = bestAskIdx[v];
        placeTop(v, venueMid(v));
        final long bb = bestBidIdx[v];
        final long ba = bestAskIdx[v];
        final int depth = cfg.depth[v];
        changes.clear();
        final PriceLevelBook book = books[v];

        // Bid window moves from [oldBb-depth+1, oldBb] to [bb-depth+1, bb].
        for (long i = oldBb - depth + 1; i <= oldBb; i++)
        {
            if (i > bb || i < bb - depth + 1)
            {
                changes.add(true, gridPrice(v, i), 0);
            }
        }
        for (long i = bb - depth + 1; i <= bb; i++)
        {
            if (i > oldBb || i < oldBb - depth + 1)
            {
                sizes[v][(int)(i & (SIZE_SLOTS - 1))] = drawSize(v, i);
                changes.add(true, gridPrice(v, i), levelSize(v, i));
            }
        }
        for (long i = oldBa; i <= oldBa + depth - 1; i++)
        {
            if (i < ba || i > ba + depth - 1)
            {
                changes.add(false, gridPrice(v, i), 0);
            }
        }
        for (long i = ba; i <= ba + depth - 1; i++)
        {
            if (i < oldBa || i > oldBa + depth - 1)
            {
                sizes[v][(int)(i & (SIZE_SLOTS - 1))] = drawSize(v, i);
                changes.add(false, gridPrice(v, i), levelSize(v, i));
            }
        }
        for (int k = 0; k < cfg.sizeChangesPerUpdate; k++)
        {
            final boolean bid = rng(v).nextInt(2) == 0;
            // Activity concentrates near the top of the book.
            final int rank = (int)StrictMath.min(depth - 1, rng(v).nextExponential(6.0));
            final long idx = bid ? bb - rank : ba + rank;
            final long size = drawSize(v, idx);
            sizes[v][(int)(idx & (SIZE_SLOTS - 1))] = size;
            changes.add(bid, gridPrice(v, idx), size);
        }
        for (int i = 0; i < changes.count(); i++)
        {
            book.set(changes.isBid(i), changes.price(i), changes.qty(i));
        }
        book.touch(t);
        listener.onBookChanges(v, t, t - cfg.feedLatencyMs[v] * NS_PER_MS, changes, book);
    }

    private void trade(final int v, final long t, final MarketListener listener)
    {
        final PriceLevelBook book = books[v];
        if (!book.isTwoSided())
        {
            return;
        }
        final SplitMix64 r = rng(v);
        final boolean buy = r.nextInt(2) == 0;
        final long price = buy ? book.bestAsk() : book.bestBid();
        final long size = Math.max(1_000L, StrictMath.round(r.nextExponential(cfg.tradeSizeMean) * 1e8));
        listener.onTrade(v, t, t - cfg.feedLatencyMs[v] * NS_PER_MS, buy, price, size, ++tradeIds[v]);
    }
}
