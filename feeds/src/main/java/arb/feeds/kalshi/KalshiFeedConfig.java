package arb.feeds.kalshi;

import arb.market.kalshi.KalshiCalendar;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import arb.sbe.Series;

/**
 * Environment settings of the Kalshi feed (endpoints, cadences, timeouts, credentials' location):
 * they decide what is asked and when, never what the engine concludes from the answers, so they
 * are not logic parameters. Every interval and timeout is in milliseconds of real time. Read from
 * flat {@code kalshi.feed.*} properties; {@link #pointAtSimulator} rewrites the endpoints to a local
 * venue simulator.
 *
 * <p>{@link #checkRequestRate()} refuses, with the arithmetic, settings whose polling would exceed
 * the share of Kalshi's public read limit the feed may use.
 */
public final class KalshiFeedConfig
{
    public static final String PREFIX = "kalshi.feed.";

    private URI rest = URI.create("https://api.elections.kalshi.com/trade-api/v2");
    private URI ws = URI.create("wss://api.elections.kalshi.com/trade-api/ws/v2");
    private final List<Series> series = new ArrayList<>(List.of(Series.KXBTC15M));
    private String userAgent = "arb-engine/0.1 (+netty; kalshi market data)";
    private long pollIntervalMs = 1_000;
    private long listIntervalMs = 5_000;
    private long settleIntervalMs = 1_000;
    private long settleTimeoutMs = 30 * 60_000;
    private long requestTimeoutMs = 5_000;
    private long staleAfterMs = 5_000;
    private long backoffInitialMs = 500;
    private long backoffMaxMs = 30_000;
    private long authRetryMs = 300_000;
    private int orderbookDepth;
    private int kxbtcdStrikes = 4;
    private double readLimitPerSecond = 20.0;
    private double readBudgetFraction = 0.75;
    private boolean webSocket = true;
    private long wsConnectTimeoutMs = 5_000;
    private long wsHandshakeTimeoutMs = 10_000;
    private long wsSubscribeTimeoutMs = 10_000;
    private long wsPingMs = 10_000;
    private long wsSilenceMs = 30_000;
    private long wsBackoffInitialMs = 1_000;
    private long wsBackoffMaxMs = 60_000;
    private int maxFrameBytes = 4 * 1024 * 1024;
    private String apiKeyId;
    private String privateKeyPath;
    private long housekeepingMs = 100;

    /** Defaults overlaid with {@code kalshi.feed.*} keys; other keys are ignored, unknown feed keys are errors. */
    public static KalshiFeedConfig fromProperties(final Map<String, String> properties)
    {
        final KalshiFeedConfig c = new KalshiFeedConfig();
        for (final Map.Entry<String, String> e : new TreeMap<>(properties).entrySet())
        {
            if (e.getKey().startsWith(PREFIX))
            {
                c.set(e.getKey().substring(PREFIX.length()), e.getValue().trim());
            }
        }
        return c;
    }

    /** Sets one key (without the prefix). */
    public KalshiFeedConfig set(final String key, final String value)
    {
        switch (key)
        {
            case "rest": rest = URI.create(stripSlash(value)); break;
            case "ws": ws = URI.create(value); break;
            case "series": series(value); break;
            case "userAgent": userAgent = value; break;
            case "pollIntervalMs": pollIntervalMs = positive(key, value); break;
            case "listIntervalMs": listIntervalMs = positive(key, value); break;
            case "settleIntervalMs": settleIntervalMs = positive(key, value); break;
            case "settleTimeoutMs": settleTimeoutMs = positive(key, value); break;
            case "requestTimeoutMs": requestTimeoutMs = positive(key, value); break;
            case "staleAfterMs": staleAfterMs = positive(key, value); break;
            case "backoffInitialMs": backoffInitialMs = positive(key, value); break;
            case "backoffMaxMs": backoffMaxMs = positive(key, value); break;
            case "authRetryMs": authRetryMs = positive(key, value); break;
            case "orderbookDepth": orderbookDepth = (int)nonNegative(key, value); break;
            case "kxbtcdStrikes": kxbtcdStrikes = (int)nonNegative(key, value); break;
            case "readLimitPerSecond": readLimitPerSecond = Double.parseDouble(value); break;
            case "readBudgetFraction": readBudgetFraction = Double.parseDouble(value); break;
            case "webSocket": webSocket = Boolean.parseBoolean(value); break;
            case "wsConnectTimeoutMs": wsConnectTimeoutMs = positive(key, value); break;
            case "wsHandshakeTimeoutMs": wsHandshakeTimeoutMs = positive(key, value); break;
            case "wsSubscribeTimeoutMs": wsSubscribeTimeoutMs = positive(key, value); break;
            case "wsPingMs": wsPingMs = nonNegative(key, value); break;
            case "wsSilenceMs": wsSilenceMs = positive(key, value); break;
            case "wsBackoffInitialMs": wsBackoffInitialMs = positive(key, value); break;
            case "wsBackoffMaxMs": wsBackoffMaxMs = positive(key, value); break;
            case "maxFrameBytes": maxFrameBytes = (int)positive(key, value); break;
            case "apiKeyId": apiKeyId = value; break;
            case "privateKeyPath": privateKeyPath = value; break;
            case "housekeepingMs": housekeepingMs = positive(key, value); break;
            case "sim": pointAtSimulator(value); break;
            default: throw new IllegalArgumentException("unknown setting " + PREFIX + key);
        }
        return this;
    }

    /**
     * Points REST and WebSocket at a venue simulator ({@code HOST:PORT}) that serves Kalshi under
     * {@code /kalshi/trade-api/v2} and {@code /kalshi/trade-api/ws/v2}.
     */
    public KalshiFeedConfig pointAtSimulator(final String hostPort)
    {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
        }
        rest = URI.create("http://" + hostPort + "/kalshi/trade-api/v2");
        ws = URI.create("ws://" + hostPort + "/kalshi/trade-api/ws/v2");
        return this;
    }

    /** Series to follow, comma separated (KXBTC15M, KXBTCD). */
    public KalshiFeedConfig series(final String list)
    {
        series.clear();
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
        return this;
    }

    /** Shrinks timings for tests and demos (milliseconds instead of seconds). */
    public KalshiFeedConfig fastTimings()
    {
        requestTimeoutMs = 1_000;
        staleAfterMs = 1_000;
        backoffInitialMs = 20;
        backoffMaxMs = 200;
        authRetryMs = 2_000;
        wsConnectTimeoutMs = 1_000;
        wsHandshakeTimeoutMs = 1_000;
        wsSubscribeTimeoutMs = 1_000;
        wsPingMs = 500;
        wsSilenceMs = 3_000;
        wsBackoffInitialMs = 20;
        wsBackoffMaxMs = 300;
        housekeepingMs = 20;
        return this;
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
                + 1000.0 / settleIntervalMs + 1000.0 / listIntervalMs;
            why.append(String.format(Locale.ROOT, "%s: %.0f per %d ms for the live market, 1 per %d ms for the next "
                + "until listed, 1 per %d ms for a closed market until settled, 1 per %d ms for the listing = %.2f/s; ",
                s, live, pollIntervalMs, pollIntervalMs, settleIntervalMs, listIntervalMs, perSecond));
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

    private static long positive(final String key, final String value)
    {
        final long v = Long.parseLong(value);
        if (v <= 0)
        {
            throw new IllegalArgumentException(PREFIX + key + " must be positive: " + value);
        }
        return v;
    }

    private static long nonNegative(final String key, final String value)
    {
        final long v = Long.parseLong(value);
        if (v < 0)
        {
            throw new IllegalArgumentException(PREFIX + key + " must not be negative: " + value);
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
        return List.copyOf(series);
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
