package arb.feeds.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A capture file cannot exhaust memory or corrupt an import's clock: a line over the limit is
 * streamed past (never held) and counted, a ts_ns too long for a long is malformed instead of
 * wrapping, invalid UTF-8 anywhere costs only its line, and implausible or out-of-order timestamps
 * are refused by {@link CaptureTimestamps}.
 */
class CaptureBoundsTest
{
    private static final long T = 1_764_403_200_000_000_000L;

    private static String record(final String ts, final String frame)
    {
        return "{\"ts_ns\":" + ts + ",\"venue\":\"kraken\",\"conn\":1,\"kind\":\"ws\",\"dir\":\"in\",\"frame\":\"" + frame + "\"}\n";
    }

    @Test
    void aLineLongerThanTheLimitIsStreamedPastAndCounted()
    {
        // 48 MiB of one "line" without a newline between two good records, read with a 1 MiB limit:
        // generated on the fly, so neither the test nor the reader ever holds it
        final byte[] head = record(Long.toString(T), "a").getBytes(StandardCharsets.UTF_8);
        final byte[] tail = ("\n" + record(Long.toString(T + 1), "b")).getBytes(StandardCharsets.UTF_8);
        final long hugeBytes = 48L << 20;
        final InputStream in = new InputStream()
        {
            private long pos;

            @Override
            public int read()
            {
                final byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(final byte[] b, final int off, final int len)
            {
                final long total = head.length + hugeBytes + tail.length;
                if (pos >= total)
                {
                    return -1;
                }
                int n = 0;
                while (n < len && pos < total)
                {
                    b[off + n++] = pos < head.length ? head[(int)pos]
                        : pos < head.length + hugeBytes ? (byte)'x' : tail[(int)(pos - head.length - hugeBytes)];
                    pos++;
                }
                return n;
            }
        };
        final long heapBefore = usedHeap();
        try (CaptureReader r = new CaptureReader(in, 1 << 20))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.frameText()).isEqualTo("a");
            assertThat(r.next()).isTrue();
            assertThat(r.frameText()).isEqualTo("b");
            assertThat(r.tsNs()).isEqualTo(T + 1);
            assertThat(r.next()).isFalse();
            assertThat(r.oversized()).isEqualTo(1);
            assertThat(r.malformed()).isEqualTo(1);
            assertThat(usedHeap() - heapBefore).as("the long line was not held").isLessThan(40L << 20);
        }
    }

    @Test
    void anOversizedLastLineWithoutNewlineIsCountedToo()
    {
        final byte[] text = (record(Long.toString(T), "a") + "y".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(text), 1000))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.next()).isFalse();
            assertThat(r.oversized()).isEqualTo(1);
        }
    }

    @Test
    void aTwentyDigitTimestampIsMalformedNotWrapped()
    {
        final String text = record("17644032000000000000", "wrapped") + record("9223372036854775808", "max+1")
            + record(Long.toString(T), "ok");
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.frameText()).isEqualTo("ok");
            assertThat(r.malformed()).isEqualTo(2);
        }
    }

    @Test
    void invalidUtf8AnywhereCostsOnlyItsLine() throws IOException
    {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(record(Long.toString(T), "first").getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {'{', '"', 't', (byte)0xFF, (byte)0xC0, '"', ':', '1', '}', '\n'});
        b.write(record(Long.toString(T + 1), "second").getBytes(StandardCharsets.UTF_8));
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(b.toByteArray()), 1 << 20))
        {
            assertThat(r.next()).isTrue();
            assertThat(r.next()).isTrue();
            assertThat(r.frameText()).isEqualTo("second");
            assertThat(r.malformed()).isEqualTo(1);
        }
    }

    @Test
    void timestampsOutsideTheEraBehindOrJumpingAloneAreRefused()
    {
        final CaptureTimestamps ts = new CaptureTimestamps();
        assertThat(ts.accept(1_000L)).as("1970").isFalse();
        assertThat(ts.accept(Long.MAX_VALUE)).as("2262").isFalse();
        assertThat(ts.accept(T)).isTrue();
        assertThat(ts.accept(T - 500_000_000L)).as("half a second back: receive jitter").isTrue();
        assertThat(ts.accept(T - 5_000_000_000L)).as("5 s back").isFalse();
        assertThat(ts.accept(T + 40L * 86_400_000_000_000L)).as("a lone jump of 40 days").isFalse();
        assertThat(ts.accept(T + 1_000_000L)).as("back to normal").isTrue();
        assertThat(ts.accept(T + 3L * 86_400_000_000_000L)).as("a jump of 3 days").isFalse();
        assertThat(ts.accept(T + 3L * 86_400_000_000_000L + 5)).as("confirmed by the next record").isTrue();
        assertThat(ts.outOfRange()).isEqualTo(2);
        assertThat(ts.outOfOrder()).isEqualTo(1);
        assertThat(ts.jumps()).isEqualTo(2);
        assertThat(ts.rejected()).isEqualTo(5);
    }

    private static long usedHeap()
    {
        System.gc();
        final Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
