package com.example.arb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import arb.strategy.api.MarketView;
import arb.strategy.api.Orders;
import arb.strategy.api.Parameter;
import arb.strategy.api.Side;
import arb.strategy.api.Strategy;
import arb.strategy.api.StrategyContext;
import arb.strategy.api.Units;

/**
 * An example plugin strategy: takes the side the engine's fair value model prices at least
 * {@code minEdge} above its ask (after the taker fee), once per market, and sells it back when its bid
 * rises {@code exitEdge} above the model's value; holds to settlement otherwise. A seeded coin
 * ({@code participation}) decides whether to take each chance, to show the one randomness a strategy
 * may use. Written against {@code arb.strategy.api} only.
 */
public final class EdgeTakerStrategy implements Strategy
{
    private double minEdge;
    private double exitEdge;
    private long contracts;
    private long maxPrice;
    private double participation;
    private StrategyContext context;
    /** Markets already entered (by id): one entry per market. Small, and kept for the run only. */
    private final Set<Long> entered = new HashSet<>();
    /** The coin's answer per market, drawn at the market's first chance. */
    private final Map<Long, Boolean> take = new HashMap<>();

    @Override
    public String name()
    {
        return "edge_taker";
    }

    @Override
    public String version()
    {
        return "1.0.0";
    }

    @Override
    public List<Parameter> parameters()
    {
        return List.of(
            Parameter.decimal("minEdge", 0.04, 0, 1, "P(side) - ask - fee needed to buy, dollars per contract"),
            Parameter.decimal("exitEdge", 0.02, 0, 1, "Sell when bid - fee exceeds P(side) by this, dollars per contract"),
            Parameter.integer("contracts", 5, 1, 1000, "Contracts per entry"),
            Parameter.decimal("maxPrice", 0.90, 0.01, 0.99, "Never pay more than this, dollars"),
            Parameter.decimal("participation", 1.0, 0, 1, "Chance (seeded) of taking a chance the model offers"));
    }

    @Override
    public void start(final StrategyContext ctx)
    {
        this.context = ctx;
        this.minEdge = ctx.decimal("minEdge");
        this.exitEdge = ctx.decimal("exitEdge");
        this.contracts = ctx.integer("contracts") * Units.KQTY;
        this.maxPrice = Math.round(ctx.decimal("maxPrice") * Units.KPRICE);
        this.participation = ctx.decimal("participation");
    }

    @Override
    public void onMarket(final MarketView m, final Orders orders)
    {
        final double pYes = m.fairValueYes();
        if (pYes != pYes || !m.bookValid() || m.hasPendingOrder())
        {
            return;
        }
        for (final Side side : Side.values())
        {
            final long held = m.position(side);
            final double pays = side == Side.YES ? pYes : 1.0 - pYes;
            final long bid = m.bid(side);
            if (held > 0 && bid > 0 && bid / (double)Units.KPRICE - m.takerFeePerContract(bid) - exitEdge > pays)
            {
                final StringBuilder why = orders.reasonText().append(name()).append(": bid above the model, sell ").append(side);
                orders.sell(side, bid, held, why);
                return;
            }
        }
        if (entered.contains(m.marketId()))
        {
            return;
        }
        for (final Side side : Side.values())
        {
            final long ask = m.ask(side);
            if (ask <= 0 || ask > maxPrice)
            {
                continue;
            }
            final double pays = side == Side.YES ? pYes : 1.0 - pYes;
            final double edge = pays - ask / (double)Units.KPRICE - m.takerFeePerContract(ask);
            if (edge < minEdge)
            {
                continue;
            }
            final Boolean coin = take.computeIfAbsent(m.marketId(), id -> context.random().nextDouble() < participation);
            if (!coin)
            {
                return; // the coin said no: this market is passed over for good
            }
            final long qty = Math.min(contracts, m.askDepthUpTo(side, ask));
            final StringBuilder why = orders.reasonText().append(name()).append(": model ")
                .append(Math.round(pays * 1000)).append("/1000 over ask ").append(side);
            if (orders.buy(side, ask, qty, why) != 0)
            {
                entered.add(m.marketId());
            }
            return;
        }
    }
}
