package arb.engine.strategy;

import arb.engine.model.KalshiFees;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * Parity: one YES plus one NO always pays exactly $1, so when YES ask + NO ask + both taker fees
 * is below $1 by {@code minEdge}, buy both at those asks. With Kalshi's single book (YES ask =
 * $1 - NO bid) this needs YES bid + NO bid above $1, a crossed book: expect it rarely, mostly from
 * stale or half-updated quotes, which the stale-quote guard and the fill latency then judge
 * honestly. The legs are separate IOC orders and can fill unequally (legging risk is real).
 * The index plays no part, so a stale index does not block it.
 */
public final class ParityStrategy implements TradingStrategy
{
    private static final String YES_LEG = "parity: yes ask + no ask + fees < $1 (yes leg)";
    private static final String NO_LEG = "parity: yes ask + no ask + fees < $1 (no leg)";

    private final ParitySettings settings;

    public ParityStrategy(final ParitySettings settings)
    {
        this.settings = settings;
    }

    @Override
    public Strategy id()
    {
        return Strategy.PARITY;
    }

    @Override
    public boolean usesIndex()
    {
        return false;
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        final long yesAsk = s.ask(ContractSide.YES);
        final long noAsk = s.ask(ContractSide.NO);
        if (yesAsk <= 0 || noAsk <= 0)
        {
            return;
        }
        final KalshiFees fees = desk.fees(s.market());
        final double cost = (yesAsk + noAsk) / (double)Scales.KPRICE
            + fees.takerFeePerContract(yesAsk) + fees.takerFeePerContract(noAsk);
        final double edge = 1.0 - cost;
        if (edge < settings.minEdge())
        {
            return;
        }
        if (desk.checkEntry(this, s) != GuardBlock.NONE)
        {
            return;
        }
        // at the best asks only (the limits), and only what paper orders have not taken
        final long depth = Math.min(s.askDepthUpTo(ContractSide.YES, yesAsk), s.askDepthUpTo(ContractSide.NO, noAsk));
        // both legs must fit in the room: worst-case cost of one contract of each, fees included
        final long pairCost = desk.broker().worstCaseBuyCost(s.market(), yesAsk, Scales.KQTY)
            + desk.broker().worstCaseBuyCost(s.market(), noAsk, Scales.KQTY);
        final long affordable = desk.entryRoom(id(), s.market()) / pairCost * Scales.KQTY;
        final long wanted = Math.min(Math.min(settings.maxContracts(), depth), affordable);
        final long qty = wanted - wanted % Scales.KQTY;
        if (qty <= 0)
        {
            if (affordable < Scales.KQTY)
            {
                desk.countBlock(this, GuardBlock.MARKET_EXPOSURE);
            }
            return;
        }
        final long edgeProb = StrictMath.round(edge * Scales.PROB);
        desk.enterPairLeg(this, s, ContractSide.YES, yesAsk, qty, edgeProb, YES_LEG);
        desk.enterPairLeg(this, s, ContractSide.NO, noAsk, qty, edgeProb, NO_LEG);
    }
}
