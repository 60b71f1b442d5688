package arb.engine.model;

import arb.sbe.PriceStructure;

/**
 * Kalshi's price grids (prices at 1e-4 dollars). {@code linear_cent}: $0.01 from $0.01 to $0.99.
 * {@code tapered_deci_cent} ({@code KXBTC15M}): $0.001 below $0.10 and above $0.90, $0.01 between.
 * {@code deci_cent}: $0.001 everywhere. An unknown structure is treated as linear cent, the coarser
 * grid, so no order is priced between ticks the venue would reject.
 *
 * <p>Buy limits round down and sell limits round up: rounding never makes an order more
 * aggressive than the edge it was computed from.
 */
public final class PriceTicks
{
    private static final long CENT = 100;
    private static final long DECI_CENT = 10;
    private static final long LOW_TAPER = 1_000;
    private static final long HIGH_TAPER = 9_000;
    private static final long ONE_DOLLAR = 10_000;

    private PriceTicks()
    {
    }

    /** Lowest valid price. */
    public static long minPrice(final PriceStructure structure)
    {
        return isLinear(structure) ? CENT : DECI_CENT;
    }

    /** Highest valid price. */
    public static long maxPrice(final PriceStructure structure)
    {
        return ONE_DOLLAR - minPrice(structure);
    }

    /** Largest valid price <= price, or 0 when there is none. */
    public static long floorToTick(final PriceStructure structure, final long price)
    {
        final long max = maxPrice(structure);
        if (price >= max)
        {
            return max;
        }
        final long tick = tickBelow(structure, price);
        final long floored = Math.floorDiv(price, tick) * tick;
        return floored < minPrice(structure) ? 0 : floored;
    }

    /** Smallest valid price >= price, or 0 when there is none. */
    public static long ceilToTick(final PriceStructure structure, final long price)
    {
        final long min = minPrice(structure);
        if (price <= min)
        {
            return min;
        }
        final long tick = tickAbove(structure, price);
        final long ceiled = -Math.floorDiv(-price, tick) * tick;
        return ceiled > maxPrice(structure) ? 0 : ceiled;
    }

    /** True when the price is on the market's grid and within its range. */
    public static boolean isValid(final PriceStructure structure, final long price)
    {
        return price >= minPrice(structure) && price <= maxPrice(structure) && floorToTick(structure, price) == price;
    }

    /** The valid price one tick below a valid price, or 0. */
    public static long tickDown(final PriceStructure structure, final long price)
    {
        return floorToTick(structure, price - 1);
    }

    /** The valid price one tick above a valid price, or 0. */
    public static long tickUp(final PriceStructure structure, final long price)
    {
        return ceilToTick(structure, price + 1);
    }

    /** Tick of the grid segment containing prices just at or below {@code price}. */
    private static long tickBelow(final PriceStructure structure, final long price)
    {
        if (isLinear(structure))
        {
            return CENT;
        }
        if (structure == PriceStructure.TAPERED_DECI_CENT)
        {
            return price > LOW_TAPER && price <= HIGH_TAPER ? CENT : DECI_CENT;
        }
        return DECI_CENT;
    }

    /** Tick of the grid segment containing prices just at or above {@code price}. */
    private static long tickAbove(final PriceStructure structure, final long price)
    {
        if (isLinear(structure))
        {
            return CENT;
        }
        if (structure == PriceStructure.TAPERED_DECI_CENT)
        {
            return price >= LOW_TAPER && price < HIGH_TAPER ? CENT : DECI_CENT;
        }
        return DECI_CENT;
    }

    private static boolean isLinear(final PriceStructure structure)
    {
        return structure != PriceStructure.TAPERED_DECI_CENT && structure != PriceStructure.DECI_CENT;
    }
}
