package arb.feeds.net;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import arb.feeds.FeedsEnvCatalog;
import arb.market.config.EnvValues;
import arb.sbe.Venue;

/**
 * Settings of all spot feeds: which venues run, each venue's {@link VenueConfig}, and the few
 * settings shared by all connections (frame bound, user agent, housekeeping interval), read from
 * {@code feeds.*} environment settings (defaults in {@link FeedsEnvCatalog}). Immutable: the
 * {@code with...} methods, {@link #onlyVenues}, {@link #pointAtSimulator} and {@link #fastTimings}
 * return a new config. {@code feeds.sim=HOST:PORT} rewrites every endpoint to a local venue simulator.
 */
public final class FeedsConfig
{
    /** The spot venues in their canonical order. */
    public static final List<Venue> SPOT_VENUES =
        List.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS, Venue.GEMINI);

    private final EnvValues values;
    private final Map<Venue, VenueConfig> venues = new EnumMap<>(Venue.class);
    private final int maxFrameBytes;
    private final String userAgent;
    private final long checkIntervalMs;
    private final long seed;

    private FeedsConfig(final EnvValues values)
    {
        this.values = values;
        final EnvValues routed = values.isGiven("feeds.sim") ? values.with(simulatorRoutes(values.get("feeds.sim"))) : values;
        final List<Venue> listed = parseVenues(values.get("feeds.venues"));
        for (final Venue v : SPOT_VENUES)
        {
            venues.put(v, VenueConfig.from(v, listed.contains(v), routed));
        }
        maxFrameBytes = values.getInt("feeds.maxFrameBytes");
        userAgent = values.get("feeds.userAgent");
        checkIntervalMs = values.getLong("feeds.checkIntervalMs");
        seed = values.getLong("feeds.seed");
    }

    /** The spot feeds as {@code values} describe them (keys other than {@code feeds.*} are not read). */
    public static FeedsConfig from(final EnvValues values)
    {
        return new FeedsConfig(values);
    }

    /** Every {@code feeds.*} setting at its catalog default. */
    public static FeedsConfig defaults()
    {
        return fromProperties(Map.of());
    }

    /** Defaults overlaid with {@code feeds.*} keys; other keys are ignored, unknown feed keys are errors. */
    public static FeedsConfig fromProperties(final Map<String, String> properties)
    {
        return from(EnvValues.of(FeedsEnvCatalog.CATALOG, EnvValues.withPrefix(properties, "feeds.")));
    }

    /** A copy with one {@code feeds.*} setting changed. */
    public FeedsConfig with(final String key, final String value)
    {
        return from(values.with(key, value));
    }

    /** A copy with several {@code feeds.*} settings changed. */
    public FeedsConfig with(final Map<String, String> settings)
    {
        return from(values.with(settings));
    }

    /** A copy running exactly the venues in a comma-separated list ({@code feeds.venues}). */
    public FeedsConfig onlyVenues(final String commaList)
    {
        parseVenues(commaList);
        return with("feeds.venues", commaList);
    }

    /** A copy pointing every venue at a simulator on {@code host:port} ({@code feeds.sim}). */
    public FeedsConfig pointAtSimulator(final String hostPort)
    {
        simulatorRoutes(hostPort);
        return with("feeds.sim", hostPort);
    }

    /** A copy pointing every venue at the local venue simulator on {@code host} and {@code port}. */
    public FeedsConfig pointAtSimulator(final String host, final int port)
    {
        return pointAtSimulator(host + ":" + port);
    }

    /** A copy with every venue's timings shrunk to milliseconds (tests, demo). */
    public FeedsConfig fastTimings()
    {
        final Map<String, String> m = new TreeMap<>();
        for (final VenueConfig s : venues.values())
        {
            m.putAll(s.fastTimingOverrides());
        }
        m.put("feeds.checkIntervalMs", "20");
        return with(m);
    }

    /**
     * The endpoints of the local venue simulator: one port, one path prefix per venue (see
     * {@code arb.sim.server.SimRoutes}). Listing checks still run: the simulator answers them.
     */
    private static Map<String, String> simulatorRoutes(final String hostPort)
    {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
        }
        final String host = hostPort.substring(0, colon);
        final int port = Integer.parseInt(hostPort.substring(colon + 1));
        final String base = "ws://" + host + ":" + port;
        return Map.of(
            "feeds.coinbase.ws", base + "/coinbase",
            "feeds.kraken.ws", base + "/kraken/v2",
            "feeds.bitstamp.ws", base + "/bitstamp",
            "feeds.binanceus.ws", base + "/binanceus/ws",
            "feeds.binanceus.rest", "http://" + host + ":" + port + "/binanceus",
            "feeds.gemini.ws", base + "/gemini/v2/marketdata");
    }

    private static List<Venue> parseVenues(final String commaList)
    {
        final List<Venue> wanted = new ArrayList<>();
        for (final String name : commaList.split(","))
        {
            if (!name.isBlank())
            {
                wanted.add(VenueConfig.venueOf(name));
            }
        }
        return wanted;
    }

    public VenueConfig venue(final Venue venue)
    {
        final VenueConfig s = venues.get(venue);
        if (s == null)
        {
            throw new IllegalArgumentException("not a spot venue: " + venue);
        }
        return s;
    }

    /** Enabled venues in canonical order. */
    public List<VenueConfig> enabledVenues()
    {
        final List<VenueConfig> list = new ArrayList<>();
        for (final Venue v : SPOT_VENUES)
        {
            if (venues.get(v).enabled())
            {
                list.add(venues.get(v));
            }
        }
        return list;
    }

    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    public String userAgent()
    {
        return userAgent;
    }

    public long checkIntervalMs()
    {
        return checkIntervalMs;
    }

    /** Seed of the reconnect jitter (environment only: it shapes timing, never a logic decision). */
    public long seed()
    {
        return seed;
    }
}
