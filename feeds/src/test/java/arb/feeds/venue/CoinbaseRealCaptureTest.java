package arb.feeds.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import arb.feeds.FrameResult;
import arb.journal.RecordingSink;
import arb.market.book.PriceLevelBook;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Decodes a real 25-second Coinbase Advanced Trade capture (BTC-USD and ETH-USD, one connection):
 * every frame must decode, no sequence gap may appear, the ~5 MB BTC-USD snapshot must rebuild, and
 * every BTC-USD ticker BBO must equal the BBO of the book built from l2_data (as observed on the
 * venue). Skips when the shared data folder or the zstd tool is absent.
 */
class CoinbaseRealCaptureTest
{
    @Test
    void decodesTheRealCaptureWithoutGapsAndTheTickerMatchesTheBook() throws Exception
    {
        final Path capture = SharedData.require("venues/coinbase-advanced/btcusd_2026-08-09_cryptofeed.jsonl.zst");
        final Process zstd;
        try
        {
            zstd = new ProcessBuilder("zstd", "-dc", capture.toString()).redirectErrorStream(false).start();
        }
        catch (final java.io.IOException ex)
        {
            Assumptions.abort("zstd tool not available: " + ex.getMessage());
            return;
        }
        final RecordingSink sink = new RecordingSink();
        final CoinbaseDecoder decoder = new CoinbaseDecoder(sink);
        final JsonFactory factory = new JsonFactory();
        int frames = 0;
        int data = 0;
        int snapshots = 0;
        long recvNs = 1_786_309_548_000_000_000L;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zstd.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final String frame = recvFrame(factory, line);
                if (frame == null)
                {
                    continue;
                }
                frames++;
                final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
                final int result = decoder.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, recvNs += 1_000_000);
                assertThat(result).as("frame %d: %s", frames, frame.length() > 200 ? frame.substring(0, 200) : frame)
                    .isIn(FrameResult.DATA, FrameResult.IGNORED, FrameResult.SUBSCRIBED);
                data += result == FrameResult.DATA ? 1 : 0;
                snapshots += frame.contains("\"type\":\"snapshot\",\"product_id\":\"BTC-USD\"") ? 1 : 0;
            }
        }
        zstd.waitFor(30, TimeUnit.SECONDS);
        assertThat(frames).isGreaterThan(1000);
        assertThat(snapshots).isEqualTo(1);
        assertThat(decoder.counters().badFrames()).isZero();
        assertThat(decoder.sequenceGaps()).isZero();
        assertThat(decoder.unexpectedFailures()).isZero();
        assertThat(decoder.isBookValid()).isTrue();
        assertThat(decoder.tickerBookMismatches()).isZero();
        assertThat(decoder.snapshotTradesSkipped()).isGreaterThan(10);
        assertThat(decoder.book().bidDepth() + decoder.book().askDepth()).isGreaterThan(40_000);
        final PriceLevelBook rebuilt = BookReplay.of(sink);
        assertThat(rebuilt.sameLevels(decoder.book())).isTrue();
        assertThat(data).isGreaterThan(300);
    }

    /** The frame of a {@code {"t":"recv",...,"data":"<frame>"}} envelope line, or null for other lines. */
    private static String recvFrame(final JsonFactory factory, final String line) throws java.io.IOException
    {
        try (JsonParser parser = factory.createParser(line))
        {
            String type = null;
            String frame = null;
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                if ("t".equals(name))
                {
                    type = parser.getText();
                }
                else if ("data".equals(name) && parser.currentToken() == JsonToken.VALUE_STRING)
                {
                    frame = parser.getText();
                }
                else
                {
                    parser.skipChildren();
                }
            }
            return "recv".equals(type) ? frame : null;
        }
    }
}
