package arb.feeds.kalshi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import arb.feeds.FeedsEnvCatalog;
import arb.market.config.EnvValues;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.Series;

/**
 * Environment settings of the Kalshi feed (endpoints, cadences, timeouts, credentials' location):
 * they decide what is asked and when, never what the engine concludes from the answers, so they
 * are not logic parameters. Every interval and timeout is in milliseconds of real time. Read from
 * {@code kalshi.feed.*} environment settings (defaults in {@link FeedsEnvCatalog}); immutable: the
 * {@code with}, {@link #pointAtSimulator} and {@link #fastTimings} methods return a new config.
 *
 * <p>{@link #checkRequestRate()} refuses, with the arithmetic, settings whose polling would exceed
 * the share of Kalshi's public read limit the feed may use.
 */
public final class KalshiFeedConfig
{
    public static final String PREFIX = "kalshi.feed.";

    private final EnvValues values;
    private final URI rest;
    private final URI ws;
    private final List<Series> series;
    private final String userAgent;
    private final long pollIntervalMs;
    private final long listIntervalMs;
    private final long seriesIntervalMs;
    private final long settleIntervalMs;
    private final long settleTimeoutMs;
    private final long requestTimeoutMs;
    private final long staleAfterMs;
    private final long backoffInitialMs;
    private final long backoffMaxMs;
    private final long authRetryMs;
    private final int orderbookDepth;
    private final int kxbtcdStrikes;
    private final int maxConnections;
    private final double readLimitPerSecond;
    private final double readBudgetFraction;
    private final boolean webSocket;
    private final long wsConnectTimeoutMs;
    private final long wsHandshakeTimeoutMs;
    private final long wsSubscribeTimeoutMs;
    private final long wsPingMs;
    private final long wsSilenceMs;
    private final long wsBackoffInitialMs;
    private final long wsBackoffMaxMs;
    private final int maxFrameBytes;
    private final String apiKeyId;
    private final String privateKeyPath;
    private final long housekeepingMs;

    private KalshiFeedConfig(final EnvValues v)
    {
        values = v;
        final String sim = v.get(PREFIX + "sim");
        if (!sim.isEmpty())
        {
            final int colon = sim.lastIndexOf(':');
            if (colon <= 0)
            {
                throw new IllegalArgumentException("expected HOST:PORT, got " + sim);
            }
            rest = URI.create("http://" + sim + "/kalshi/trade-api/v2");
            ws = URI.create("ws://" + sim + "/kalshi/trade-api/ws/v2");
        }
        else
        {
            rest = URI.create(stripSlash(v.get(PREFIX + "rest")));
            ws = URI.create(v.get(PREFIX + "ws"));
        }
        series = parseSeries(v.get(PREFIX + "series"));
        userAgent = v.get(PREFIX + "userAgent");
        pollIntervalMs = positive(v, "pollIntervalMs");
        listIntervalMs = positive(v, "listIntervalMs");
        seriesIntervalMs = positive(v, "seriesIntervalMs");
        settleIntervalMs = positive(v, "settleIntervalMs");
        settleTimeoutMs = positive(v, "settleTimeoutMs");
        requestTimeoutMs = positive(v, "requestTimeoutMs");
        staleAfterMs = positive(v, "staleAfterMs");
        backoffInitialMs = positive(v, "backoffInitialMs");
        backoffMaxMs = positive(v, "backoffMaxMs");
        authRetryMs = positive(v, "authRetryMs");
        orderbookDepth = (int)nonNegative(v, "orderbookDepth");
        kxbtcdStrikes = (int)nonNegative(v, "kxbtcdStrikes");
        maxConnections = (int)Math.min(64, positive(v, "maxConnections"));
        readLimitPerSecond = v.getDouble(PREFIX + "readLimitPerSecond");
        readBudgetFraction = v.getDouble(PREFIX + "readBudgetFraction");
        webSocket = v.getBoolean(PREFIX + "webSocket");
        wsConnectTimeoutMs = positive(v, "wsConnectTimeoutMs");
        wsHandshakeTimeoutMs = positive(v, "wsHandshakeTimeoutMs");
        wsSubscribeTimeoutMs = positive(v, "wsSubscribeTimeoutMs");
        wsPingMs = nonNegative(v, "wsPingMs");
        wsSilenceMs = positive(v, "wsSilenceMs");
        wsBackoffInitialMs = positive(v, "wsBackoffInitialMs");
        wsBackoffMaxMs = positive(v, "wsBackoffMaxMs");
        maxFrameBytes = (int)positive(v, "maxFrameBytes");
        apiKeyId = emptyAsNull(v.get(PREFIX + "apiKeyId"));
        privateKeyPath = emptyAsNull(v.get(PREFIX + "privateKeyPath"));
        housekeepingMs = positive(v, "housekeepingMs");
    }

    /** The Kalshi feed as {@code values} describe it (keys other than {@code kalshi.feed.*} are not read). */
    public static KalshiFeedConfig from(final EnvValues values)
    {
        return new KalshiFeedConfig(values);
    }

    /** Every {@code kalshi.feed.*} setting at its catalog default. */
    public static KalshiFeedConfig defaults()
    {
        return fromProperties(Map.of());
    }

    /** Defaults overlaid with {@code kalshi.feed.*} keys; other keys are ignored, unknown feed keys are errors. */
    public static KalshiFeedConfig fromProperties(final Map<String, String> properties)
    {
        return from(EnvValues.of(FeedsEnvCatalog.CATALOG, EnvValues.withPrefix(properties, PREFIX)));
    }

    /** A copy with one setting changed ({@code key} without the {@code kalshi.feed.} prefix). */
    public KalshiFeedConfig with(final String key, final String value)
    {
        return from(values.with(PREFIX + key, value));
    }

    /**
     * A copy pointing REST and WebSocket at a venue simulator ({@code HOST:PORT}) that serves Kalshi
     * under {@code /kalshi/trade-api/v2} and {@code /kalshi/trade-api/ws/v2} ({@code kalshi.feed.sim}).
     */
    public KalshiFeedConfig pointAtSimulator(final String hostPort)
    {
        return with("sim", hostPort);
    }

    /** A copy with timings shrunk for tests and demos (milliseconds instead of seconds). */
    public KalshiFeedConfig fastTimings()
    {
        final Map<String, String> m = new TreeMap<>();
        m.put(PREFIX + "requestTimeoutMs", "1000");
        m.put(PREFIX + "staleAfterMs", "1000");
        m.put(PREFIX + "backoffInitialMs", "20");
        m.put(PREFIX + "backoffMaxMs", "200");
        m.put(PREFIX + "authRetryMs", "2000");
        m.put(PREFIX + "wsConnectTimeoutMs", "1000");
        m.put(PREFIX + "wsHandshakeTimeoutMs", "1000");
        m.put(PREFIX + "wsSubscribeTimeoutMs", "1000");
        m.put(PREFIX + "wsPingMs", "500");
        m.put(PREFIX + "wsSilenceMs", "3000");
        m.put(PREFIX + "wsBackoffInitialMs", "20");
        m.put(PREFIX + "wsBackoffMaxMs", "300");
        m.put(PREFIX + "housekeepingMs", "20");
        return from(values.with(m));
    }

    /** Series to follow, comma separated (KXBTC15M, KXBTCD). */
    private static List<Series> parseSeries(final String list)
    {
        final List<Series> series = new ArrayList<>();
        for (final String name : list.split(","))
        {
            if (!name.isBlank())
            {
                final Series s = KalshiCalendar.of(name.strip()).series();
                if (!series.contains(s))
                {
                    series.add(s);
                }
            }
        }
        if (series.isEmpty())
        {
            throw new IllegalArgumentException(PREFIX + "series is empty");
        }
        return List.copyOf(series);
    }

    // ------------------------------------------------------------------ request rate

    /**
     * Reads per second the polling settings imply at their busiest: for each series, the live
     * market (state and order book, or the event listing plus {@code kxbtcdStrikes} order books),
     * the next market until it is listed, one closed market awaiting its result, and the series
     * listing.
     */
    public double impliedReadsPerSecond()
    {
        return impliedReads(new StringBuilder());
    }

    private double impliedReads(final StringBuilder why)
    {
        double total = 0;
        for (final Series s : series)
        {
            final double live = s == Series.KXBTCD ? 1 + kxbtcdStrikes : 2;
            final double perSecond = live * 1000.0 / pollIntervalMs + 1000.0 / pollIntervalMs
                + 1000.0 / settleIntervalMs + 1000.0 / listIntervalMs + 1000.0 / seriesIntervalMs;
            why.append(String.format(Locale.ROOT, "%s: %.0f per %d ms for the live market, 1 per %d ms for the next "
                + "until listed, 1 per %d ms for a closed market until settled, 1 per %d ms for the listing, 1 per %d ms "
                + "for the series' fees = %.2f/s; ",
                s, live, pollIntervalMs, pollIntervalMs, settleIntervalMs, listIntervalMs, seriesIntervalMs, perSecond));
            total += perSecond;
        }
        return total;
    }

    /** The reads per second the feed allows itself: {@code readLimitPerSecond * readBudgetFraction}. */
    public double readBudgetPerSecond()
    {
        return readLimitPerSecond * readBudgetFraction;
    }

    /** Throws, explaining the arithmetic, when the settings imply more reads than the budget allows. */
    public void checkRequestRate()
    {
        if (!(readBudgetFraction > 0 && readBudgetFraction <= 1))
        {
            throw new IllegalArgumentException(PREFIX + "readBudgetFraction must be in (0, 1]: " + readBudgetFraction);
        }
        final StringBuilder why = new StringBuilder();
        final double implied = impliedReads(why);
        if (implied > readBudgetPerSecond())
        {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "Kalshi polling settings imply up to %.2f reads/s, above the %.2f reads/s this feed may use "
                    + "(%.0f%% of Kalshi's public limit of %.0f reads/s, leaving room for retries and other clients). "
                    + "%sRaise %spollIntervalMs/listIntervalMs/settleIntervalMs or lower %skxbtcdStrikes.",
                implied, readBudgetPerSecond(), readBudgetFraction * 100, readLimitPerSecond, why, PREFIX, PREFIX));
        }
    }

    private static String stripSlash(final String s)
    {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String emptyAsNull(final String s)
    {
        return s.isEmpty() ? null : s;
    }

    private static long positive(final EnvValues values, final String key)
    {
        final long v = values.getLong(PREFIX + key);
        if (v <= 0)
        {
            throw new IllegalArgumentException(PREFIX + key + " must be positive: " + v);
        }
        return v;
    }

    private static long nonNegative(final EnvValues values, final String key)
    {
        final long v = values.getLong(PREFIX + key);
        if (v < 0)
        {
            throw new IllegalArgumentException(PREFIX + key + " must not be negative: " + v);
        }
        return v;
    }

    // ------------------------------------------------------------------ accessors

    public URI rest()
    {
        return rest;
    }

    public URI ws()
    {
        return ws;
    }

    public List<Series> series()
    {
        return series;
    }

    public String userAgent()
    {
        return userAgent;
    }

    public long pollIntervalMs()
    {
        return pollIntervalMs;
    }

    public long listIntervalMs()
    {
        return listIntervalMs;
    }

    /** Period of {@code GET /series/{ticker}} (the series' fee schedule), ms. */
    public long seriesIntervalMs()
    {
        return seriesIntervalMs;
    }

    public long settleIntervalMs()
    {
        return settleIntervalMs;
    }

    public long settleTimeoutMs()
    {
        return settleTimeoutMs;
    }

    public long requestTimeoutMs()
    {
        return requestTimeoutMs;
    }

    public long staleAfterMs()
    {
        return staleAfterMs;
    }

    public long backoffInitialMs()
    {
        return backoffInitialMs;
    }

    public long backoffMaxMs()
    {
        return backoffMaxMs;
    }

    public long authRetryMs()
    {
        return authRetryMs;
    }

    public int orderbookDepth()
    {
        return orderbookDepth;
    }

    public int kxbtcdStrikes()
    {
        return kxbtcdStrikes;
    }

    /** Concurrent REST requests (keep-alive connections) at most: a slow answer holds only its own. */
    public int maxConnections()
    {
        return maxConnections;
    }

    public double readLimitPerSecond()
    {
        return readLimitPerSecond;
    }

    public boolean webSocket()
    {
        return webSocket;
    }

    public long wsConnectTimeoutMs()
    {
        return wsConnectTimeoutMs;
    }

    public long wsHandshakeTimeoutMs()
    {
        return wsHandshakeTimeoutMs;
    }

    public long wsSubscribeTimeoutMs()
    {
        return wsSubscribeTimeoutMs;
    }

    public long wsPingMs()
    {
        return wsPingMs;
    }

    public long wsSilenceMs()
    {
        return wsSilenceMs;
    }

    public long wsBackoffInitialMs()
    {
        return wsBackoffInitialMs;
    }

    public long wsBackoffMaxMs()
    {
        return wsBackoffMaxMs;
    }

    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    public String apiKeyId()
    {
        return apiKeyId;
    }

    public String privateKeyPath()
    {
        return privateKeyPath;
    }

    public long housekeepingMs()
    {
        return housekeepingMs;
    }

    /** Cold path: a one-line description without credentials. */
    @Override
    public String toString()
    {
        return "KalshiFeedConfig{rest=" + rest + ", ws=" + (webSocket ? ws : "off") + ", series=" + series
            + ", pollIntervalMs=" + pollIntervalMs + ", listIntervalMs=" + listIntervalMs + ", kxbtcdStrikes="
            + kxbtcdStrikes + ", key=" + (apiKeyId != null ? "configured" : "none") + "}";
    }
}
