package arb.sim.kalshi;

import java.security.PublicKey;
import java.util.function.DoubleSupplier;

import arb.feeds.ReceiveClock;
import arb.market.book.PriceLevelBook;
import arb.market.kalshi.KalshiCalendar;
import arb.sim.market.KalshiMarketView;
import arb.sim.market.LevelChanges;
import arb.sim.market.MarketListener;
import arb.sim.server.SimRoutes;

/**
 * Kalshi on the venue simulator: the Trade API v2 REST endpoints the engine reads
 * ({@code GET /markets}, {@code /markets/{ticker}}, {@code /markets/{ticker}/orderbook}) under
 * {@value #REST_PREFIX}, and the WebSocket ({@value #WS_PATH}: {@code orderbook_snapshot/delta} with
 * per-subscription {@code seq}, {@code ticker}, {@code market_lifecycle_v2}, {@code cfbenchmarks_value})
 * whose handshake signature is verified against a test public key. The markets are the market
 * model's KXBTC15M windows (a {@link MarketListener}): strike = the previous window's settlement,
 * quotes following the latent price with the model's lag and noise, settlement on the 60-second
 * average of the latent price over (close - 60 s, close], which no venue book shows exactly. The
 * BRTI relay is the latent price sampled at each second of the clock.
 *
 * <p>Realistic misbehaviour is configurable: a new window listed only {@code listingDelayMs} after it
 * opens (404 until then), a closed window still reported {@code active} for {@code closedListedAsOpenMs}.
 * Faults injected at runtime ({@link #inject}): 429s, 5xx, slow responses, a WebSocket sequence gap.
 * Runs on the simulator's event loop (REST handlers, WebSocket sessions and model callbacks alike);
 * {@link #inject} may be called from any thread.
 *
 * <p>This class wires the parts and relays the BRTI: {@link KalshiMarkets} (the windows' state and
 * lifecycle), {@link KalshiRest} (REST routes and JSON), {@link KalshiWebSocket} and
 * {@link KalshiConnection} (handshake, channels), {@link KalshiFaults} (pending faults).
 */
public final class KalshiSim implements MarketListener
{
    public static final String REST_PREFIX = "/kalshi/trade-api/v2";
    public static final String WS_PATH = "/kalshi/trade-api/ws/v2";

    private static final long NS_PER_S = 1_000_000_000L;

    /** Faults {@link #inject} understands. */
    public enum Fault
    {
        /** The next {@code count} REST requests answer 429. */
        RATE_LIMIT,
        /** The next {@code count} REST requests answer 503. */
        SERVER_ERROR,
        /** The next {@code count} REST responses are delayed by {@code Config#slowResponseMs}. */
        SLOW,
        /** The next order book message of every WebSocket session skips a sequence number. */
        SEQ_GAP,
        /** Closes every WebSocket session abruptly. */
        DROP
    }

    /** Behaviour settings; all times in milliseconds of the simulator's clock unless noted. */
    public static final class Config
    {
        /** A window becomes visible (listed) this long after it opens. */
        long listingDelayMs;
        /** A closed window is still reported {@code active} for this long after its close. */
        long closedListedAsOpenMs;
        /** A determined market reports {@code finalized} this long after its result. */
        long finalizeAfterMs = 60_000;
        /** Delay of a SLOW response, real milliseconds. */
        long slowResponseMs = 2_000;
        /** {@code Retry-After} of a 429, real milliseconds (sent in whole seconds, rounded up); 0: no header. */
        long rateLimitRetryAfterMs = 1_000;
        /** Markets kept for REST queries (oldest dropped). */
        int keepMarkets = 200;
        /** Public key that signatures must verify with; null accepts any (or no) signature. */
        PublicKey verifyKey;
        /** Without signature headers: accept the connection with public channels only (else 401). */
        boolean allowUnauthenticated;
        /** Real-time tolerance of the signature timestamp, ms. */
        long signatureSkewMs = 300_000;
        /** fee_multiplier of {@code GET /series/{ticker}} (fee_type quadratic), as a decimal. */
        String feeMultiplier = "1";

        /** The {@code fee_multiplier} {@code GET /series/{ticker}} reports (a decimal >= 0; default 1). */
        public Config feeMultiplier(final String decimal)
        {
            if (!decimal.matches("[0-9]+(\\.[0-9]+)?"))
            {
                throw new IllegalArgumentException("fee multiplier must be a decimal >= 0, got '" + decimal + "'");
            }
            this.feeMultiplier = decimal;
            return this;
        }

        /** A window becomes visible (listed) this long after it opens. */
        public Config listingDelayMs(final long ms)
        {
            this.listingDelayMs = ms;
            return this;
        }

        /** A closed window is still reported {@code active} for this long after its close. */
        public Config closedListedAsOpenMs(final long ms)
        {
            this.closedListedAsOpenMs = ms;
            return this;
        }

        /** Delay of a SLOW response, real milliseconds. */
        public Config slowResponseMs(final long ms)
        {
            this.slowResponseMs = ms;
            return this;
        }

        /** {@code Retry-After} of a 429 (ms, sent in whole seconds rounded up); 0: none. */
        public Config rateLimitRetryAfterMs(final long ms)
        {
            this.rateLimitRetryAfterMs = ms;
            return this;
        }

        /** Public key that signatures must verify with; null accepts any (or no) signature. */
        public Config verifyKey(final PublicKey key)
        {
            this.verifyKey = key;
            return this;
        }

        /** Without signature headers: accept the connection with public channels only (else 401). */
        public Config allowUnauthenticated(final boolean allow)
        {
            this.allowUnauthenticated = allow;
            return this;
        }
    }

    private final KalshiMarkets markets;
    private final KalshiFaults faults = new KalshiFaults();
    private final KalshiRest rest;
    private final KalshiWebSocket webSocket;
    private final double[] lastMinute = new double[60];
    private DoubleSupplier truePrice;
    private long lastSecond = Long.MIN_VALUE;
    private int samples;

    public KalshiSim(final ReceiveClock clock, final Config settings)
    {
        this.markets = new KalshiMarkets(settings);
        this.rest = new KalshiRest(clock, settings, markets, faults);
        this.webSocket = new KalshiWebSocket(clock, settings, markets, faults);
    }

    /** Registers the REST prefix and the WebSocket path on the simulator's routes (before it starts). */
    public KalshiSim register(final SimRoutes routes)
    {
        routes.httpPrefix(REST_PREFIX + "/markets", rest);
        routes.httpPrefix(REST_PREFIX + "/series", rest);
        routes.webSocket(WS_PATH, webSocket);
        return this;
    }

    /** The latent price source for the BRTI relay (read on the simulator's loop). */
    public KalshiSim attach(final DoubleSupplier latentPrice)
    {
        this.truePrice = latentPrice;
        return this;
    }

    /** Injects a fault (any thread): {@code count} is the number of REST requests affected. */
    public void inject(final Fault fault, final int count)
    {
        faults.inject(fault, count);
    }

    /** One REST request as the simulator saw it: receive-clock time, URI, the status answered, the delay applied (ms). */
    public record RestRecord(long clockNs, String uri, int status, long delayMs)
    {
    }

    /** Every REST request so far, in arrival order (for measurements of the client's recovery). */
    public java.util.List<RestRecord> restLog()
    {
        return rest.log();
    }

    public long restRequests()
    {
        return rest.requests();
    }

    public long refusedHandshakes()
    {
        return webSocket.refusedHandshakes();
    }

    public int sessionCount()
    {
        return webSocket.sessionCount();
    }

    // ------------------------------------------------------------------ the market (model callbacks)

    @Override
    public void onKalshiMarket(final long recvNs, final KalshiMarketView view)
    {
        KalshiMarket m = markets.get(view.closeNs(), view.ticker());
        final boolean created = m == null;
        if (created)
        {
            m = markets.add(view.ticker(), view.openNs(), view.closeNs());
        }
        final int oldStatus = m.status;
        m.update(view, recvNs);
        webSocket.onMarket(m, created, oldStatus, recvNs);
        clockSecond(recvNs);
    }

    @Override
    public void onBookChanges(
        final int venueIndex, final long recvNs, final long venueNs, final LevelChanges changes, final PriceLevelBook book)
    {
        clockSecond(recvNs);
    }

    @Override
    public void onTrade(
        final int venueIndex, final long recvNs, final long venueNs, final boolean buyerAggressor, final long price,
        final long size, final long tradeId)
    {
        clockSecond(recvNs);
    }

    @Override
    public void onBestBidOffer(final int venueIndex, final long recvNs, final long venueNs, final PriceLevelBook book)
    {
        clockSecond(recvNs);
    }

    /** Once per clock second: the BRTI relay (latent price, its trailing 60 s average, the final-minute average). */
    private void clockSecond(final long nowNs)
    {
        if (faults.takeDrop())
        {
            webSocket.dropAll();
        }
        final long second = nowNs / NS_PER_S;
        if (second == lastSecond || truePrice == null)
        {
            return;
        }
        lastSecond = second;
        final double price = Math.round(truePrice.getAsDouble() * 100.0) / 100.0;
        lastMinute[(int)(second % 60)] = price;
        samples = Math.min(samples + 1, 60);
        double sum = 0;
        for (int i = 0; i < samples; i++)
        {
            sum += lastMinute[(int)((second - i) % 60)];
        }
        final double avg60 = sum / samples;
        final long secondNs = second * NS_PER_S;
        final long close = KalshiCalendar.KXBTC15M.currentCloseNs(secondNs - 1);
        final long intoFinalMinute = secondNs - (close - 60 * NS_PER_S);
        double window = Double.NaN;
        if (intoFinalMinute > 0 && intoFinalMinute <= 60 * NS_PER_S)
        {
            final int n = (int)Math.min(samples, intoFinalMinute / NS_PER_S);
            double w = 0;
            for (int i = 0; i < n; i++)
            {
                w += lastMinute[(int)((second - i) % 60)];
            }
            window = n > 0 ? w / n : Double.NaN;
        }
        webSocket.index(second * 1000, price, avg60, window);
    }
}
