package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import arb.feeds.ThreadAllocation;
import arb.journal.CountingSink;
import arb.journal.Events;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendarTest;
import arb.sbe.BookKind;
import arb.sbe.ContractSide;
import arb.sbe.DataSource;
import arb.sbe.KalshiBookDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.MarketResult;
import arb.sbe.PriceStructure;
import arb.sbe.Series;
import arb.sbe.StrikeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class KalshiRestParserTest
{
    static final long RECV = KalshiCalendarTest.ns("2026-03-10T14:07:30Z");

    /** A KXBTC15M market object in the documented shape (values made up for this test). */
    static final String ACTIVE_MARKET = """
        {"market":{
          "can_close_early":true,"close_time":"2026-03-10T14:15:00Z","event_ticker":"KXBTC15M-26MAR101015",
          "expiration_value":"","floor_strike":70123.45,"last_price_dollars":"0.6200","market_type":"binary",
          "no_ask_dollars":"0.3900","no_bid_dollars":"0.3800","open_interest_fp":"12034.50",
          "open_time":"2026-03-10T14:00:00Z","price_level_structure":"tapered_deci_cent",
          "price_ranges":[{"start":"0.0000","end":"0.1000","step":"0.0010"}],"result":"",
          "rules_primary":"If the \\"average\\" ... resolves to Yes.","status":"active",
          "strike_type":"greater_or_equal","ticker":"KXBTC15M-26MAR101015-15",
          "updated_time":"2026-03-10T14:07:29.5Z","volume_fp":"40211.07","yes_ask_dollars":"0.6200",
          "yes_ask_size_fp":"150.25","yes_bid_dollars":"0.6100","yes_bid_size_fp":"7.00",
          "custom_strike":{"round_digits":"2"}
        }}""";

    static final String SETTLED_MARKET = """
        {"market":{"ticker":"KXBTC15M-26MAR101000-00","status":"finalized","result":"no",
          "expiration_value":"70123.45","floor_strike":70200.01,"close_time":"2026-03-10T14:00:00Z",
          "open_time":"2026-03-10T13:45:00Z","yes_bid_dollars":"0.0000","yes_ask_dollars":"0.0010"}}""";

    private final RecordingSink sink = new RecordingSink();
    private final KalshiRestParser parser = new KalshiRestParser(new KalshiEventPublisher(sink));

    static UnsafeBuffer buf(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private int market(final String body)
    {
        final UnsafeBuffer b = buf(body);
        return parser.onMarket(b, 0, b.capacity(), RECV);
    }

    @Test
    void activeMarketBecomesOneEventWithEveryFieldAtItsScale()
    {
        assertThat(market(ACTIVE_MARKET)).isEqualTo(KalshiRestParser.OK);
        assertThat(sink.size()).isEqualTo(1);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.recvNs()).isEqualTo(RECV);
        assertThat(m.venueNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:07:29.5Z"));
        assertThat(m.source()).isEqualTo(DataSource.REST);
        assertThat(m.series()).isEqualTo(Series.KXBTC15M);
        assertThat(m.ticker()).isEqualTo("KXBTC15M-26MAR101015-15");
        assertThat(m.status()).isEqualTo(KalshiStatus.ACTIVE);
        assertThat(m.strikeType()).isEqualTo(StrikeType.GREATER_OR_EQUAL);
        assertThat(m.result()).isEqualTo(MarketResult.NONE);
        assertThat(m.priceStructure()).isEqualTo(PriceStructure.TAPERED_DECI_CENT);
        assertThat(m.openTimeNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:00:00Z"));
        assertThat(m.closeTimeNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:15:00Z"));
        assertThat(m.floorStrike()).isEqualTo(7_012_345_000_000L);
        assertThat(m.capStrike()).isEqualTo(Scales.NULL);
        assertThat(m.yesBid()).isEqualTo(6100);
        assertThat(m.yesAsk()).isEqualTo(6200);
        assertThat(m.noBid()).isEqualTo(3800);
        assertThat(m.noAsk()).isEqualTo(3900);
        assertThat(m.yesBidSize()).isEqualTo(700);
        assertThat(m.yesAskSize()).isEqualTo(15025);
        assertThat(m.lastPrice()).isEqualTo(6200);
        assertThat(m.volume()).isEqualTo(4_021_107);
        assertThat(m.openInterest()).isEqualTo(1_203_450);
        assertThat(m.expirationValue()).isEqualTo(Scales.NULL);
        assertThat(parser.fields().hasOutcome()).isFalse();
    }

    @Test
    void settledMarketCarriesResultAndSettlementValue()
    {
        assertThat(market(SETTLED_MARKET)).isEqualTo(KalshiRestParser.OK);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.status()).isEqualTo(KalshiStatus.FINALIZED);
        assertThat(m.result()).isEqualTo(MarketResult.NO);
        assertThat(m.expirationValue()).isEqualTo(7_012_345_000_000L);
        assertThat(m.yesBid()).isZero();
        assertThat(parser.fields().hasOutcome()).isTrue();
    }

    @Test
    void missingOptionalFieldsAreAbsentAndTimesComeFromTheCalendar()
    {
        assertThat(market("{\"market\":{\"ticker\":\"KXBTC15M-26MAR101015-15\"}}")).isEqualTo(KalshiRestParser.OK);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.closeTimeNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:15:00Z"));
        assertThat(m.openTimeNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:00:00Z"));
        assertThat(m.status()).isEqualTo(KalshiStatus.UNKNOWN);
        assertThat(m.venueNs()).isEqualTo(Scales.NULL);
        assertThat(m.floorStrike()).isEqualTo(Scales.NULL);
        assertThat(m.yesBid()).isEqualTo(Scales.NULL);
        assertThat(m.volume()).isEqualTo(Scales.NULL);
        assertThat(m.priceStructure()).isEqualTo(PriceStructure.UNKNOWN);
    }

    @Test
    void removedLegacyIntegerFieldsAreNeverRead()
    {
        assertThat(market("{\"market\":{\"ticker\":\"KXBTCD-26MAR1011-T70249.99\",\"yes_bid\":61,\"yes_ask\":62,"
            + "\"last_price\":62,\"volume\":4000,\"floor_strike\":\"70249.99\",\"strike_type\":\"greater\","
            + "\"price_level_structure\":\"linear_cent\",\"status\":\"open\"}}")).isEqualTo(KalshiRestParser.OK);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.series()).isEqualTo(Series.KXBTCD);
        assertThat(m.yesBid()).isEqualTo(Scales.NULL);
        assertThat(m.lastPrice()).isEqualTo(Scales.NULL);
        assertThat(m.volume()).isEqualTo(Scales.NULL);
        assertThat(m.floorStrike()).isEqualTo(7_024_999_000_000L);
        assertThat(m.strikeType()).isEqualTo(StrikeType.GREATER);
        assertThat(m.priceStructure()).isEqualTo(PriceStructure.LINEAR_CENT);
        assertThat(m.status()).isEqualTo(KalshiStatus.ACTIVE);
        assertThat(m.closeTimeNs()).isEqualTo(KalshiCalendarTest.ns("2026-03-10T15:00:00Z"));
    }

    @Test
    void outOfRangeValuesAreAbsentNotWrong()
    {
        assertThat(market("{\"market\":{\"ticker\":\"KXBTC15M-26MAR101015-15\",\"yes_bid_dollars\":\"1.5\","
            + "\"yes_ask_dollars\":\"-0.1\",\"volume_fp\":\"abc\",\"open_interest_fp\":null,"
            + "\"close_time\":\"not a time\",\"status\":\"paused_for_reasons\",\"result\":\"scalar\"}}"))
            .isEqualTo(KalshiRestParser.OK);
        final KalshiMarketDecoder m = sink.market(0);
        assertThat(m.yesBid()).isEqualTo(Scales.NULL);
        assertThat(m.yesAsk()).isEqualTo(Scales.NULL);
        assertThat(m.volume()).isEqualTo(Scales.NULL);
        assertThat(m.openInterest()).isEqualTo(Scales.NULL);
        assertThat(m.status()).isEqualTo(KalshiStatus.OTHER);
        assertThat(m.result()).isEqualTo(MarketResult.NONE);
        assertThat(m.closeTimeNs()).as("falls back to the calendar").isEqualTo(KalshiCalendarTest.ns("2026-03-10T14:15:00Z"));
    }

    @Test
    void marketOfAnotherSeriesOrWithoutIdentityPublishesNothing()
    {
        assertThat(market("{\"market\":{\"ticker\":\"KXETH-26AUG1702-T2594.99\",\"status\":\"active\"}}"))
            .isEqualTo(KalshiRestParser.IGNORED);
        assertThat(market("{\"market\":{\"status\":\"active\"}}")).isEqualTo(KalshiRestParser.BAD_BODY);
        assertThat(market("{\"markets\":[]}")).isEqualTo(KalshiRestParser.BAD_BODY);
        assertThat(market("{\"market\":{\"ticker\":\"" + "X".repeat(41) + "\"}}")).isEqualTo(KalshiRestParser.BAD_BODY);
        assertThat(sink.size()).isZero();
    }

    @Test
    void everyTruncationOfABodyIsRejectedWithoutPublishingOrThrowing()
    {
        final byte[] full = ACTIVE_MARKET.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer b = new UnsafeBuffer(full);
        for (int length = 0; length < full.length; length++)
        {
            if (full.length - length > 0 && isOnlyTrailingWhitespace(full, length))
            {
                continue;
            }
            assertThat(parser.onMarket(b, 0, length, RECV)).as("prefix %d", length).isEqualTo(KalshiRestParser.BAD_BODY);
        }
        assertThat(sink.size()).isZero();
        assertThat(sink.claimOutstanding()).isFalse();
    }

    @Test
    void randomGarbageNeverThrowsAndNeverLeavesAClaimOpen()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final byte[] base = (ACTIVE_MARKET + ORDERBOOK).getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[base.length]);
        final byte[] ticker = ticker("KXBTC15M-26MAR101015-15");
        for (int round = 0; round < 5_000; round++)
        {
            b.putBytes(0, base);
            final int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++)
            {
                b.putByte(random.nextInt(base.length), (byte)random.nextInt(256));
            }
            final int length = random.nextInt(base.length + 1);
            parser.onMarket(b, 0, length, RECV);
            parser.onOrderbook(b, 0, length, RECV, ticker, 0);
            parser.onMarketList(b, 0, length, RECV, null);
            assertThat(sink.claimOutstanding()).isFalse();
        }
    }

    static final String LIST = """
        {"markets":[
          {"ticker":"KXBTC15M-26MAR101015-15","status":"active","close_time":"2026-03-10T14:15:00Z",
           "open_time":"2026-03-10T14:00:00Z","floor_strike":70123.45,"yes_bid_dollars":"0.6100"},
          {"ticker":"KXETH15M-26MAR101015-15","status":"active"},
          17,
          {"ticker":"KXBTC15M-26MAR101000-00","status":"active","close_time":"2026-03-10T14:00:00Z",
           "open_time":"2026-03-10T13:45:00Z","floor_strike":70200.01}
        ],"cursor":"CgsIu4WdzwYQ"}""";

    @Test
    void listPublishesEachOfOurMarketsAndKeepsTheCursor()
    {
        final List<String> listed = new ArrayList<>();
        final UnsafeBuffer b = buf(LIST);
        assertThat(parser.onMarketList(b, 0, b.capacity(), RECV,
            (market, recvNs) -> listed.add(market.tickerString() + "@" + market.closeTimeNs())))
            .isEqualTo(KalshiRestParser.OK);
        assertThat(listed).containsExactly(
            "KXBTC15M-26MAR101015-15@" + KalshiCalendarTest.ns("2026-03-10T14:15:00Z"),
            "KXBTC15M-26MAR101000-00@" + KalshiCalendarTest.ns("2026-03-10T14:00:00Z"));
        assertThat(sink.size()).isEqualTo(2);
        assertThat(sink.market(1).floorStrike()).isEqualTo(7_020_001_000_000L);
        assertThat(new String(parser.cursor(), 0, parser.cursorLength(), StandardCharsets.US_ASCII)).isEqualTo("CgsIu4WdzwYQ");
        assertThat(parser.ignoredMarkets()).isEqualTo(2);
    }

    @Test
    void emptyAndNullListsAreValidAndTruncatedListsPublishNothing()
    {
        UnsafeBuffer b = buf("{\"markets\":[],\"cursor\":\"\"}");
        assertThat(parser.onMarketList(b, 0, b.capacity(), RECV, null)).isEqualTo(KalshiRestParser.OK);
        assertThat(parser.cursorLength()).isZero();
        b = buf("{\"markets\":null,\"cursor\":null}");
        assertThat(parser.onMarketList(b, 0, b.capacity(), RECV, null)).isEqualTo(KalshiRestParser.OK);
        b = buf(LIST);
        assertThat(parser.onMarketList(b, 0, b.capacity() - 30, RECV, null)).isEqualTo(KalshiRestParser.BAD_BODY);
        b = buf("{\"cursor\":\"x\"}");
        assertThat(parser.onMarketList(b, 0, b.capacity(), RECV, null)).isEqualTo(KalshiRestParser.BAD_BODY);
        assertThat(sink.size()).isZero();
    }

    static final String ORDERBOOK = """
        {"orderbook_fp":{
          "yes_dollars":[["0.0100","200.00"],["0.4100","10.00"],["0.4200","13.00"]],
          "no_dollars":[["0.0100","100.00"],["0.4500","20.00"],["0.5600","17.00"]]}}""";

    static byte[] ticker(final String text)
    {
        final byte[] t = new byte[KalshiMarketFields.TICKER_CAPACITY];
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, t, 0, text.length());
        return t;
    }

    @Test
    void orderbookBecomesASnapshotOfBothBidLadders()
    {
        final UnsafeBuffer b = buf(ORDERBOOK);
        final long close = KalshiCalendarTest.ns("2026-03-10T14:15:00Z");
        assertThat(parser.onOrderbook(b, 0, b.capacity(), RECV, ticker("KXBTC15M-26MAR101015-15"), close))
            .isEqualTo(KalshiRestParser.OK);
        assertThat(sink.size()).isEqualTo(1);
        final KalshiBookDecoder book = sink.book(0);
        assertThat(book.kind()).isEqualTo(BookKind.SNAPSHOT);
        assertThat(book.source()).isEqualTo(DataSource.REST);
        assertThat(book.parts().first()).isTrue();
        assertThat(book.parts().last()).isTrue();
        assertThat(book.seq()).isEqualTo(Scales.NULL);
        assertThat(book.closeTimeNs()).isEqualTo(close);
        assertThat(book.ticker()).isEqualTo("KXBTC15M-26MAR101015-15");
        final List<String> levels = new ArrayList<>();
        for (final KalshiBookDecoder.LevelsDecoder l : book.levels())
        {
            levels.add(l.side() + ":" + l.price() + "x" + l.qty());
        }
        assertThat(levels).containsExactly(
            "YES:100x20000", "YES:4100x1000", "YES:4200x1300", "NO:100x10000", "NO:4500x2000", "NO:5600x1700");
    }

    @Test
    void emptyBooksInEveryShapeAreEmptySnapshots()
    {
        final byte[] t = ticker("KXBTC15M-26MAR101015-15");
        for (final String body : new String[] {
            "{\"orderbook_fp\":{\"yes_dollars\":[],\"no_dollars\":[]}}",
            "{\"orderbook_fp\":{}}",
            "{\"orderbook_fp\":{\"yes_dollars\":null,\"no_dollars\":null}}",
            "{\"orderbook_fp\":null}"})
        {
            sink.clear();
            final UnsafeBuffer b = buf(body);
            assertThat(parser.onOrderbook(b, 0, b.capacity(), RECV, t, 1)).as(body).isEqualTo(KalshiRestParser.OK);
            assertThat(sink.size()).isEqualTo(1);
            assertThat(sink.book(0).levels().count()).isZero();
            assertThat(sink.book(0).parts().last()).isTrue();
        }
    }

    @Test
    void malformedLevelsRejectTheWholeBook()
    {
        final byte[] t = ticker("KXBTC15M-26MAR101015-15");
        for (final String body : new String[] {
            "{\"orderbook_fp\":{\"yes_dollars\":[[\"1.0100\",\"1.00\"]]}}",
            "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.5000\",\"0.00\"]]}}",
            "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.5000\",\"-3.00\"]]}}",
            "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.5000\"]]}}",
            "{\"orderbook_fp\":{\"yes_dollars\":[\"0.5000\",\"3.00\"]}}",
            "{\"orderbook_fp\":{\"no_dollars\":[[\"x\",\"3.00\"]]}}",
            "{\"orderbook_fp\":{\"no_dollars\":{}}}",
            "{\"something_else\":{}}",
            "",
            "[]"})
        {
            final UnsafeBuffer b = buf(body);
            assertThat(parser.onOrderbook(b, 0, b.capacity(), RECV, t, 1)).as(body).isEqualTo(KalshiRestParser.BAD_BODY);
        }
        assertThat(sink.size()).isZero();
    }

    @Test
    void deepBookIsSplitIntoPartsThatTogetherHoldEveryLevel()
    {
        final StringBuilder sb = new StringBuilder("{\"orderbook_fp\":{\"yes_dollars\":[");
        for (int i = 1; i <= 150; i++)
        {
            sb.append(i > 1 ? "," : "").append("[\"0.").append(String.format("%04d", i * 10)).append("\",\"1.00\"]");
        }
        sb.append("],\"no_dollars\":[");
        for (int i = 1; i <= 100; i++)
        {
            sb.append(i > 1 ? "," : "").append("[\"0.").append(String.format("%04d", i * 10)).append("\",\"2.00\"]");
        }
        sb.append("]}}");
        final UnsafeBuffer b = buf(sb.toString());
        assertThat(parser.onOrderbook(b, 0, b.capacity(), RECV, ticker("KXBTC15M-26MAR101015-15"), 1))
            .isEqualTo(KalshiRestParser.OK);
        assertThat(sink.size()).isEqualTo(3);
        int total = 0;
        for (int i = 0; i < sink.size(); i++)
        {
            final KalshiBookDecoder book = sink.book(i);
            assertThat(book.parts().first()).isEqualTo(i == 0);
            assertThat(book.parts().last()).isEqualTo(i == sink.size() - 1);
            assertThat(sink.buffer(i).capacity()).isLessThanOrEqualTo(Events.SLOT_CAPACITY);
            for (final KalshiBookDecoder.LevelsDecoder l : book.levels())
            {
                assertThat(l.qty()).isEqualTo(l.side() == ContractSide.YES ? 100 : 200);
                total++;
            }
        }
        assertThat(total).isEqualTo(250);
    }

    @Test
    void parsingAllocatesNothingOnceWarm()
    {
        if (!ThreadAllocation.supported())
        {
            return;
        }
        final CountingSink counting = new CountingSink();
        final KalshiRestParser quiet = new KalshiRestParser(new KalshiEventPublisher(counting));
        final UnsafeBuffer market = buf(ACTIVE_MARKET);
        final UnsafeBuffer list = buf(LIST);
        final UnsafeBuffer book = buf(ORDERBOOK);
        final byte[] t = ticker("KXBTC15M-26MAR101015-15");
        for (int i = 0; i < 20_000; i++)
        {
            quiet.onMarket(market, 0, market.capacity(), RECV);
            quiet.onMarketList(list, 0, list.capacity(), RECV, null);
            quiet.onOrderbook(book, 0, book.capacity(), RECV, t, 1);
        }
        final long baseline = ThreadAllocation.baseline();
        // Best of three: a one-off JIT event must not fail the test; a per-message allocation would not vanish.
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long before = ThreadAllocation.bytes();
            for (int i = 0; i < 1_000; i++)
            {
                quiet.onMarket(market, 0, market.capacity(), RECV);
                quiet.onMarketList(list, 0, list.capacity(), RECV, null);
                quiet.onOrderbook(book, 0, book.capacity(), RECV, t, 1);
            }
            allocated = Math.min(allocated, ThreadAllocation.bytes() - before - baseline);
        }
        assertThat(allocated).isLessThanOrEqualTo(0);
        assertThat(counting.events()).isEqualTo(23_000L * 4);
    }

    private static boolean isOnlyTrailingWhitespace(final byte[] full, final int length)
    {
        for (int i = length; i < full.length; i++)
        {
            if (full[i] != ' ' && full[i] != '\n' && full[i] != '\r' && full[i] != '\t')
            {
                return false;
            }
        }
        return true;
    }
}
