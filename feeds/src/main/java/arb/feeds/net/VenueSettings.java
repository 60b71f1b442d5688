package arb.feeds.net;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import arb.sbe.Quote;
import arb.sbe.Venue;

/**
 * Environment settings of one venue's feed: endpoints, instrument, and every timeout and interval in
 * milliseconds. These never change an output, only how data is fetched, so they are not journaled.
 * Defaults respect the real venues' documented limits; tests shrink the timings to milliseconds.
 * Keys (prefix {@code feeds.<venue>.}) are listed in {@code docs/feeds-live.md}.
 */
public final class VenueSettings
{
    /** What the feed does when the decoder reports its book is invalid. */
    public enum ResyncAction
    {
        /** Close and reconnect: a fresh connection brings a fresh snapshot (Coinbase: sequence per connection). */
        RECONNECT,
        /** Unsubscribe and subscribe the book again on the same connection (Kraken). */
        RESUBSCRIBE,
        /** Fetch a new REST snapshot and realign the buffered diffs (Binance.US). */
        REFETCH_SNAPSHOT,
        /** Do nothing: the next message is a full book anyway (Bitstamp order_book). */
        AWAIT_SNAPSHOT
    }

    private final Venue venue;
    private boolean enabled = true;
    private URI ws;
    private URI rest;
    private String symbol;
    private Quote quote = Quote.USD;
    private int depth;
    private int priceDecimals = 2;
    private int qtyDecimals = 8;
    private long connectTimeoutMs = 5_000;
    private long handshakeTimeoutMs = 10_000;
    private long subscribeTimeoutMs = 10_000;
    private long silenceStaleMs = 5_000;
    private long silenceReconnectMs = 15_000;
    private long keepaliveMs;
    private long backoffInitialMs = 500;
    private long backoffMaxMs = 30_000;
    private long minReconnectDelayMs;
    private int maxAttempts = 100;
    private long attemptWindowMs = 600_000;
    private long backoffResetAfterMs = 60_000;
    private long resyncTimeoutMs = 15_000;
    private long requestTimeoutMs = 10_000;
    private long snapshotRetryMs = 1_000;
    private long snapshotMaxRetryMs = 30_000;
    private int snapshotLimit = 1000;
    private int maxBadFramesInRow = 50;
    private boolean compression;
    private boolean checkListing = true;
    private ResyncAction resyncAction = ResyncAction.RECONNECT;

    public VenueSettings(final Venue venue)
    {
        this.venue = venue;
    }

    /** The defaults for a venue's real public endpoints (see docs/venues.md for the limits behind them). */
    public static VenueSettings defaults(final Venue venue)
    {
        final VenueSettings s = new VenueSettings(venue);
        switch (venue)
        {
            case COINBASE:
                s.ws = URI.create("wss://advanced-trade-ws.coinbase.com");
                s.symbol = "BTC-USD";
                s.resyncAction = ResyncAction.RECONNECT;
                // Heartbeats arrive every second once subscribed; the level2 snapshot (~5 MB) may take a while.
                s.silenceStaleMs = 5_000;
                s.silenceReconnectMs = 15_000;
                break;
            case KRAKEN:
                s.ws = URI.create("wss://ws.kraken.com/v2");
                s.symbol = "BTC/USD";
                s.depth = 100;
                // BTC/USD precision, used to render the book checksum (unsure: the instrument channel has it).
                s.priceDecimals = 1;
                s.qtyDecimals = 8;
                s.resyncAction = ResyncAction.RESUBSCRIBE;
                // About 150 connection attempts per rolling 10 minutes per IP; stay well below, and never
                // faster than every 5 s (the documented minimum after maintenance).
                s.maxAttempts = 100;
                s.attemptWindowMs = 600_000;
                s.minReconnectDelayMs = 5_000;
                s.backoffInitialMs = 5_000;
                s.backoffMaxMs = 60_000;
                s.keepaliveMs = 30_000;
                break;
            case BITSTAMP:
                s.ws = URI.create("wss://ws.bitstamp.net");
                s.symbol = "btcusd";
                s.resyncAction = ResyncAction.AWAIT_SNAPSHOT;
                s.silenceStaleMs = 10_000;
                s.silenceReconnectMs = 30_000;
                s.keepaliveMs = 30_000;
                break;
            case BINANCEUS:
                s.ws = URI.create("wss://stream.binance.us:9443/ws");
                s.rest = URI.create("https://api.binance.us");
                s.symbol = "BTCUSDT";
                s.quote = Quote.USDT;
                s.resyncAction = ResyncAction.REFETCH_SNAPSHOT;
                // At most 5 incoming messages/s per connection and 300 connections per 5 minutes per IP.
                s.maxAttempts = 60;
                s.attemptWindowMs = 300_000;
                s.backoffInitialMs = 1_000;
                break;
            default:
                throw new IllegalArgumentException("not a spot venue: " + venue);
        }
        return s;
    }

    /** The name used in configuration keys, capture files and logs: coinbase, kraken, bitstamp, binanceus. */
    public static String configName(final Venue venue)
    {
        return venue.name().toLowerCase(Locale.ROOT);
    }

    public static Venue venueOf(final String configName)
    {
        for (final Venue v : Venue.values())
        {
            if (v != Venue.NULL_VAL && v.name().equalsIgnoreCase(configName.trim()))
            {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + configName + "' (coinbase, kraken, bitstamp, binanceus)");
    }

    /**
     * Applies {@code feeds.<venue>.<key>} entries from a flat map; unknown keys under this venue's
     * prefix are an error so that a typo never silently keeps a default.
     */
    public VenueSettings apply(final Map<String, String> properties)
    {
        final String prefix = "feeds." + configName(venue) + ".";
        for (final Map.Entry<String, String> e : properties.entrySet())
        {
            if (e.getKey().startsWith(prefix))
            {
                set(e.getKey().substring(prefix.length()), e.getValue().trim());
            }
        }
        return this;
    }

    /** Sets one setting by its key (the part after {@code feeds.<venue>.}). */
    public VenueSettings set(final String key, final String value)
    {
        switch (key)
        {
            case "enabled": enabled = Boolean.parseBoolean(value); break;
            case "ws": ws = URI.create(value); break;
            case "rest": rest = value.isEmpty() ? null : URI.create(value); break;
            case "symbol": symbol = value; break;
            case "quote": quote = Quote.valueOf(value.toUpperCase(Locale.ROOT)); break;
            case "depth": depth = Integer.parseInt(value); break;
            case "priceDecimals": priceDecimals = Integer.parseInt(value); break;
            case "qtyDecimals": qtyDecimals = Integer.parseInt(value); break;
            case "connectTimeoutMs": connectTimeoutMs = Long.parseLong(value); break;
            case "handshakeTimeoutMs": handshakeTimeoutMs = Long.parseLong(value); break;
            case "subscribeTimeoutMs": subscribeTimeoutMs = Long.parseLong(value); break;
            case "silenceStaleMs": silenceStaleMs = Long.parseLong(value); break;
            case "silenceReconnectMs": silenceReconnectMs = Long.parseLong(value); break;
            case "keepaliveMs": keepaliveMs = Long.parseLong(value); break;
            case "backoffInitialMs": backoffInitialMs = Long.parseLong(value); break;
            case "backoffMaxMs": backoffMaxMs = Long.parseLong(value); break;
            case "minReconnectDelayMs": minReconnectDelayMs = Long.parseLong(value); break;
            case "maxAttempts": maxAttempts = Integer.parseInt(value); break;
            case "attemptWindowMs": attemptWindowMs = Long.parseLong(value); break;
            case "backoffResetAfterMs": backoffResetAfterMs = Long.parseLong(value); break;
            case "resyncTimeoutMs": resyncTimeoutMs = Long.parseLong(value); break;
            case "requestTimeoutMs": requestTimeoutMs = Long.parseLong(value); break;
            case "snapshotRetryMs": snapshotRetryMs = Long.parseLong(value); break;
            case "snapshotMaxRetryMs": snapshotMaxRetryMs = Long.parseLong(value); break;
            case "snapshotLimit": snapshotLimit = Integer.parseInt(value); break;
            case "maxBadFramesInRow": maxBadFramesInRow = Integer.parseInt(value); break;
            case "compression": compression = Boolean.parseBoolean(value); break;
            case "checkListing": checkListing = Boolean.parseBoolean(value); break;
            case "resync": resyncAction = ResyncAction.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')); break;
            default:
                throw new IllegalArgumentException("unknown setting feeds." + configName(venue) + "." + key);
        }
        return this;
    }

    /** Shrinks every timing for tests and demos on loopback: milliseconds instead of seconds. */
    public VenueSettings fastTimings()
    {
        connectTimeoutMs = 1_000;
        handshakeTimeoutMs = 1_000;
        subscribeTimeoutMs = 1_000;
        silenceStaleMs = 400;
        silenceReconnectMs = 800;
        backoffInitialMs = 20;
        backoffMaxMs = 200;
        minReconnectDelayMs = 0;
        backoffResetAfterMs = 2_000;
        resyncTimeoutMs = 5_000;
        requestTimeoutMs = 1_000;
        snapshotRetryMs = 50;
        snapshotMaxRetryMs = 400;
        if (keepaliveMs > 0)
        {
            keepaliveMs = 200;
        }
        return this;
    }

    public Venue venue()
    {
        return venue;
    }

    public String name()
    {
        return configName(venue);
    }

    public boolean enabled()
    {
        return enabled;
    }

    public VenueSettings enabled(final boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    public URI ws()
    {
        return ws;
    }

    public VenueSettings ws(final URI ws)
    {
        this.ws = ws;
        return this;
    }

    public URI rest()
    {
        return rest;
    }

    public VenueSettings rest(final URI rest)
    {
        this.rest = rest;
        return this;
    }

    public String symbol()
    {
        return symbol;
    }

    public VenueSettings symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    public Quote quote()
    {
        return quote;
    }

    public VenueSettings quote(final Quote quote)
    {
        this.quote = quote;
        return this;
    }

    /** Subscribed book depth (Kraken: 10, 25, 100, 500 or 1000); 0 when the venue has no depth choice. */
    public int depth()
    {
        return depth;
    }

    public VenueSettings depth(final int depth)
    {
        this.depth = depth;
        return this;
    }

    /** The pair's price precision (Kraken renders its checksum at it). */
    public int priceDecimals()
    {
        return priceDecimals;
    }

    public int qtyDecimals()
    {
        return qtyDecimals;
    }

    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    public long handshakeTimeoutMs()
    {
        return handshakeTimeoutMs;
    }

    public long subscribeTimeoutMs()
    {
        return subscribeTimeoutMs;
    }

    public long silenceStaleMs()
    {
        return silenceStaleMs;
    }

    public VenueSettings silenceStaleMs(final long ms)
    {
        silenceStaleMs = ms;
        return this;
    }

    public long silenceReconnectMs()
    {
        return silenceReconnectMs;
    }

    public VenueSettings silenceReconnectMs(final long ms)
    {
        silenceReconnectMs = ms;
        return this;
    }

    public long keepaliveMs()
    {
        return keepaliveMs;
    }

    public long backoffInitialMs()
    {
        return backoffInitialMs;
    }

    public long backoffMaxMs()
    {
        return backoffMaxMs;
    }

    public long minReconnectDelayMs()
    {
        return minReconnectDelayMs;
    }

    public int maxAttempts()
    {
        return maxAttempts;
    }

    public long attemptWindowMs()
    {
        return attemptWindowMs;
    }

    public long backoffResetAfterMs()
    {
        return backoffResetAfterMs;
    }

    public long resyncTimeoutMs()
    {
        return resyncTimeoutMs;
    }

    public long requestTimeoutMs()
    {
        return requestTimeoutMs;
    }

    public long snapshotRetryMs()
    {
        return snapshotRetryMs;
    }

    public long snapshotMaxRetryMs()
    {
        return snapshotMaxRetryMs;
    }

    public int snapshotLimit()
    {
        return snapshotLimit;
    }

    public int maxBadFramesInRow()
    {
        return maxBadFramesInRow;
    }

    public boolean compression()
    {
        return compression;
    }

    public boolean checkListing()
    {
        return checkListing;
    }

    public VenueSettings checkListing(final boolean check)
    {
        checkListing = check;
        return this;
    }

    public ResyncAction resyncAction()
    {
        return resyncAction;
    }

    public VenueSettings resyncAction(final ResyncAction action)
    {
        resyncAction = action;
        return this;
    }

    @Override
    public String toString()
    {
        return name() + "{ws=" + ws + (rest != null ? ", rest=" + rest : "") + ", symbol=" + symbol + ", quote=" + quote
            + (depth > 0 ? ", depth=" + depth : "") + ", stale=" + silenceStaleMs + "ms, reconnect=" + silenceReconnectMs
            + "ms, backoff=" + backoffInitialMs + ".." + backoffMaxMs + "ms, attempts<=" + maxAttempts + "/"
            + attemptWindowMs + "ms, resync=" + resyncAction + "}";
    }
}
