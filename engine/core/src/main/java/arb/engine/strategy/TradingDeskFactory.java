package arb.engine.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import arb.engine.broker.BrokerSettings;
import arb.engine.broker.PaperBroker;
import arb.engine.broker.TradingOutputs;
import arb.engine.chain.OutputJournal;
import arb.engine.config.Params;
import arb.engine.config.StrategyPlugins;
import arb.engine.model.KalshiFees;

/**
 * Builds the desk, the paper broker and the enabled strategies from a run's logic parameters.
 * Strategies are evaluated in a fixed order (fair value, flash crash, momentum, parity, then the
 * plugin strategies of {@code strategy.plugins} in their listed order): the order
 * decides which of two strategies reaches the same liquidity first, so it must never vary.
 */
public final class TradingDeskFactory
{
    private TradingDeskFactory()
    {
    }

    public static TradingDesk create(final Params params, final OutputJournal out)
    {
        final List<TradingStrategy> strategies = new ArrayList<>();
        final FairValueSettings fairValue = FairValueSettings.from(params);
        if (fairValue.enabled())
        {
            strategies.add(new FairValueStrategy(fairValue));
        }
        final FlashCrashSettings flashCrash = FlashCrashSettings.from(params);
        if (flashCrash.enabled())
        {
            strategies.add(new FlashCrashStrategy(flashCrash));
        }
        final MomentumSettings momentum = MomentumSettings.from(params);
        if (momentum.enabled())
        {
            strategies.add(new MomentumStrategy(momentum));
        }
        final ParitySettings parity = ParitySettings.from(params);
        if (parity.enabled())
        {
            strategies.add(new ParityStrategy(parity));
        }
        for (final StrategyPlugins.Plugin plugin : params.plugins())
        {
            if (params.getBoolean(plugin.prefix() + StrategyPlugins.ENABLED))
            {
                strategies.add(new PluginStrategy(plugin, params));
            }
        }
        return withStrategies(params, out, strategies.toArray(new TradingStrategy[0]));
    }

    /**
     * A desk (index history, volatility, fair value model, broker) built from the run's parameters
     * that runs the given strategies only: analyses (e.g. {@code arb lag}) observe the engine's own
     * fair value through a strategy that never trades.
     */
    public static TradingDesk withStrategies(final Params params, final OutputJournal out, final TradingStrategy... strategies)
    {
        final TradingOutputs outputs = new TradingOutputs(out);
        final KalshiFees fees = new KalshiFees(
            new BigDecimal(params.get("broker.fee.multiplier").strip()).movePointRight(6).longValueExact(),
            LogicUnits.money(params, "broker.fee.precision"));
        final PaperBroker broker = new PaperBroker(BrokerSettings.from(params), fees, outputs);
        return new TradingDesk(GuardSettings.from(params), ModelSettings.from(params), broker, outputs, strategies);
    }
}
