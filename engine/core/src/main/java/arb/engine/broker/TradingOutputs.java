package arb.engine.broker;

import arb.engine.chain.OutputJournal;
import arb.engine.kalshi.KalshiMarketState;
import arb.journal.Events;
import arb.sbe.ContractSide;
import arb.sbe.FillEncoder;
import arb.sbe.MarketResult;
import arb.sbe.OrderAction;
import arb.sbe.OrderDoneEncoder;
import arb.sbe.OrderEncoder;
import arb.sbe.OrderEndReason;
import arb.sbe.PositionMarkEncoder;
import arb.sbe.SettlementEncoder;
import arb.sbe.SignalEncoder;
import arb.journal.Strategy;

/**
 * Encodes the trading output events (Signal, Order, Fill, OrderDone, Settlement, PositionMark) into
 * the output journal. Preallocated flyweights; no allocation; chain thread only.
 */
public final class TradingOutputs
{
    private final OutputJournal out;
    private final SignalEncoder signal = new SignalEncoder();
    private final OrderEncoder order = new OrderEncoder();
    private final FillEncoder fill = new FillEncoder();
    private final OrderDoneEncoder orderDone = new OrderDoneEncoder();
    private final SettlementEncoder settlement = new SettlementEncoder();
    private final PositionMarkEncoder mark = new PositionMarkEncoder();

    public TradingOutputs(final OutputJournal out)
    {
        this.out = out;
    }

    /**
     * A strategy's decision and the numbers behind it. Optional numbers take
     * {@link arb.journal.Scales#NULL}; the reason is short ASCII (at most 96 characters).
     */
    public void signal(
        final long recvNs,
        final Strategy strategy,
        final ContractSide side,
        final OrderAction action,
        final KalshiMarketState market,
        final long fairValue,
        final long price,
        final long edge,
        final long index,
        final long strike,
        final long timeLeftNs,
        final long volatility,
        final CharSequence reason)
    {
        signal.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .strategy((short)strategy.id())
            .side(side)
            .action(action)
            .closeTimeNs(market.closeTimeNs())
            .fairValue(fairValue)
            .price(price)
            .edge(edge)
            .index(index)
            .strike(strike)
            .timeLeftNs(timeLeftNs)
            .volatility(volatility)
            .reason(reason)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + signal.encodedLength());
    }

    public void order(
        final long recvNs,
        final long orderId,
        final Strategy strategy,
        final ContractSide side,
        final OrderAction action,
        final KalshiMarketState market,
        final long limitPrice,
        final long qty)
    {
        order.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .orderId(orderId)
            .strategy((short)strategy.id())
            .side(side)
            .action(action)
            .closeTimeNs(market.closeTimeNs())
            .limitPrice(limitPrice)
            .qty(qty)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + order.encodedLength());
    }

    public void fill(
        final long recvNs,
        final long orderId,
        final Strategy strategy,
        final ContractSide side,
        final OrderAction action,
        final KalshiMarketState market,
        final long price,
        final long qty,
        final long fee,
        final long bookAgeNs,
        final long leavesQty)
    {
        fill.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .orderId(orderId)
            .strategy((short)strategy.id())
            .side(side)
            .action(action)
            .closeTimeNs(market.closeTimeNs())
            .price(price)
            .qty(qty)
            .fee(fee)
            .bookAgeNs(bookAgeNs)
            .leavesQty(leavesQty)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + fill.encodedLength());
    }

    /**
     * The end of an order: what it filled and why the rest was cancelled.
     *
     * @param bookAgeNs receive time of the book it executed against minus its decision time, or
     *                  {@link arb.journal.Scales#NULL} when it never executed against a book
     */
    public void orderDone(
        final long recvNs,
        final long orderId,
        final Strategy strategy,
        final ContractSide side,
        final OrderAction action,
        final KalshiMarketState market,
        final long limitPrice,
        final long qty,
        final long filledQty,
        final long notional,
        final long fees,
        final long bookAgeNs,
        final OrderEndReason reason)
    {
        orderDone.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .orderId(orderId)
            .strategy((short)strategy.id())
            .side(side)
            .action(action)
            .closeTimeNs(market.closeTimeNs())
            .limitPrice(limitPrice)
            .qty(qty)
            .filledQty(filledQty)
            .cancelledQty(qty - filledQty)
            .notional(notional)
            .fees(fees)
            .bookAgeNs(bookAgeNs)
            .endReason(reason)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + orderDone.encodedLength());
    }

    public void settlement(
        final long recvNs,
        final Strategy strategy,
        final ContractSide side,
        final KalshiMarketState market,
        final long qty,
        final MarketResult result,
        final boolean estimated,
        final long settlementValue,
        final long payout,
        final long pnl)
    {
        settlement.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .strategy((short)strategy.id())
            .side(side)
            .closeTimeNs(market.closeTimeNs())
            .qty(qty)
            .result(result)
            .estimated((short)(estimated ? 1 : 0))
            .settlementValue(settlementValue)
            .payout(payout)
            .pnl(pnl)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + settlement.encodedLength());
    }

    public void positionMark(
        final long recvNs,
        final Strategy strategy,
        final KalshiMarketState market,
        final long yesQty,
        final long noQty,
        final long cost,
        final long fees,
        final long markValue,
        final long realizedPnl)
    {
        mark.wrapAndApplyHeader(out.buffer(), 0, out.header())
            .recvNs(recvNs)
            .strategy((short)strategy.id())
            .closeTimeNs(market.closeTimeNs())
            .yesQty(yesQty)
            .noQty(noQty)
            .cost(cost)
            .fees(fees)
            .markValue(markValue)
            .realizedPnl(realizedPnl)
            .putTicker(market.ticker(), 0);
        out.append(Events.HEADER_LENGTH + mark.encodedLength());
    }
}
