package arb.sim.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import arb.journal.Scales;

/** Text rendering shared by the venue simulators: fixed-point decimals and venue timestamps. */
public final class SimText
{
    private static final DateTimeFormatter RFC3339_NANOS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_MICROS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SimText()
    {
    }

    /** A 1e-8 fixed-point value with exactly {@code decimals} digits after the point. */
    public static StringBuilder decimal(final StringBuilder sb, final long value, final int decimals)
    {
        final long scaled = value / Scales.pow10(Scales.PRICE_DECIMALS - decimals);
        Scales.appendDecimal(sb, scaled, decimals);
        return sb;
    }

    /** A 1e-8 fixed-point value as a JSON number with trailing zeros dropped (one decimal kept), like Kraken sends. */
    public static StringBuilder number(final StringBuilder sb, final long value)
    {
        final int start = sb.length();
        Scales.appendDecimal(sb, value, Scales.PRICE_DECIMALS);
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == '0' && sb.charAt(end - 2) != '.')
        {
            end--;
        }
        sb.setLength(end);
        return sb;
    }

    public static String rfc3339Nanos(final long epochNs)
    {
        return RFC3339_NANOS.format(Instant.ofEpochSecond(0, epochNs));
    }

    public static String rfc3339Micros(final long epochNs)
    {
        return RFC3339_MICROS.format(Instant.ofEpochSecond(0, epochNs));
    }
}
