package arb.engine.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;

import arb.engine.kalshi.KalshiMarketState;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The markets the broker has orders or positions in, by market id and oldest first; a market
 * leaves when it settles and its record returns to the pool.
 */
final class BrokerMarkets
{
    private final Long2ObjectHashMap<BrokerMarket> byId = new Long2ObjectHashMap<>();
    private final ArrayList<BrokerMarket> markets = new ArrayList<>();
    private final ArrayDeque<BrokerMarket> free = new ArrayDeque<>();

    /** The market's record, or null when the broker has nothing in it. */
    BrokerMarket get(final KalshiMarketState state)
    {
        return byId.get(state.marketId());
    }

    boolean contains(final KalshiMarketState state)
    {
        return byId.containsKey(state.marketId());
    }

    /** The market's record, taken from the pool on first use. */
    BrokerMarket open(final KalshiMarketState state)
    {
        BrokerMarket m = byId.get(state.marketId());
        if (m == null)
        {
            m = free.isEmpty() ? new BrokerMarket() : free.pop();
            m.reset(state);
            byId.put(state.marketId(), m);
            markets.add(m);
        }
        return m;
    }

    /** The market settled: its record leaves and returns to the pool. */
    void close(final BrokerMarket m)
    {
        byId.remove(m.state.marketId());
        markets.remove(m);
        free.push(m);
    }

    int size()
    {
        return markets.size();
    }

    /** The i-th market, oldest first. */
    BrokerMarket get(final int i)
    {
        return markets.get(i);
    }
}
