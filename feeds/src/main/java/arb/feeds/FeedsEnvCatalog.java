package arb.feeds;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import arb.market.config.EnvCatalog;
import arb.market.config.Range;
import arb.sbe.Venue;

/**
 * Every environment setting the feeds read, with its default: the spot feeds ({@code feeds.*},
 * one block per venue under {@code feeds.<venue>.*}), the Kalshi feed ({@code kalshi.feed.*}) and
 * the receive clock ({@code clock.*}). The per-venue defaults respect the real venues' documented
 * limits (docs/venues.md). Lives in arb-feeds so the feeds read their settings without depending on
 * the engine; {@code arb params --env} lists it.
 */
public final class FeedsEnvCatalog
{
    /** The catalog; read-only after class initialisation. */
    public static final EnvCatalog CATALOG = new EnvCatalog();

    private static final List<Venue> SPOT_VENUES =
        List.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI);

    static
    {
        final EnvCatalog c = CATALOG;
        // ---- spot feeds, shared
        c.define("feeds.venues", "list", "coinbase,kraken,bitstamp,binanceus,gemini", "Spot venues to run (comma list)");
        c.define("feeds.maxFrameBytes", "int", "16777216", "Largest WebSocket frame (bytes) accepted from a spot venue");
        c.define("feeds.userAgent", "text", "arb-engine/0.1 (+netty)", "User-Agent of the spot feeds' HTTP and WebSocket requests");
        c.define("feeds.checkIntervalMs", "ms", "100", "Housekeeping interval of the spot feeds (silence, backoff, resync timers)");
        c.define("feeds.seed", "int", "42", "Seed of the reconnect jitter (shapes timing only, never a logic decision)");
        c.define("feeds.sim", "host:port", "", "Point every spot venue at the local venue simulator (`arb sim`) at HOST:PORT");

        // ---- spot feeds, per venue
        for (final Venue v : SPOT_VENUES)
        {
            final String p = "feeds." + v.name().toLowerCase(Locale.ROOT) + ".";
            final Map<String, String> d = venueDefaults(v);
            c.define(p + "enabled", "bool", d.getOrDefault("enabled", "true"), "Run this venue (it must also be listed in feeds.venues)");
            c.define(p + "ws", "uri", d.get("ws"), "WebSocket endpoint");
            c.define(p + "rest", "uri", d.getOrDefault("rest", ""), "REST endpoint (listing check, snapshots); empty: none");
            c.define(p + "symbol", "text", d.get("symbol"), "The venue's symbol of the BTC pair");
            c.define(p + "quote", "enum", d.getOrDefault("quote", "usd"), "Quote currency of the pair: usd or usdt");
            c.define(p + "depth", "int", d.getOrDefault("depth", "0"),
                "Subscribed book depth (Kraken: 10, 25, 100, 500 or 1000); 0 when the venue has no depth choice");
            c.define(p + "priceDecimals", "int", d.getOrDefault("priceDecimals", "2"),
                "The pair's price precision (Kraken renders its book checksum at it)");
            c.define(p + "qtyDecimals", "int", d.getOrDefault("qtyDecimals", "8"), "The pair's quantity precision");
            c.define(p + "connectTimeoutMs", "ms", d.getOrDefault("connectTimeoutMs", "5000"), "TCP/TLS connect timeout");
            c.define(p + "handshakeTimeoutMs", "ms", d.getOrDefault("handshakeTimeoutMs", "10000"), "WebSocket handshake timeout");
            c.define(p + "subscribeTimeoutMs", "ms", d.getOrDefault("subscribeTimeoutMs", "10000"),
                "Subscription acknowledgement timeout");
            c.define(p + "silenceStaleMs", "ms", d.getOrDefault("silenceStaleMs", "5000"),
                "No message for this long marks the feed stale");
            c.define(p + "silenceReconnectMs", "ms", d.getOrDefault("silenceReconnectMs", "15000"),
                "No message for this long closes the connection and reconnects");
            c.define(p + "keepaliveMs", "ms", d.getOrDefault("keepaliveMs", "0"), "Application ping interval; 0: none");
            c.define(p + "backoffInitialMs", "ms", d.getOrDefault("backoffInitialMs", "500"), "First reconnect delay");
            c.define(p + "backoffMaxMs", "ms", d.getOrDefault("backoffMaxMs", "30000"), "Largest reconnect delay");
            c.define(p + "minReconnectDelayMs", "ms", d.getOrDefault("minReconnectDelayMs", "0"),
                "Never reconnect sooner than this after a disconnect");
            c.define(p + "maxAttempts", "int", d.getOrDefault("maxAttempts", "100"),
                "Connection attempts allowed per attempt window (below the venue's limit per IP)");
            c.define(p + "attemptWindowMs", "ms", d.getOrDefault("attemptWindowMs", "600000"), "Rolling window of maxAttempts");
            c.define(p + "backoffResetAfterMs", "ms", d.getOrDefault("backoffResetAfterMs", "60000"),
                "A connection up this long resets the reconnect delay");
            c.define(p + "resyncTimeoutMs", "ms", d.getOrDefault("resyncTimeoutMs", "15000"),
                "A book resync not done within this long reconnects");
            c.define(p + "requestTimeoutMs", "ms", d.getOrDefault("requestTimeoutMs", "10000"), "REST request timeout");
            c.define(p + "snapshotRetryMs", "ms", d.getOrDefault("snapshotRetryMs", "1000"), "First REST snapshot retry delay");
            c.define(p + "snapshotMaxRetryMs", "ms", d.getOrDefault("snapshotMaxRetryMs", "30000"),
                "Largest REST snapshot retry delay");
            c.define(p + "snapshotLimit", "int", d.getOrDefault("snapshotLimit", "1000"), "Levels per side asked of a REST snapshot");
            c.define(p + "maxBadFramesInRow", "int", d.getOrDefault("maxBadFramesInRow", "50"),
                "Undecodable frames in a row that close the connection");
            c.define(p + "compression", "bool", d.getOrDefault("compression", "false"), "Ask for permessage-deflate");
            c.define(p + "checkListing", "bool", d.getOrDefault("checkListing", "true"),
                "Check at start that the symbol is listed with the configured quote");
            c.define(p + "resync", "enum", d.get("resync"),
                "What an invalid book does: reconnect, resubscribe, refetch-snapshot or await-snapshot");
        }

        // ---- Kalshi feed
        final String k = "kalshi.feed.";
        c.define(k + "rest", "uri", "https://api.elections.kalshi.com/trade-api/v2", "Kalshi REST base");
        c.define(k + "ws", "uri", "wss://api.elections.kalshi.com/trade-api/ws/v2", "Kalshi WebSocket endpoint");
        c.define(k + "series", "list", "KXBTC15M", "Series to follow, comma separated (KXBTC15M, KXBTCD)");
        c.define(k + "userAgent", "text", "arb-engine/0.1 (+netty; kalshi market data)", "User-Agent of Kalshi requests");
        c.define(k + "pollIntervalMs", "ms", "1000", "Poll period of the live market (> 0)");
        c.define(k + "listIntervalMs", "ms", "5000", "Poll period of the series listing (> 0)");
        c.define(k + "seriesIntervalMs", "ms", "3600000",
            "Period of GET /series/{ticker} (the series' fee schedule), read at start and then this often (> 0)");
        c.define(k + "settleIntervalMs", "ms", "1000", "Poll period of a closed market awaiting its result (> 0)");
        c.define(k + "settleTimeoutMs", "ms", "1800000", "A closed market is no longer polled for its result after this (> 0)");
        c.define(k + "requestTimeoutMs", "ms", "5000", "REST request timeout (> 0)");
        c.define(k + "staleAfterMs", "ms", "5000", "No successful poll for this long marks the feed stale (> 0)");
        c.define(k + "maxConnections", "int", "8",
            "Concurrent REST requests (keep-alive connections) at most; a slow answer holds only its own (> 0)");
        c.define(k + "backoffInitialMs", "ms", "500",
            "First pause after a failure episode starts; the pause grows only when a retry fails too (> 0)");
        c.define(k + "backoffMaxMs", "ms", "30000",
            "Largest pause after HTTP 429 without Retry-After; other failures pause at most pollIntervalMs (> 0)");
        c.define(k + "authRetryMs", "ms", "300000", "Retry period after an authentication failure (> 0)");
        c.define(k + "orderbookDepth", "int", "0", "Order book depth asked of REST; 0: the full book (>= 0)");
        c.define(k + "kxbtcdStrikes", "int", "4", "KXBTCD strikes around the index polled each period (>= 0)");
        c.define(k + "readLimitPerSecond", "number", "20.0", "Kalshi's public read limit (reads/s)");
        c.define(k + "readBudgetFraction", "number", "0.75",
            "Share of the read limit the feed may use, in (0, 1]; polling settings above it are refused");
        c.define(k + "webSocket", "bool", "true", "Also use the WebSocket (needs an API key); false: REST polling alone");
        c.define(k + "wsConnectTimeoutMs", "ms", "5000", "WebSocket connect timeout (> 0)");
        c.define(k + "wsHandshakeTimeoutMs", "ms", "10000", "WebSocket handshake timeout (> 0)");
        c.define(k + "wsSubscribeTimeoutMs", "ms", "10000", "WebSocket subscription timeout (> 0)");
        c.define(k + "wsPingMs", "ms", "10000", "WebSocket ping interval; 0: none (>= 0)");
        c.define(k + "wsSilenceMs", "ms", "30000", "No WebSocket message for this long reconnects (> 0)");
        c.define(k + "wsBackoffInitialMs", "ms", "1000", "First WebSocket reconnect delay (> 0)");
        c.define(k + "wsBackoffMaxMs", "ms", "60000", "Largest WebSocket reconnect delay (> 0)");
        c.define(k + "maxFrameBytes", "int", "4194304", "Largest Kalshi WebSocket frame (bytes) accepted (> 0)");
        c.define(k + "apiKeyId", "text", "", "Kalshi API key id (else the environment variable); empty: none");
        c.define(k + "privateKeyPath", "text", "", "PEM file of the API key's private key (else the environment variable)");
        c.define(k + "housekeepingMs", "ms", "100", "Housekeeping interval of the Kalshi feed (> 0)");
        c.define(k + "sim", "host:port", "", "Point REST and WebSocket at the local venue simulator at HOST:PORT");

        // ---- receive clock
        c.define("clock.start", "time", "", "Receive clock reading at clock.anchor: ISO instant or epoch ns; empty: now");
        c.define("clock.anchor", "int", "", "Wall epoch ns at which the clock read clock.start; empty: now");
        c.define("clock.rate", "number", "1", "Receive clock speed relative to the wall clock");
        ranges(c);
    }

    /** The ranges and choices checked before a run starts ({@code arb params --env} shows them). */
    private static void ranges(final EnvCatalog c)
    {
        final Range bytes = Range.atLeast(1);
        c.range("feeds.maxFrameBytes", bytes).range("feeds.checkIntervalMs", Range.POSITIVE);
        for (final Venue v : SPOT_VENUES)
        {
            final String p = "feeds." + v.name().toLowerCase(Locale.ROOT) + ".";
            c.choices(p + "quote", "usd", "usdt").choices(p + "resync", "reconnect", "resubscribe", "refetch-snapshot",
                "await-snapshot");
            c.range(p + "depth", Range.NON_NEGATIVE).range(p + "priceDecimals", Range.closed(0, 8))
                .range(p + "qtyDecimals", Range.closed(0, 8)).range(p + "maxAttempts", Range.atLeast(1))
                .range(p + "snapshotLimit", Range.atLeast(1)).range(p + "maxBadFramesInRow", Range.atLeast(1));
            for (final String ms : List.of("connectTimeoutMs", "handshakeTimeoutMs", "subscribeTimeoutMs", "silenceStaleMs",
                "silenceReconnectMs", "backoffInitialMs", "backoffMaxMs", "attemptWindowMs", "resyncTimeoutMs",
                "requestTimeoutMs", "snapshotRetryMs", "snapshotMaxRetryMs"))
            {
                c.range(p + ms, Range.POSITIVE);
            }
        }
        final String k = "kalshi.feed.";
        for (final String ms : List.of("pollIntervalMs", "listIntervalMs", "seriesIntervalMs", "settleIntervalMs", "settleTimeoutMs",
            "requestTimeoutMs", "staleAfterMs", "backoffInitialMs", "backoffMaxMs", "authRetryMs", "wsConnectTimeoutMs",
            "wsHandshakeTimeoutMs", "wsSubscribeTimeoutMs", "wsSilenceMs", "wsBackoffInitialMs", "wsBackoffMaxMs",
            "housekeepingMs"))
        {
            c.range(k + ms, Range.POSITIVE);
        }
        c.range(k + "orderbookDepth", Range.NON_NEGATIVE).range(k + "kxbtcdStrikes", Range.NON_NEGATIVE)
            .range(k + "readLimitPerSecond", Range.POSITIVE).range(k + "readBudgetFraction", Range.openClosed(0, 1))
            .range(k + "maxFrameBytes", bytes);
        c.range("clock.rate", Range.POSITIVE);
    }

    private FeedsEnvCatalog()
    {
    }

    /** The settings in which a venue departs from the shared defaults above. */
    private static Map<String, String> venueDefaults(final Venue venue)
    {
        switch (venue)
        {
            case COINBASE:
                // Heartbeats arrive every second once subscribed; the level2 snapshot (~5 MB) may take a while.
                return Map.of("ws", "wss://advanced-trade-ws.coinbase.com", "symbol", "BTC-USD", "resync", "reconnect");
            case KRAKEN:
                // BTC/USD precision, used to render the book checksum (unsure: the instrument channel has it).
                // About 150 connection attempts per rolling 10 minutes per IP; stay well below, and never
                // faster than every 5 s (the documented minimum after maintenance).
                return Map.of("ws", "wss://ws.kraken.com/v2", "symbol", "BTC/USD", "depth", "100", "priceDecimals", "1",
                    "resync", "resubscribe", "minReconnectDelayMs", "5000", "backoffInitialMs", "5000",
                    "backoffMaxMs", "60000", "keepaliveMs", "30000");
            case BITSTAMP:
                return Map.of("ws", "wss://ws.bitstamp.net", "symbol", "btcusd", "resync", "await-snapshot",
                    "silenceStaleMs", "10000", "silenceReconnectMs", "30000", "keepaliveMs", "30000");
            case BINANCEUS:
                // At most 5 incoming messages/s per connection and 300 connections per 5 minutes per IP.
                return Map.of("ws", "wss://stream.binance.us:9443/ws", "rest", "https://api.binance.us", "symbol", "BTCUSDT",
                    "quote", "usdt", "resync", "refetch-snapshot", "maxAttempts", "60", "attemptWindowMs", "300000",
                    "backoffInitialMs", "1000");
            case GEMINI:
                // Market data v2: no sequence numbers, so a crossed book reconnects (the first l2_updates of a
                // connection is the whole book); a heartbeat about every 5 s, so silence is judged on that.
                return Map.of("ws", "wss://api.gemini.com/v2/marketdata", "symbol", "BTCUSD", "resync", "reconnect",
                    "silenceStaleMs", "10000", "silenceReconnectMs", "20000");
            default:
                throw new IllegalArgumentException("not a spot venue: " + venue);
        }
    }
}
