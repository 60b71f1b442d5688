package arb.engine.results;

/**
 * The orders the results follow between their Order event and their last Fill: a ring of reusable
 * {@link OrderRecord}s indexed by order id (the broker numbers its orders 1, 2, 3, ... in a run),
 * so a Fill finds its order with one array read and an id check, and no map, box or record is
 * allocated per order. A slot is reused when the order occupying it is over, or certainly over by
 * event time ({@code maxLifeNs} after its decision); if a slot is still taken by a live order (more
 * than the ring's capacity in flight at once), the ring doubles. Chain thread only.
 */
final class OrderTable
{
    private OrderRecord[] ring;
    private int mask;
    private long maxLifeNs;
    private long growths;

    OrderTable(final int initialCapacity, final long maxLifeNs)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity - 1)) << 1);
        ring = newRing(capacity);
        mask = capacity - 1;
        this.maxLifeNs = maxLifeNs;
    }

    /** How long after its decision an order is certainly over (latency + order timeout + margin). */
    void maxLifeNs(final long maxLifeNs)
    {
        this.maxLifeNs = maxLifeNs;
    }

    /** The live record of an order, or null when the order is unknown or its slot was reused. */
    OrderRecord find(final long orderId)
    {
        final OrderRecord o = ring[(int)orderId & mask];
        return o.orderId == orderId && o.strategy != null ? o : null;
    }

    /** A record for a new order (the caller resets it), evicting only an order that is over. */
    OrderRecord take(final long orderId, final long nowNs)
    {
        OrderRecord o = ring[(int)orderId & mask];
        while (o.strategy != null && o.orderId != orderId && !o.done && nowNs - o.decisionNs < maxLifeNs)
        {
            grow();
            o = ring[(int)orderId & mask];
        }
        return o;
    }

    /** Times the ring had to grow (0 in any ordinary run). */
    long growths()
    {
        return growths;
    }

    private void grow()
    {
        growths++;
        final OrderRecord[] old = ring;
        final int capacity = old.length * 2;
        final OrderRecord[] bigger = new OrderRecord[capacity];
        final int biggerMask = capacity - 1;
        for (final OrderRecord o : old)
        {
            if (o.strategy != null)
            {
                // slot i of the old ring maps to i or i + old length: no two old orders collide
                bigger[(int)o.orderId & biggerMask] = o;
            }
        }
        for (int i = 0; i < capacity; i++)
        {
            if (bigger[i] == null)
            {
                bigger[i] = new OrderRecord();
            }
        }
        ring = bigger;
        mask = biggerMask;
    }

    private static OrderRecord[] newRing(final int capacity)
    {
        final OrderRecord[] r = new OrderRecord[capacity];
        for (int i = 0; i < capacity; i++)
        {
            r[i] = new OrderRecord();
        }
        return r;
    }
}
