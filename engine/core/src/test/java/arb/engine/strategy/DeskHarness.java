package arb.engine.strategy;

import java.util.TreeMap;

import arb.engine.broker.CapturedOutputs;
import arb.engine.broker.TestMarket;
import arb.engine.config.Params;
import arb.journal.Scales;

/** A desk built from the default parameters plus overrides, driven by hand. */
final class DeskHarness
{
    static final long S = TestMarket.S;
    static final long MS = TestMarket.MS;
    /** A whole second, so index prints line up with it. */
    static final long T0 = 1_760_000_000L * S;

    final CapturedOutputs out = new CapturedOutputs();
    final TradingDesk desk;

    DeskHarness(final String... overrides)
    {
        final TreeMap<String, String> map = new TreeMap<>();
        for (final String o : overrides)
        {
            final int eq = o.indexOf('=');
            map.put(o.substring(0, eq), o.substring(eq + 1));
        }
        desk = TradingDeskFactory.create(Params.defaults().with(map), out.journal);
    }

    /** Only the named strategies enabled (fairValue, flashCrash, momentum, parity). */
    static String[] only(final String strategy, final String... more)
    {
        final String[] all = {"fairValue", "flashCrash", "momentum", "parity"};
        final String[] o = new String[all.length + more.length];
        for (int i = 0; i < all.length; i++)
        {
            o[i] = "strategy." + all[i] + ".enabled=" + all[i].equals(strategy);
        }
        System.arraycopy(more, 0, o, all.length, more.length);
        return o;
    }

    /** The index print for the second ending at {@code secondNs}, received then, then a clock tick. */
    void index(final long secondNs, final double dollars)
    {
        desk.onIndexPrint(secondNs, secondNs, Math.round(dollars * 100) * (Scales.PRICE / 100));
        desk.onTime(secondNs);
    }

    /** Index prints at a constant value every second in [from, to]. */
    void flatIndex(final long fromNs, final long toNs, final double dollars)
    {
        for (long t = fromNs; t <= toNs; t += S)
        {
            index(t, dollars);
        }
    }

    /** A Kalshi book received at {@code recvNs}: one level a side, prices in dollars, qty in contracts. */
    void book(final TestMarket m, final long recvNs, final double yesBid, final double yesQty, final double noBid, final double noQty)
    {
        m.book(recvNs, new double[][] {{yesBid, yesQty}}, new double[][] {{noBid, noQty}});
        desk.onBook(recvNs, m);
    }

    void tick(final long nowNs)
    {
        desk.onTime(nowNs);
    }
}
