package arb.journal;

/**
 * The fixed-point scales of every quantity in the event vocabulary. Each quantity has exactly one
 * scale; the SBE schema names it in each field's {@code semanticType} so tools (dump, README) can
 * render the value without knowing the message.
 */
public final class Scales
{
    /** USD spot prices, index values, strikes: 1e-8 dollars. */
    public static final int PRICE_DECIMALS = 8;
    public static final long PRICE = 100_000_000L;
    /** BTC sizes: 1e-8 BTC (satoshi). */
    public static final int QTY_DECIMALS = 8;
    public static final long QTY = 100_000_000L;
    /** Kalshi contract prices: 1e-4 dollars. */
    public static final int KPRICE_DECIMALS = 4;
    public static final long KPRICE = 10_000L;
    /** Kalshi contract counts: 1e-2 contracts. */
    public static final int KQTY_DECIMALS = 2;
    public static final long KQTY = 100L;
    /** Cash amounts (PnL, fees, cost): 1e-6 dollars. */
    public static final int MONEY_DECIMALS = 6;
    public static final long MONEY = 1_000_000L;
    /** Probabilities and edges: 1e-6. */
    public static final int PROB_DECIMALS = 6;
    public static final long PROB = 1_000_000L;
    /** Dimensionless ratios such as volatility: 1e-9. */
    public static final int RATIO_DECIMALS = 9;
    public static final long RATIO = 1_000_000_000L;

    /** Value used for an absent optional int64 field (the SBE null value). */
    public static final long NULL = Long.MIN_VALUE;

    private static final long[] POW10 = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POW10.length; i++)
        {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Scales()
    {
    }

    public static long pow10(final int decimals)
    {
        return POW10[decimals];
    }

    /**
     * Decimal digits after the point for a schema semantic type, or -1 when the type is not a
     * fixed-point quantity.
     */
    public static int decimalsOf(final String semanticType)
    {
        if (semanticType == null)
        {
            return -1;
        }
        switch (semanticType)
        {
            case "price": return PRICE_DECIMALS;
            case "qty": return QTY_DECIMALS;
            case "kprice": return KPRICE_DECIMALS;
            case "kqty": return KQTY_DECIMALS;
            case "money": return MONEY_DECIMALS;
            case "prob": return PROB_DECIMALS;
            case "ratio": return RATIO_DECIMALS;
            default: return -1;
        }
    }

    /** Renders a fixed-point value as a plain decimal string with all its decimals (cold path). */
    public static String format(final long value, final int decimals)
    {
        final StringBuilder sb = new StringBuilder(24);
        appendDecimal(sb, value, decimals);
        return sb.toString();
    }

    /** Appends a fixed-point value as a decimal string, keeping every decimal of its scale. */
    public static void appendDecimal(final StringBuilder sb, final long value, final int decimals)
    {
        if (decimals == 0)
        {
            sb.append(value);
            return;
        }
        final long scale = POW10[decimals];
        long intPart = value / scale;
        long frac = value % scale;
        if (value < 0)
        {
            sb.append('-');
            intPart = -intPart;
            frac = -frac;
        }
        sb.append(intPart).append('.');
        final String f = Long.toString(frac);
        for (int i = f.length(); i < decimals; i++)
        {
            sb.append('0');
        }
        sb.append(f);
    }

    /** Rescales between two scales, rounding half away from zero when precision is lost. */
    public static long rescale(final long value, final int fromDecimals, final int toDecimals)
    {
        if (toDecimals >= fromDecimals)
        {
            return value * POW10[toDecimals - fromDecimals];
        }
        final long div = POW10[fromDecimals - toDecimals];
        final long half = div / 2;
        return value >= 0 ? (value + half) / div : -((-value + half) / div);
    }

    /** Fixed-point value to double (for logic that works in floating point, e.g. the index). */
    public static double toDouble(final long value, final long scale)
    {
        return (double)value / (double)scale;
    }
}
