package arb.feeds.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import arb.feeds.json.JsonScanner;
import arb.journal.RecordingSink;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.KalshiStatus;
import arb.sbe.Series;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Runs the parsers over real Kalshi payloads recorded by others (skipped when that data is absent).
 * Asserts relations that must hold for any real market, not the recorded values themselves. The
 * WebSocket recording and the documented examples are checked field by field in {@link KalshiRealFormatsTest}.
 */
class KalshiParsersRealDataTest
{
    @Test
    void realMarketObjectsParseIntoConsistentStates() throws IOException
    {
        final Path file = SharedData.require("kalshi/markets_2026-08-17.json");
        final UnsafeBuffer all = new UnsafeBuffer(Files.readAllBytes(file));
        final JsonScanner json = new JsonScanner();
        final RecordingSink sink = new RecordingSink();
        final KalshiRestParser parser = new KalshiRestParser(new KalshiEventPublisher(sink));
        int parsed = 0;
        json.wrap(all, 0, all.capacity());
        json.beginObject();
        while (json.nextMember())
        {
            final boolean ours = json.keyEquals(KalshiJson.b("KXBTC15M")) || json.keyEquals(KalshiJson.b("KXBTCD"));
            json.skipValue();
            if (!ours)
            {
                continue;
            }
            // Wrap the object as GET /markets/{ticker} returns it.
            final byte[] object = new byte[json.valueLength()];
            all.getBytes(json.valueStart(), object);
            final byte[] body = ("{\"market\":" + new String(object, StandardCharsets.UTF_8) + "}")
                .getBytes(StandardCharsets.UTF_8);
            final UnsafeBuffer b = new UnsafeBuffer(body);
            sink.clear();
            assertThat(parser.onMarket(b, 0, body.length, 0)).isEqualTo(KalshiRestParser.OK);
            final KalshiMarketDecoder m = sink.market(0);
            final KalshiCalendar calendar = KalshiCalendar.of(m.series());
            assertThat(m.series()).isIn(Series.KXBTC15M, Series.KXBTCD);
            assertThat(calendar.closeTimeNear(m.ticker(), m.closeTimeNs())).isEqualTo(m.closeTimeNs());
            assertThat(m.openTimeNs()).isEqualTo(calendar.openNs(m.closeTimeNs()));
            assertThat(m.status()).isEqualTo(KalshiStatus.ACTIVE);
            assertThat(m.floorStrike()).isPositive();
            assertThat(m.yesBid()).isBetween(0L, m.yesAsk());
            // A NO bid is a YES ask seen from the other side.
            assertThat(m.noBid()).isEqualTo(Scales.KPRICE - m.yesAsk());
            assertThat(m.noAsk()).isEqualTo(Scales.KPRICE - m.yesBid());
            assertThat(m.volume()).isPositive();
            assertThat(m.expirationValue()).isEqualTo(Scales.NULL);
            parsed++;
        }
        assertThat(json.endOfInput()).isTrue();
        assertThat(parsed).isEqualTo(2);
    }
}
