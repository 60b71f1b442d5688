package arb.feeds.net;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import arb.sbe.Venue;

/**
 * Settings of all spot feeds: which venues run, each venue's {@link VenueSettings}, and the few
 * settings shared by all connections (frame bound, user agent, housekeeping interval). Built from
 * flat {@code key=value} properties so the live command can read them from a file and the command
 * line; {@link #pointAtSimulator(String, int)} rewrites every endpoint to a local venue simulator.
 */
public final class FeedsConfig
{
    /** The four spot venues in their canonical order. */
    public static final List<Venue> SPOT_VENUES = List.of(Venue.COINBASE, Venue.KRAKEN, Venue.BITSTAMP, Venue.BINANCEUS);

    private final Map<Venue, VenueSettings> venues = new EnumMap<>(Venue.class);
    private int maxFrameBytes = 16 * 1024 * 1024;
    private String userAgent = "arb-engine/0.1 (+netty)";
    private long checkIntervalMs = 100;
    private long seed = 42;

    public FeedsConfig()
    {
        for (final Venue v : SPOT_VENUES)
        {
            venues.put(v, VenueSettings.defaults(v));
        }
    }

    /** Defaults overlaid with {@code feeds.*} keys; {@code feeds.venues} (comma list) selects venues. */
    public static FeedsConfig fromProperties(final Map<String, String> properties)
    {
        final FeedsConfig config = new FeedsConfig();
        final Map<String, String> sorted = new TreeMap<>(properties);
        final String list = sorted.get("feeds.venues");
        if (list != null)
        {
            config.onlyVenues(list);
        }
        for (final Map.Entry<String, String> e : sorted.entrySet())
        {
            final String key = e.getKey();
            if (!key.startsWith("feeds."))
            {
                continue;
            }
            final String rest = key.substring("feeds.".length());
            final String value = e.getValue().trim();
            switch (rest)
            {
                case "venues": break;
                case "maxFrameBytes": config.maxFrameBytes = Integer.parseInt(value); break;
                case "userAgent": config.userAgent = value; break;
                case "checkIntervalMs": config.checkIntervalMs = Long.parseLong(value); break;
                case "seed": config.seed = Long.parseLong(value); break;
                case "sim": config.pointAtSimulator(value); break;
                default:
                    final int dot = rest.indexOf('.');
                    if (dot < 0)
                    {
                        throw new IllegalArgumentException("unknown setting " + key);
                    }
                    final Venue v = VenueSettings.venueOf(rest.substring(0, dot));
                    config.venue(v).set(rest.substring(dot + 1), value);
            }
        }
        return config;
    }

    /** Enables exactly the venues in a comma-separated list. */
    public FeedsConfig onlyVenues(final String commaList)
    {
        final List<Venue> wanted = new ArrayList<>();
        for (final String name : commaList.split(","))
        {
            if (!name.isBlank())
            {
                wanted.add(VenueSettings.venueOf(name));
            }
        }
        for (final VenueSettings s : venues.values())
        {
            s.enabled(wanted.contains(s.venue()));
        }
        return this;
    }

    /** Points every venue at a simulator on {@code host:port} ({@code HOST:PORT} form accepted too). */
    public FeedsConfig pointAtSimulator(final String hostPort)
    {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
        }
        return pointAtSimulator(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * Points every venue at the local venue simulator: one port, one path prefix per venue (see
     * {@code arb.sim.server.SimRoutes}). Listing checks still run: the simulator answers them.
     */
    public FeedsConfig pointAtSimulator(final String host, final int port)
    {
        final String base = "ws://" + host + ":" + port;
        venues.get(Venue.COINBASE).ws(URI.create(base + "/coinbase"));
        venues.get(Venue.KRAKEN).ws(URI.create(base + "/kraken/v2"));
        venues.get(Venue.BITSTAMP).ws(URI.create(base + "/bitstamp"));
        venues.get(Venue.BINANCEUS).ws(URI.create(base + "/binanceus/ws"));
        venues.get(Venue.BINANCEUS).rest(URI.create("http://" + host + ":" + port + "/binanceus"));
        return this;
    }

    /** Shrinks every venue's timings to milliseconds (tests, demo). */
    public FeedsConfig fastTimings()
    {
        venues.values().forEach(VenueSettings::fastTimings);
        checkIntervalMs = 20;
        return this;
    }

    public VenueSettings venue(final Venue venue)
    {
        final VenueSettings s = venues.get(venue);
        if (s == null)
        {
            throw new IllegalArgumentException("not a spot venue: " + venue);
        }
        return s;
    }

    /** Enabled venues in canonical order. */
    public List<VenueSettings> enabledVenues()
    {
        final List<VenueSettings> list = new ArrayList<>();
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

    public FeedsConfig maxFrameBytes(final int bytes)
    {
        maxFrameBytes = bytes;
        return this;
    }

    public String userAgent()
    {
        return userAgent;
    }

    public long checkIntervalMs()
    {
        return checkIntervalMs;
    }

    public FeedsConfig checkIntervalMs(final long ms)
    {
        checkIntervalMs = ms;
        return this;
    }

    /** Seed of the reconnect jitter (environment only: it shapes timing, never a logic decision). */
    public long seed()
    {
        return seed;
    }
}
