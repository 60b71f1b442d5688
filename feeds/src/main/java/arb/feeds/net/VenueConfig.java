package arb.feeds.net;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import arb.feeds.FeedsEnvCatalog;
import arb.market.config.EnvValues;
import arb.sbe.Quote;
import arb.sbe.Venue;

/**
 * Environment settings of one venue's feed: endpoints, instrument, and every timeout and interval in
 * milliseconds, read from {@code feeds.<venue>.*} (defaults, which respect the real venues'
 * documented limits, in {@link FeedsEnvCatalog}; {@code arb params --env} lists them). These never
 * change an output, only how data is fetched, so they are not journaled. Immutable; built by
 * {@link FeedsConfig}.
 */
public final class VenueConfig
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
    private final boolean enabled;
    private final URI ws;
    private final URI rest;
    private final String symbol;
    private final Quote quote;
    private final int depth;
    private final int priceDecimals;
    private final int qtyDecimals;
    private final long connectTimeoutMs;
    private final long handshakeTimeoutMs;
    private final long subscribeTimeoutMs;
    private final long silenceStaleMs;
    private final long silenceReconnectMs;
    private final long keepaliveMs;
    private final long backoffInitialMs;
    private final long backoffMaxMs;
    private final long minReconnectDelayMs;
    private final int maxAttempts;
    private final long attemptWindowMs;
    private final long backoffResetAfterMs;
    private final long resyncTimeoutMs;
    private final long requestTimeoutMs;
    private final long snapshotRetryMs;
    private final long snapshotMaxRetryMs;
    private final int snapshotLimit;
    private final int maxBadFramesInRow;
    private final boolean compression;
    private final boolean checkListing;
    private final ResyncAction resyncAction;

    private VenueConfig(final Venue venue, final boolean listed, final EnvValues v)
    {
        final String p = prefix(venue);
        this.venue = venue;
        enabled = listed && v.getBoolean(p + "enabled");
        ws = URI.create(v.get(p + "ws"));
        rest = v.getUri(p + "rest");
        symbol = v.get(p + "symbol");
        quote = v.getEnum(p + "quote", Quote.class);
        depth = v.getInt(p + "depth");
        priceDecimals = v.getInt(p + "priceDecimals");
        qtyDecimals = v.getInt(p + "qtyDecimals");
        connectTimeoutMs = v.getLong(p + "connectTimeoutMs");
        handshakeTimeoutMs = v.getLong(p + "handshakeTimeoutMs");
        subscribeTimeoutMs = v.getLong(p + "subscribeTimeoutMs");
        silenceStaleMs = v.getLong(p + "silenceStaleMs");
        silenceReconnectMs = v.getLong(p + "silenceReconnectMs");
        keepaliveMs = v.getLong(p + "keepaliveMs");
        backoffInitialMs = v.getLong(p + "backoffInitialMs");
        backoffMaxMs = v.getLong(p + "backoffMaxMs");
        minReconnectDelayMs = v.getLong(p + "minReconnectDelayMs");
        maxAttempts = v.getInt(p + "maxAttempts");
        attemptWindowMs = v.getLong(p + "attemptWindowMs");
        backoffResetAfterMs = v.getLong(p + "backoffResetAfterMs");
        resyncTimeoutMs = v.getLong(p + "resyncTimeoutMs");
        requestTimeoutMs = v.getLong(p + "requestTimeoutMs");
        snapshotRetryMs = v.getLong(p + "snapshotRetryMs");
        snapshotMaxRetryMs = v.getLong(p + "snapshotMaxRetryMs");
        snapshotLimit = v.getInt(p + "snapshotLimit");
        maxBadFramesInRow = v.getInt(p + "maxBadFramesInRow");
        compression = v.getBoolean(p + "compression");
        checkListing = v.getBoolean(p + "checkListing");
        resyncAction = v.getEnum(p + "resync", ResyncAction.class);
    }

    /**
     * A venue's settings from {@code feeds.<venue>.*} values; {@code listed} says whether
     * {@code feeds.venues} names it (it runs when listed and {@code feeds.<venue>.enabled}).
     */
    static VenueConfig from(final Venue venue, final boolean listed, final EnvValues values)
    {
        return new VenueConfig(venue, listed, values);
    }

    /** A venue's catalog defaults: its real public endpoints (see docs/venues.md for the limits behind them). */
    public static VenueConfig defaults(final Venue venue)
    {
        requireSpot(venue);
        return new VenueConfig(venue, true, EnvValues.of(FeedsEnvCatalog.CATALOG, Map.of()));
    }

    /** The key prefix of a venue's settings: {@code feeds.<venue>.}. */
    public static String prefix(final Venue venue)
    {
        return "feeds." + configName(venue) + ".";
    }

    static void requireSpot(final Venue venue)
    {
        if (venue != Venue.COINBASE && venue != Venue.KRAKEN && venue != Venue.BITSTAMP && venue != Venue.BINANCEUS
            && venue != Venue.GEMINI)
        {
            throw new IllegalArgumentException("not a spot venue: " + venue);
        }
    }

    /**
     * The timings of {@link FeedsConfig#fastTimings()} for this venue: milliseconds instead of
     * seconds, for tests and demos on loopback (a venue without keepalive keeps none).
     */
    Map<String, String> fastTimingOverrides()
    {
        final String p = prefix(venue);
        final Map<String, String> m = new java.util.TreeMap<>();
        m.put(p + "connectTimeoutMs", "1000");
        m.put(p + "handshakeTimeoutMs", "1000");
        m.put(p + "subscribeTimeoutMs", "1000");
        m.put(p + "silenceStaleMs", "400");
        m.put(p + "silenceReconnectMs", "800");
        m.put(p + "backoffInitialMs", "20");
        m.put(p + "backoffMaxMs", "200");
        m.put(p + "minReconnectDelayMs", "0");
        m.put(p + "backoffResetAfterMs", "2000");
        m.put(p + "resyncTimeoutMs", "5000");
        m.put(p + "requestTimeoutMs", "1000");
        m.put(p + "snapshotRetryMs", "50");
        m.put(p + "snapshotMaxRetryMs", "400");
        if (keepaliveMs > 0)
        {
            m.put(p + "keepaliveMs", "200");
        }
        return m;
    }

    /** The name used in configuration keys, capture files and logs: coinbase, kraken, bitstamp, binanceus, gemini. */
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
        throw new IllegalArgumentException("unknown venue '" + configName + "' (coinbase, kraken, bitstamp, binanceus, gemini)");
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

    public URI ws()
    {
        return ws;
    }

    public URI rest()
    {
        return rest;
    }

    public String symbol()
    {
        return symbol;
    }

    public Quote quote()
    {
        return quote;
    }

    /** Subscribed book depth (Kraken: 10, 25, 100, 500 or 1000); 0 when the venue has no depth choice. */
    public int depth()
    {
        return depth;
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

    public long silenceReconnectMs()
    {
        return silenceReconnectMs;
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

    public ResyncAction resyncAction()
    {
        return resyncAction;
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
