package arb.sim.market;

/** A reusable list of book level changes: side, price (1e-8 USD), absolute qty (1e-8 BTC, 0 deletes). */
public final class LevelChanges
{
    private boolean[] bid = new boolean[64];
    private long[] price = new long[64];
    private long[] qty = new long[64];
    private int count;

    public void clear()
    {
        count = 0;
    }

    public void add(final boolean isBid, final long levelPrice, final long levelQty)
    {
        if (count == price.length)
        {
            bid = java.util.Arrays.copyOf(bid, count * 2);
            price = java.util.Arrays.copyOf(price, count * 2);
            qty = java.util.Arrays.copyOf(qty, count * 2);
        }
        bid[count] = isBid;
        price[count] = levelPrice;
        qty[count] = levelQty;
        count++;
    }

    public int count()
    {
        return count;
    }

    public boolean isBid(final int i)
    {
        return bid[i];
    }

    public long price(final int i)
    {
        return price[i];
    }

    public long qty(final int i)
    {
        return qty[i];
    }
}
