package arb.engine.chain;

import arb.journal.Events;
import arb.sbe.BestBidOfferDecoder;
import arb.sbe.BookSnapshotDecoder;
import arb.sbe.BookUpdateDecoder;
import arb.sbe.ClockTickDecoder;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.IndexRelayDecoder;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiSeriesDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.RunStartDecoder;
import arb.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * The input event a stage is looking at: template id, receive time, ring sequence and the raw
 * bytes, plus preallocated SBE flyweights. Each accessor re-wraps its flyweight, so every stage gets
 * a decoder positioned at the start of the message (repeating groups are stateful) at the cost of a
 * few field writes. Valid only during the stage call.
 */
public final class InputEvent
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BookSnapshotDecoder bookSnapshot = new BookSnapshotDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final BestBidOfferDecoder bestBidOffer = new BestBidOfferDecoder();
    private final KalshiMarketDecoder kalshiMarket = new KalshiMarketDecoder();
    private final KalshiBookDecoder kalshiBook = new KalshiBookDecoder();
    private final FeedStatusDecoder feedStatus = new FeedStatusDecoder();
    private final ClockTickDecoder clockTick = new ClockTickDecoder();
    private final RunStartDecoder runStart = new RunStartDecoder();
    private final IndexRelayDecoder indexRelay = new IndexRelayDecoder();
    private final KalshiSeriesDecoder kalshiSeries = new KalshiSeriesDecoder();

    private DirectBuffer buffer;
    private int length;
    private int templateId;
    private long recvNs;
    private long sequence;

    /** Points this view at a new event. */
    public void wrap(final DirectBuffer buffer, final int length, final long sequence)
    {
        this.buffer = buffer;
        this.length = length;
        this.sequence = sequence;
        this.templateId = Events.templateId(buffer, 0);
        this.recvNs = Events.recvNs(buffer, 0);
    }

    public int templateId()
    {
        return templateId;
    }

    /** Receive time, epoch ns: the only clock the business logic has. */
    public long recvNs()
    {
        return recvNs;
    }

    public long sequence()
    {
        return sequence;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int length()
    {
        return length;
    }

    public TradeDecoder trade()
    {
        trade.wrapAndApplyHeader(buffer, 0, header);
        return trade;
    }

    public BookSnapshotDecoder bookSnapshot()
    {
        bookSnapshot.wrapAndApplyHeader(buffer, 0, header);
        return bookSnapshot;
    }

    public BookUpdateDecoder bookUpdate()
    {
        bookUpdate.wrapAndApplyHeader(buffer, 0, header);
        return bookUpdate;
    }

    public BestBidOfferDecoder bestBidOffer()
    {
        bestBidOffer.wrapAndApplyHeader(buffer, 0, header);
        return bestBidOffer;
    }

    public KalshiMarketDecoder kalshiMarket()
    {
        kalshiMarket.wrapAndApplyHeader(buffer, 0, header);
        return kalshiMarket;
    }

    public KalshiBookDecoder kalshiBook()
    {
        kalshiBook.wrapAndApplyHeader(buffer, 0, header);
        return kalshiBook;
    }

    public KalshiSeriesDecoder kalshiSeries()
    {
        kalshiSeries.wrapAndApplyHeader(buffer, 0, header);
        return kalshiSeries;
    }

    public FeedStatusDecoder feedStatus()
    {
        feedStatus.wrapAndApplyHeader(buffer, 0, header);
        return feedStatus;
    }

    public ClockTickDecoder clockTick()
    {
        clockTick.wrapAndApplyHeader(buffer, 0, header);
        return clockTick;
    }

    public RunStartDecoder runStart()
    {
        runStart.wrapAndApplyHeader(buffer, 0, header);
        return runStart;
    }

    public IndexRelayDecoder indexRelay()
    {
        indexRelay.wrapAndApplyHeader(buffer, 0, header);
        return indexRelay;
    }
}
