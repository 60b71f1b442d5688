package arb.engine.strategy;

import arb.engine.model.IndexHistory;
import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * Momentum (the original system's): the index moved more than {@code minMove} over
 * {@code window} while the Kalshi quote did not: trade in the move's direction (up: buy YES).
 *
 * <p>"Did not move" is a statement about what was OBSERVED, so it is judged at the quote's last
 * receive time t_r, never at an arbitrary decision time: the quote's top of book must be unchanged
 * since t_r - window (its last change at or before then) and the index must have moved by t_r, so
 * Kalshi had the move in front of it and still had not repriced. Each receipt is judged once. The
 * original polled every 5 s and decided every 1 s against the last poll, so "Kalshi has not moved"
 * was true four times out of five just because nobody had looked. Positions are held to settlement.
 */
public final class MomentumStrategy implements TradingStrategy
{

    private final MomentumSettings settings;

    public MomentumStrategy(final MomentumSettings settings)
    {
        this.settings = settings;
    }

    @Override
    public Strategy id()
    {
        return Strategy.MOMENTUM;
    }

    @Override
    public boolean usesIndex()
    {
        return true;
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        final TrackedMarket t = s.tracked;
        final long received = t.quoteRecvNs;
        final int slot = id().id();
        if (received == Long.MIN_VALUE || t.lastJudgedQuoteNs[slot] == received)
        {
            return;
        }
        t.lastJudgedQuoteNs[slot] = received;
        final long from = received - settings.windowNs();
        if (t.quoteChangeNs > from)
        {
            return; // the quote moved inside the window (or was first seen inside it)
        }
        final IndexHistory history = desk.indexHistory();
        final long indexThen = history.valueAtOrBefore(from);
        final long indexAtQuote = history.valueAtOrBefore(received);
        if (indexThen == Scales.NULL || indexAtQuote == Scales.NULL || history.secondAtOrBefore(from) < from - settings.windowNs())
        {
            return;
        }
        final double move = (double)indexAtQuote / (double)indexThen - 1.0;
        final ContractSide side;
        if (move > settings.minMove())
        {
            side = ContractSide.YES;
        }
        else if (move < -settings.minMove())
        {
            side = ContractSide.NO;
        }
        else
        {
            return;
        }
        if (desk.checkEntry(this, s) != GuardBlock.NONE)
        {
            return;
        }
        final long ask = s.ask(side);
        final long limit = PriceTicks.floorToTick(s.market().priceStructure(), Math.min(ask + settings.maxSlippage(), settings.maxPrice()));
        if (ask <= 0 || limit < ask)
        {
            return;
        }
        final long maxQty = Math.min(settings.contracts(), s.askDepthUpTo(side, limit));
        final long qty = desk.sizeForRoom(this, s, limit, maxQty);
        if (qty > 0)
        {
            final StringBuilder reason = desk.reasonText().append("momentum: index ");
            ReasonText.sixDecimals(reason, move, true).append(" over ");
            ReasonText.fixed(reason, settings.windowNs() / 1_000_000L, 3).append("s, quote unchanged");
            desk.enter(this, s, side, limit, qty, reason);
        }
    }
}
