package arb.feeds.capture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import arb.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureWriterReaderTest
{
    @TempDir
    Path dir;

    @Test
    void framesRoundTripByteForByteThroughTheDocumentedFormat() throws Exception
    {
        final Path file = dir.resolve("capture.jsonl");
        final String tricky = "{\"a\":\"q\\\"uote\",\"b\":\"back\\\\slash\",\"c\":\"\u00e9\u20ac\ud83d\ude00\"}\n\t\u0001end";
        final byte[] trickyBytes = tricky.getBytes(StandardCharsets.UTF_8);
        try (CaptureWriter w = new CaptureWriter(file, 1 << 20))
        {
            w.record(1_000L, Venue.KRAKEN, 3, FrameCapture.Kind.WS, true, null, new UnsafeBuffer(trickyBytes), 0, trickyBytes.length);
            w.recordText(2_000L, Venue.COINBASE, 4, FrameCapture.Kind.EVENT, false, "wss://x.example/ws?a=1&b=\"2\"", "connect");
            w.recordHttp(3_000L, Venue.BINANCEUS, 5, FrameCapture.Kind.HTTP, true, "http://h/api/v3/depth?symbol=BTCUSDT", 200,
                new UnsafeBuffer("{\"lastUpdateId\":1}".getBytes(StandardCharsets.UTF_8)), 0, 18);
            w.recordText(4_000L, Venue.KALSHI, 6, FrameCapture.Kind.WS, false, null, "{\"cmd\":\"subscribe\"}");
        }
        final List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("{\"ts_ns\":2000,\"venue\":\"coinbase\",\"conn\":4,\"kind\":\"event\",\"dir\":\"out\","
            + "\"url\":\"wss://x.example/ws?a=1&b=\\\"2\\\"\",\"frame\":\"connect\"}");
        assertThat(lines.get(2)).contains("\"venue\":\"binanceus\"", "\"kind\":\"http\"", "\"dir\":\"in\"", "\"status\":200");

        try (CaptureReader r = new CaptureReader(file))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.tsNs()).isEqualTo(1_000L);
            assertThat(r.venue()).isEqualTo(Venue.KRAKEN);
            assertThat(r.conn()).isEqualTo(3);
            assertThat(r.kind()).isEqualTo(FrameCapture.Kind.WS);
            assertThat(r.in()).isTrue();
            assertThat(r.url()).isNull();
            final byte[] back = new byte[r.frameLength()];
            r.frame().getBytes(0, back);
            assertThat(back).isEqualTo(trickyBytes);

            assertThat(r.next()).isTrue();
            assertThat(r.kind()).isEqualTo(FrameCapture.Kind.EVENT);
            assertThat(r.in()).isFalse();
            assertThat(r.url()).isEqualTo("wss://x.example/ws?a=1&b=\"2\"");
            assertThat(r.frameText()).isEqualTo("connect");

            assertThat(r.next()).isTrue();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.frameText()).isEqualTo("{\"lastUpdateId\":1}");

            assertThat(r.next()).isTrue();
            assertThat(r.venue()).isEqualTo(Venue.KALSHI);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void readerAcceptsAnyFieldOrderAndSkipsMalformedLines() throws Exception
    {
        final Path file = dir.resolve("hand.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"frame\":\"{\\\"x\\\":1}\", \"dir\":\"in\", \"kind\":\"ws\", \"extra\":[1,2], \"venue\":\"bitstamp\", \"conn\":9, \"ts_ns\":42}",
            "not json",
            "{\"ts_ns\":1,\"venue\":\"nowhere\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\"x\"}",
            "{\"ts_ns\":7,\"venue\":\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\"\\u0041\\u00e9\"}",
            ""));
        try (CaptureReader r = new CaptureReader(file))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.tsNs()).isEqualTo(42);
            assertThat(r.venue()).isEqualTo(Venue.BITSTAMP);
            assertThat(r.frameText()).isEqualTo("{\"x\":1}");
            assertThat(r.next()).isTrue();
            assertThat(r.tsNs()).isEqualTo(7);
            assertThat(r.frameText()).isEqualTo("A\u00e9");
            assertThat(r.next()).isFalse();
            assertThat(r.malformed()).isEqualTo(2);
        }
    }

    @Test
    void aFullRingDropsAndCountsInsteadOfBlocking() throws Exception
    {
        final Path file = dir.resolve("small.jsonl");
        final byte[] big = new byte[2_000];
        java.util.Arrays.fill(big, (byte)'x');
        try (CaptureWriter w = new CaptureWriter(file, 4096))
        {
            // 4 KiB ring: a record may be at most 512 bytes.
            w.record(1, Venue.COINBASE, 1, FrameCapture.Kind.WS, true, null, new UnsafeBuffer(big), 0, big.length);
            assertThat(w.dropped()).isEqualTo(1);
        }
        assertThat(Files.readAllLines(file)).isEmpty();
    }

    @Test
    void randomFramesFullOfEscapesRoundTripByteForByte() throws Exception
    {
        // Quotes, backslashes, control bytes and multi-byte UTF-8 at every position and alignment,
        // short frames and frames of tens of KB: what the reader copies in runs and what it unescapes.
        final java.util.Random random = new java.util.Random(20261129);
        final String[] pieces = {"\"", "\\", "\n", "\t", "\u0001", "\u001f", "/", "\u00e9", "\u20ac",
            "\ud83d\ude00", "{\"price\":\"65086.17\"}", "abcdefgh", "0123456789", " "};
        final Path file = dir.resolve("random.jsonl");
        final List<byte[]> frames = new java.util.ArrayList<>();
        try (CaptureWriter w = new CaptureWriter(file, 1 << 24))
        {
            for (int f = 0; f < 400; f++)
            {
                final StringBuilder sb = new StringBuilder();
                final int parts = random.nextInt(10) == 0 ? 5_000 : random.nextInt(40);
                for (int k = 0; k < parts; k++)
                {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                final byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                frames.add(bytes);
                w.record(f, Venue.COINBASE, 1, FrameCapture.Kind.WS, true, null, new UnsafeBuffer(bytes), 0, bytes.length);
            }
        }
        try (CaptureReader r = new CaptureReader(file))
        {
            for (int f = 0; f < frames.size(); f++)
            {
                assertThat(r.next()).as("frame %d", f).isTrue();
                final byte[] back = new byte[r.frameLength()];
                r.frame().getBytes(0, back);
                assertThat(back).as("frame %d", f).isEqualTo(frames.get(f));
            }
            assertThat(r.next()).isFalse();
            assertThat(r.malformed()).isZero();
        }
    }
}
