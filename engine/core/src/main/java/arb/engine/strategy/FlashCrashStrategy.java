package arb.engine.strategy;

import arb.engine.broker.Position;
import arb.engine.model.PriceTicks;
import arb.journal.Scales;
import arb.sbe.ContractSide;
import arb.journal.Strategy;

/**
 * Flash crash: a side's price falls by at least {@code drop} within {@code window} of receive
 * time IN THE SAME MARKET (ticker + close time) while the fair value model still values the side
 * at least {@code minEdge} above its ask and fee: the fall is not news, so buy the side and wait
 * for it to come back.
 *
 * <p>"Not news" is judged by the model, not by the index's move over the same window: near the
 * close a small index move is a large move of the probability, and a quote that lags the index
 * falls seconds after the news, when the index window no longer shows it. The model sees both.
 *
 * <p>Crashes are measured on the YES mid (best YES bid + derived YES ask, halved) held per market;
 * a NO crash is a YES jump. The original system compared the old window's 0.99 with the new
 * window's 0.55 at a rollover and bought a "crash"; here a new market starts with an empty
 * history. Exits: take-profit and stop on the side's bid against the average cost, and a maximum
 * holding time, each sold with an IOC limit {@code maxSlippage} below the bid that triggered it.
 */
public final class FlashCrashStrategy implements TradingStrategy
{
    private static final String TAKE_PROFIT = "flash crash exit: take profit";
    private static final String STOP = "flash crash exit: stop loss";
    private static final String TIME = "flash crash exit: max holding time";
    private static final ContractSide[] SIDES = {ContractSide.YES, ContractSide.NO};

    private final FlashCrashSettings settings;

    public FlashCrashStrategy(final FlashCrashSettings settings)
    {
        this.settings = settings;
    }

    @Override
    public Strategy id()
    {
        return Strategy.FLASH_CRASH;
    }

    @Override
    public boolean usesIndex()
    {
        return true;
    }

    @Override
    public void evaluate(final MarketSnapshot s, final TradingDesk desk)
    {
        if (exit(s, desk))
        {
            return;
        }
        if (!s.bookValid() || s.bid(ContractSide.YES) <= 0 || s.bid(ContractSide.NO) <= 0)
        {
            return;
        }
        final QuoteHistory mids = s.tracked.mids;
        final long now = mids.last();
        if (now == Long.MIN_VALUE)
        {
            return;
        }
        final long from = s.nowNs() - settings.windowNs();
        final long yesFall = (mids.maxSince(from) - now) / 2;
        final long noFall = (now - mids.minSince(from)) / 2;
        final ContractSide side;
        final long fall;
        if (yesFall >= settings.drop())
        {
            side = ContractSide.YES;
            fall = yesFall;
        }
        else if (settings.bothSides() && noFall >= settings.drop())
        {
            side = ContractSide.NO;
            fall = noFall;
        }
        else
        {
            s.tracked.edgeSinceSecondNs[id().id()] = Long.MIN_VALUE;
            return;
        }
        final long ask = s.ask(side);
        final double fv = s.fairValue();
        if (ask <= 0 || fv != fv)
        {
            return; // cannot tell a crash from news without the model
        }
        final double modelEdge = s.payProbability(side) - ask / (double)Scales.KPRICE - desk.fees(s.market()).takerFeePerContract(ask);
        if (modelEdge < settings.minEdge())
        {
            s.tracked.edgeSinceSecondNs[id().id()] = Long.MIN_VALUE;
            return; // the model moved with the quote (or the quote is not cheap): news, not a crash
        }
        // The quote may know a second more than the index print (news reaches a fast quote first):
        // the model must still call the side cheap on an index print later than the one it first did.
        final int slot = id().id();
        final long second = desk.indexHistory().lastSecondNs();
        if (s.tracked.edgeSinceSecondNs[slot] == Long.MIN_VALUE || s.tracked.edgeSide[slot] != side.ordinal())
        {
            s.tracked.edgeSinceSecondNs[slot] = second;
            s.tracked.edgeSide[slot] = side.ordinal();
        }
        if (second <= s.tracked.edgeSinceSecondNs[slot])
        {
            return;
        }
        if (desk.checkEntry(this, s) != GuardBlock.NONE)
        {
            return;
        }
        final long limit = PriceTicks.floorToTick(s.market().priceStructure(), Math.min(ask + settings.maxSlippage(), settings.maxPrice()));
        if (limit < ask)
        {
            return;
        }
        final long maxQty = Math.min(settings.contracts(), s.askDepthUpTo(side, limit));
        final long qty = desk.sizeForRoom(this, s, limit, maxQty);
        if (qty > 0)
        {
            final StringBuilder reason = desk.reasonText().append("flash crash: ").append(side == ContractSide.YES ? "YES" : "NO")
                .append(" mid fell ");
            ReasonText.fixed(reason, fall, 4).append(" in ");
            ReasonText.fixed(reason, settings.windowNs() / 1_000_000L, 3).append("s, model edge ");
            ReasonText.sixDecimals(reason, modelEdge, true);
            desk.enter(this, s, side, limit, qty, reason);
        }
    }

    private boolean exit(final MarketSnapshot s, final TradingDesk desk)
    {
        final Position p = desk.broker().position(id(), s.market());
        if (p == null || desk.broker().hasPendingOrder(id(), s.market()) || s.nowNs() >= s.market().closeTimeNs())
        {
            return false;
        }
        for (final ContractSide side : SIDES)
        {
            final long held = p.sellableQty(side);
            final long bid = s.bid(side);
            if (held <= 0 || bid <= 0)
            {
                continue;
            }
            final long cost = p.side(side).averagePrice();
            final String reason;
            if (settings.takeProfit() > 0 && bid >= cost + settings.takeProfit())
            {
                reason = TAKE_PROFIT;
            }
            else if (settings.stopLoss() > 0 && bid <= cost - settings.stopLoss())
            {
                reason = STOP;
            }
            else if (settings.maxHoldNs() > 0 && s.nowNs() - p.openedNs() >= settings.maxHoldNs())
            {
                reason = TIME;
            }
            else
            {
                continue;
            }
            final long limit = PriceTicks.ceilToTick(s.market().priceStructure(),
                Math.max(bid - settings.maxSlippage(), PriceTicks.minPrice(s.market().priceStructure())));
            if (limit > 0 && limit <= bid)
            {
                final StringBuilder text = desk.reasonText().append(reason).append(": bid ");
                ReasonText.fixed(text, bid, 4).append(", average cost ");
                ReasonText.fixed(text, cost, 4);
                desk.exit(this, s, side, limit, held, text);
                return true;
            }
        }
        return false;
    }
}
