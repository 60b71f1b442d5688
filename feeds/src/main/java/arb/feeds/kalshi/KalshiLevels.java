package arb.feeds.kalshi;

import arb.sbe.ContractSide;

/**
 * Scratch list of Kalshi book levels (side, price at 1e-4 $, quantity at 1e-2 contracts) a parser
 * collects before it publishes anything, so a body that turns out bad half-way has claimed no slot.
 * Fixed capacity: a book larger than that is rejected, not truncated silently.
 */
public final class KalshiLevels
{
    /** Sides as stored: {@link ContractSide#YES} or {@link ContractSide#NO} ordinals via these codes. */
    public static final byte YES = 1;
    public static final byte NO = 2;

    private final byte[] sides;
    private final long[] prices;
    private final long[] qtys;
    private int size;

    public KalshiLevels(final int capacity)
    {
        sides = new byte[capacity];
        prices = new long[capacity];
        qtys = new long[capacity];
    }

    public void clear()
    {
        size = 0;
    }

    /** Appends a level; false when full. */
    public boolean add(final byte side, final long price, final long qty)
    {
        if (size == prices.length)
        {
            return false;
        }
        sides[size] = side;
        prices[size] = price;
        qtys[size] = qty;
        size++;
        return true;
    }

    public int size()
    {
        return size;
    }

    public int capacity()
    {
        return prices.length;
    }

    public byte side(final int i)
    {
        return sides[i];
    }

    public ContractSide contractSide(final int i)
    {
        return sides[i] == YES ? ContractSide.YES : ContractSide.NO;
    }

    public long price(final int i)
    {
        return prices[i];
    }

    public long qty(final int i)
    {
        return qtys[i];
    }
}
