package arb.sim;

import java.util.Locale;

import arb.feeds.net.VenueConfig;
import arb.sbe.Venue;
import arb.sim.kalshi.KalshiSim;
import arb.sim.venue.SimFault;

/**
 * One fault of {@code arb sim --fault}, parsed from {@code VENUE:FAULT[xCOUNT]@AFTER_MS[/EVERY_MS]}:
 * a spot venue's fault ({@link SimFault}) or Kalshi's ({@link KalshiSim.Fault}: {@code 429},
 * {@code 5xx}, {@code slow}, {@code seq-gap}, {@code drop}; COUNT requests affected each time),
 * injected AFTER_MS of wall time after start, then every EVERY_MS (0 or absent: once). A spec that
 * does not parse is one line naming the valid venues and faults.
 *
 * @param venue      the spot venue, or null for Kalshi
 * @param spotFault  the spot venue's fault (null for Kalshi)
 * @param kalshiFault Kalshi's fault (null for a spot venue)
 * @param count      Kalshi requests (429, 5xx, slow) affected each time; 1 otherwise
 */
public record FaultSpec(Venue venue, SimFault spotFault, KalshiSim.Fault kalshiFault, int count, long afterMs, long everyMs)
{
    /** The spot venues' faults as written on the command line. */
    public static final String SPOT_FAULTS = "drop, silence, garbage, skip-sequence, bad-checksum, cross-book, "
        + "reconnect-request, slow-accept";
    /** Kalshi's faults as written on the command line. */
    public static final String KALSHI_FAULTS = "429 (rate-limit), 5xx (server-error, answered 503), slow, seq-gap, drop";

    private static final String FORM = "VENUE:FAULT[xCOUNT]@AFTER_MS[/EVERY_MS], e.g. kraken:garbage@5000/5000 or "
        + "kalshi:429x15@10000";

    /** Parses a spec; anything malformed is an {@link IllegalArgumentException} with one clear line. */
    public static FaultSpec parse(final String spec)
    {
        final int colon = spec.indexOf(':');
        final int at = spec.indexOf('@');
        if (colon <= 0 || at < colon + 2)
        {
            throw new IllegalArgumentException("fault '" + spec + "' is not " + FORM);
        }
        final String venueName = spec.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String faultName = spec.substring(colon + 1, at).strip().toLowerCase(Locale.ROOT);
        int count = 1;
        final int x = faultName.lastIndexOf('x');
        if (x > 0 && faultName.substring(x + 1).matches("\\d{1,6}"))
        {
            count = Integer.parseInt(faultName.substring(x + 1));
            faultName = faultName.substring(0, x);
            if (count < 1)
            {
                throw new IllegalArgumentException("fault '" + spec + "': COUNT must be at least 1");
            }
        }
        final String timing = spec.substring(at + 1).strip();
        final int slash = timing.indexOf('/');
        final long after = millis(spec, slash < 0 ? timing : timing.substring(0, slash), "AFTER_MS");
        final long every = slash < 0 ? 0 : millis(spec, timing.substring(slash + 1), "EVERY_MS");
        if ("kalshi".equals(venueName))
        {
            return new FaultSpec(null, null, kalshiFault(spec, faultName), count, after, every);
        }
        final Venue venue;
        try
        {
            venue = VenueConfig.venueOf(venueName);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("fault '" + spec + "': unknown venue '" + venueName
                + "' (coinbase, kraken, bitstamp, binanceus, gemini, kalshi)");
        }
        if (count != 1)
        {
            throw new IllegalArgumentException("fault '" + spec + "': xCOUNT applies to Kalshi's 429, 5xx and slow only");
        }
        return new FaultSpec(venue, spotFault(spec, faultName), null, 1, after, every);
    }

    /** Whether this is a Kalshi fault. */
    public boolean kalshi()
    {
        return kalshiFault != null;
    }

    /** The spot fault as {@link VenueSimulator} schedules it (spot venues only). */
    public VenueSimulator.ScheduledFault scheduled()
    {
        return new VenueSimulator.ScheduledFault(venue, spotFault, afterMs, everyMs);
    }

    private static SimFault spotFault(final String spec, final String name)
    {
        for (final SimFault f : SimFault.values())
        {
            if (f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name.replace('_', '-')))
            {
                return f;
            }
        }
        throw new IllegalArgumentException("fault '" + spec + "': unknown fault '" + name + "' for a spot venue; one of "
            + SPOT_FAULTS);
    }

    private static KalshiSim.Fault kalshiFault(final String spec, final String name)
    {
        return switch (name.replace('_', '-'))
        {
            case "429", "rate-limit" -> KalshiSim.Fault.RATE_LIMIT;
            case "5xx", "503", "500", "server-error" -> KalshiSim.Fault.SERVER_ERROR;
            case "slow" -> KalshiSim.Fault.SLOW;
            case "seq-gap", "skip-sequence" -> KalshiSim.Fault.SEQ_GAP;
            case "drop" -> KalshiSim.Fault.DROP;
            default -> throw new IllegalArgumentException("fault '" + spec + "': unknown fault '" + name
                + "' for kalshi; one of " + KALSHI_FAULTS);
        };
    }

    private static long millis(final String spec, final String text, final String what)
    {
        if (!text.strip().matches("\\d{1,12}"))
        {
            throw new IllegalArgumentException("fault '" + spec + "': " + what + " must be a whole number of "
                + "milliseconds (0 or more), got '" + text + "'");
        }
        return Long.parseLong(text.strip());
    }
}
