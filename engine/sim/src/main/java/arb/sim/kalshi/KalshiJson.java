package arb.sim.kalshi;

import arb.journal.Scales;

/** JSON fragments shared by the Kalshi simulator's REST answers and WebSocket messages. */
final class KalshiJson
{
    private KalshiJson()
    {
    }

    /** {@code ["price","qty"]} pairs of the first {@code n} levels. */
    static void ladder(final StringBuilder out, final long[] prices, final long[] qtys, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            out.append(i > 0 ? ",[\"" : "[\"");
            Scales.appendDecimal(out, prices[i], 4);
            out.append("\",\"");
            Scales.appendDecimal(out, qtys[i], 2);
            out.append("\"]");
        }
    }

    static void dollars(final StringBuilder out, final String key, final long kprice)
    {
        out.append(",\"").append(key).append("\":\"");
        Scales.appendDecimal(out, kprice == Scales.NULL ? 0 : kprice, 4);
        out.append('"');
    }

    static void count(final StringBuilder out, final String key, final long kqty)
    {
        out.append(",\"").append(key).append("\":\"");
        Scales.appendDecimal(out, kqty, 2);
        out.append('"');
    }
}
