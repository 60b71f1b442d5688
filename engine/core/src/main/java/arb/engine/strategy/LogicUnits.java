package arb.engine.strategy;

import java.math.BigDecimal;

import arb.engine.config.Params;

/**
 * Reads logic parameters written in human units (dollars, milliseconds) into the engine's fixed
 * point, exactly (BigDecimal on this cold path; never a double in between).
 */
public final class LogicUnits
{
    private LogicUnits()
    {
    }

    /** A dollar amount ("250", "0.50") as money units (1e-6 $). */
    public static long money(final Params params, final String key)
    {
        return scaled(params, key, 6);
    }

    /** A contract price in dollars ("0.02") as Kalshi price units (1e-4 $). */
    public static long kprice(final Params params, final String key)
    {
        return scaled(params, key, 4);
    }

    /** A USD index amount in dollars ("5.00") as price units (1e-8 $). */
    public static long price(final Params params, final String key)
    {
        return scaled(params, key, 8);
    }

    /** A count of contracts ("10", "2.5") as Kalshi quantity units (1e-2). */
    public static long contracts(final Params params, final String key)
    {
        return scaled(params, key, 2);
    }

    /** Milliseconds as nanoseconds. */
    public static long millisAsNanos(final Params params, final String key)
    {
        return Math.multiplyExact(params.getLong(key), 1_000_000L);
    }

    private static long scaled(final Params params, final String key, final int decimals)
    {
        try
        {
            return new BigDecimal(params.get(key).strip()).movePointRight(decimals).longValueExact();
        }
        catch (final ArithmeticException | NumberFormatException e)
        {
            throw new IllegalArgumentException("parameter " + key + " must be a decimal with at most " + decimals
                + " places, got '" + params.get(key) + "'");
        }
    }
}
