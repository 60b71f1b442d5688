package arb.engine.strategy;

import java.util.SplittableRandom;

import arb.engine.broker.Position;
import arb.engine.config.Params;
import arb.engine.config.StrategyPlugins;
import arb.engine.kalshi.KalshiMarketState;
import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.journal.Strategy;
import arb.sbe.ContractSide;
import arb.sbe.StrikeType;
import arb.strategy.api.MarketView;
import arb.strategy.api.Orders;
import arb.strategy.api.Side;
import arb.strategy.api.StrategyContext;

/**
 * Runs one plugin strategy ({@link arb.strategy.api.Strategy}) on the desk like the engine's own:
 * hands it the desk's {@link MarketSnapshot} through a read-only {@link MarketView}, and turns its
 * orders into the desk's entries and exits (guards, exposure sizing, Signal and Order events under
 * the plugin's own strategy id). The view, the order port and the ticker text are reused: nothing is
 * allocated per call by the engine's side.
 */
public final class PluginStrategy implements TradingStrategy
{
    private final arb.strategy.api.Strategy plugin;
    private final Strategy identity;
    private final View view = new View();
    private final Port port = new Port();
    private TradingDesk desk;
    private MarketSnapshot snapshot;

    /** Creates the plugin's instance for this run and starts it with the run's values of its parameters. */
    public PluginStrategy(final StrategyPlugins.Plugin plugin, final Params params)
    {
        this.plugin = StrategyPlugins.newInstance(plugin);
        this.identity = plugin.identity();
        final Context context = new Context(plugin.prefix(), params);
        try
        {
            this.plugin.start(context);
        }
        catch (final RuntimeException e)
        {
            throw new IllegalArgumentException("plugin strategy " + identity.name() + " failed to start: " + e);
        }
    }

    @Override
    public Strategy id()
    {
        return identity;
    }

    @Override
    public boolean usesIndex()
    {
        return plugin.usesIndex();
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        this.desk = desk;
        this.snapshot = s;
        plugin.onMarket(view, port);
    }

    private static ContractSide side(final Side side)
    {
        return side == Side.YES ? ContractSide.YES : ContractSide.NO;
    }

    /** The plugin's parameters and its seeded random numbers. */
    private static final class Context implements StrategyContext
    {
        private final String prefix;
        private final Params params;
        private final SplittableRandom random;

        Context(final String prefix, final Params params)
        {
            this.prefix = prefix;
            this.params = params;
            this.random = new SplittableRandom(params.getLong(prefix + StrategyPlugins.SEED));
        }

        @Override
        public String parameter(final String key)
        {
            return params.get(prefix + key).strip();
        }

        @Override
        public double decimal(final String key)
        {
            return params.getDouble(prefix + key);
        }

        @Override
        public long integer(final String key)
        {
            return params.getLong(prefix + key);
        }

        @Override
        public boolean flag(final String key)
        {
            return params.getBoolean(prefix + key);
        }

        @Override
        public SplittableRandom random()
        {
            return random;
        }
    }

    /** The snapshot as the public, read-only view. */
    private final class View implements MarketView
    {
        private final StringBuilder ticker = new StringBuilder(40);

        @Override
        public long nowNs()
        {
            return snapshot.nowNs();
        }

        @Override
        public long marketId()
        {
            return snapshot.market().marketId();
        }

        @Override
        public CharSequence ticker()
        {
            ticker.setLength(0);
            for (final byte b : snapshot.market().ticker())
            {
                if (b == 0)
                {
                    break;
                }
                ticker.append((char)b);
            }
            return ticker;
        }

        @Override
        public long closeTimeNs()
        {
            return snapshot.market().closeTimeNs();
        }

        @Override
        public long timeLeftNs()
        {
            return snapshot.timeLeftNs();
        }

        @Override
        public long strike()
        {
            return TradingDesk.strikeOf(snapshot.market());
        }

        @Override
        public boolean yesIsAbove()
        {
            final StrikeType type = snapshot.market().strikeType();
            return type != StrikeType.LESS && type != StrikeType.LESS_OR_EQUAL;
        }

        @Override
        public boolean bookValid()
        {
            return snapshot.bookValid();
        }

        @Override
        public long quoteAgeNs()
        {
            return snapshot.quoteAgeNs();
        }

        @Override
        public long bid(final Side side)
        {
            return snapshot.bid(side(side));
        }

        @Override
        public long bidQty(final Side side)
        {
            return snapshot.bidQty(side(side));
        }

        @Override
        public long ask(final Side side)
        {
            return snapshot.ask(side(side));
        }

        @Override
        public long askQty(final Side side)
        {
            return snapshot.askQty(side(side));
        }

        @Override
        public long askDepthUpTo(final Side side, final long limit)
        {
            return snapshot.askDepthUpTo(side(side), limit);
        }

        @Override
        public long index()
        {
            return snapshot.index() == Scales.NULL ? arb.strategy.api.Units.NONE : snapshot.index();
        }

        @Override
        public long indexAgeNs()
        {
            return snapshot.indexAgeNs();
        }

        @Override
        public double sigma()
        {
            return snapshot.sigma();
        }

        @Override
        public double fairValueYes()
        {
            return snapshot.fairValue();
        }

        @Override
        public long position(final Side side)
        {
            final Position p = desk.broker().position(identity, snapshot.market());
            return p == null ? 0 : p.qty(side(side));
        }

        @Override
        public boolean hasPendingOrder()
        {
            return desk.broker().hasPendingOrder(identity, snapshot.market());
        }

        @Override
        public double takerFeePerContract(final long price)
        {
            return desk.fees(snapshot.market()).takerFeePerContract(price);
        }
    }

    /** The plugin's orders as the desk's entries and exits. */
    private final class Port implements Orders
    {
        @Override
        public long buy(final Side side, final long limitPrice, final long qty, final CharSequence reason)
        {
            final MarketSnapshot s = snapshot;
            final KalshiMarketState m = s.market();
            final long limit = PriceTicks.floorToTick(m.priceStructure(), Math.min(limitPrice, PriceTicks.maxPrice(m.priceStructure())));
            final long wanted = qty - qty % Scales.KQTY;
            if (limit <= 0 || wanted <= 0 || !s.bookValid())
            {
                return 0;
            }
            if (desk.checkEntry(PluginStrategy.this, s) != GuardBlock.NONE)
            {
                return 0;
            }
            final long sized = desk.sizeForRoom(PluginStrategy.this, s, limit, wanted);
            if (sized <= 0)
            {
                return 0;
            }
            return desk.enter(PluginStrategy.this, s, side(side), limit, sized, reason);
        }

        @Override
        public long sell(final Side side, final long limitPrice, final long qty, final CharSequence reason)
        {
            final MarketSnapshot s = snapshot;
            final KalshiMarketState m = s.market();
            final Position p = desk.broker().position(identity, m);
            final long held = p == null ? 0 : p.sellableQty(side(side));
            final long wanted = Math.min(qty, held);
            final long limit = PriceTicks.ceilToTick(m.priceStructure(), Math.max(limitPrice, PriceTicks.minPrice(m.priceStructure())));
            if (wanted <= 0 || limit <= 0)
            {
                return 0;
            }
            return desk.exit(PluginStrategy.this, s, side(side), limit, wanted, reason);
        }

        @Override
        public StringBuilder reasonText()
        {
            return desk.reasonText();
        }
    }
}
