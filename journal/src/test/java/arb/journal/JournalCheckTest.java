package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import arb.sbe.ClockTickEncoder;
import arb.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a journal can be incomplete is named, located and never read as if whole. */
class JournalCheckTest
{
    private static final int EVENTS = 5000;

    @TempDir
    Path tmp;

    private Path journal;
    private JournalCheck.Expected recorded;

    @BeforeEach
    void write()
    {
        journal = tmp.resolve("input");
        append(journal, 0, EVENTS);
        final JournalCheck.Result r = JournalCheck.check(journal, null);
        assertThat(r.ok()).as("%s", r.problem()).isTrue();
        recorded = r.expected(true);
    }

    private static void append(final Path dir, final int from, final int to)
    {
        final byte[] slot = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(slot);
        final ClockTickEncoder tick = new ClockTickEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        try (JournalWriter writer = new JournalWriter(dir))
        {
            for (int i = from; i < to; i++)
            {
                tick.wrapAndApplyHeader(buffer, 0, header).recvNs(1_000L * i).scheduledNs(1_000L * i - 5);
                writer.append(slot, 0, Events.HEADER_LENGTH + tick.encodedLength());
            }
        }
    }

    private Path cycleFile() throws IOException
    {
        try (Stream<Path> s = Files.list(journal))
        {
            return s.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    @Test
    void countsAndDigestAgreeWithChronicleAndTheDigestCommand()
    {
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.ok()).isTrue();
        assertThat(r.events()).isEqualTo(EVENTS);
        assertThat(r.digestLine()).isEqualTo(JournalDigest.of(journal).toString());
    }

    @Test
    void aCutFileIsTruncatedAfterItsLastWholeEvent() throws IOException
    {
        final Path f = cycleFile();
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.setLength(100_000);
        }
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).isEqualTo(JournalScanner.Kind.TRUNCATED);
        assertThat(r.problem().message()).contains("truncated after " + r.events() + " events")
            .contains("run.json records " + EVENTS);
        assertThat(r.events()).isBetween(1L, (long)EVENTS - 1);
        // without run.json the file's own structure says so too
        assertThat(JournalCheck.check(journal, null).problem().kind()).isEqualTo(JournalScanner.Kind.TRUNCATED);
    }

    @Test
    void aThousandByteFileIsNotAJournalAndDoesNotCrash() throws IOException
    {
        final Path f = cycleFile();
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.setLength(1000);
        }
        final JournalCheck.Result r = JournalCheck.check(journal, null);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem().message()).contains(f.getFileName().toString());
    }

    @Test
    void aZeroedHeaderIsNotAJournal() throws IOException
    {
        final Path f = cycleFile();
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.write(new byte[64]);
        }
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).isEqualTo(JournalScanner.Kind.NOT_A_JOURNAL);
        assertThat(r.problem().message()).contains("zeroed");
    }

    @Test
    void aDeletedCycleFileIsMissingWhenRunJsonRecordsEvents() throws IOException
    {
        Files.delete(cycleFile());
        assertThat(JournalCheck.check(journal, recorded).problem().kind()).isEqualTo(JournalScanner.Kind.MISSING);
        assertThat(JournalCheck.check(tmp.resolve("nowhere"), null).problem().kind())
            .isEqualTo(JournalScanner.Kind.MISSING);
    }

    @Test
    void aStrayCq4FileIsNamed() throws IOException
    {
        Files.writeString(journal.resolve("x.cq4"), "hello");
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).isEqualTo(JournalScanner.Kind.STRAY_FILE);
        assertThat(r.problem().message()).contains("x.cq4");
    }

    @Test
    void overwrittenBytesAreDamageAtTheirEvent() throws IOException
    {
        final Path f = cycleFile();
        final long at = findDataEntry(f, 100);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.seek(at + 4 + 4);
            raf.write(new byte[] {(byte)0xFF, (byte)0xFF});
        }
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).isEqualTo(JournalScanner.Kind.DAMAGED);
        assertThat(r.problem().message()).contains("damaged at event 101").contains("byte " + at);
    }

    @Test
    void changedPayloadBytesDifferFromTheRecordedDigest() throws IOException
    {
        final Path f = cycleFile();
        final long at = findDataEntry(f, 2000);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.seek(at + 4 + Events.HEADER_LENGTH + 2);
            raf.write(0x5A);
        }
        assertThat(JournalCheck.check(journal, null).ok()).isTrue();
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).isEqualTo(JournalScanner.Kind.DAMAGED);
        assertThat(r.problem().message()).contains("do not hash to the digest run.json records");
    }

    @Test
    void aTornLastEntryIsReportedWithItsOffsetAndResumeCanCutIt() throws IOException
    {
        // A writer killed mid-append leaves a header marked not complete after its last whole event.
        final Path f = cycleFile();
        final long at = findDataEntry(f, -1);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            raf.seek(at);
            raf.write(new byte[] {24, 0, 0, (byte)0x80, 1, 2, 3, 4, 5, 6, 7});
        }
        final JournalCheck.Result r = JournalCheck.check(journal, recorded);
        assertThat(r.problem().kind()).as(r.problem().message()).isEqualTo(JournalScanner.Kind.TORN);
        assertThat(r.events()).isEqualTo(EVENTS);
        assertThat(r.tornFile()).isEqualTo(f);
        assertThat(r.tornOffset()).isEqualTo(at);

        // resume cuts it off; Chronicle then appends after the last whole event and reads what we read
        final JournalCheck.Result cut = JournalCheck.cutTornEntry(r, recorded);
        assertThat(cut.ok()).as("%s", cut.problem()).isTrue();
        assertThat(cut.events()).isEqualTo(EVENTS);
        append(journal, 0, 10);
        final JournalCheck.Result after = JournalCheck.check(journal, recorded.withComplete(false));
        assertThat(after.ok()).as("%s", after.problem()).isTrue();
        assertThat(after.events()).isEqualTo(EVENTS + 10);
        assertThat(after.digestLine()).isEqualTo(JournalDigest.of(journal).toString());
    }

    @Test
    void countsBeyondTheRecordedOnesAreAMismatchUnlessRecordedAtACheckpoint()
    {
        append(journal, EVENTS, EVENTS + 10);
        assertThat(JournalCheck.check(journal, recorded).problem().kind()).isEqualTo(JournalScanner.Kind.MISMATCH);
        assertThat(JournalCheck.check(journal, recorded.withComplete(false)).ok()).isTrue();
        assertThat(JournalCheck.check(journal, new JournalCheck.Expected(EVENTS + 20, null, false)).problem().kind())
            .isEqualTo(JournalScanner.Kind.TRUNCATED);
    }

    @Test
    void aScannerFollowsAJournalBeingWritten()
    {
        final Path live = tmp.resolve("live");
        final byte[] buf = new byte[Events.SLOT_CAPACITY];
        final byte[] slot = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer buffer = new UnsafeBuffer(slot);
        final ClockTickEncoder tick = new ClockTickEncoder();
        try (JournalWriter writer = new JournalWriter(live); JournalScanner scanner = new JournalScanner(live))
        {
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 100; i++)
                {
                    tick.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).recvNs(i).scheduledNs(i);
                    writer.append(slot, 0, Events.HEADER_LENGTH + tick.encodedLength());
                }
                while (scanner.next(buf) >= 0)
                {
                    // count
                }
                assertThat(scanner.problem()).isNull();
                assertThat(scanner.events()).isEqualTo(100L * (round + 1));
            }
        }
    }

    /** The byte offset of the {@code n}th (0-based) data entry of a cycle file; -1: of the end of its data. */
    private static long findDataEntry(final Path f, final int n) throws IOException
    {
        final byte[] all = Files.readAllBytes(f);
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        int seen = 0;
        while (true)
        {
            final int h = b.getInt(pos);
            if (h == 0 && n < 0)
            {
                return pos;
            }
            if ((h & 0x40000000) == 0)
            {
                if (seen++ == n)
                {
                    return pos;
                }
            }
            pos = (pos + 4 + (h & 0x3FFFFFFF) + 3) & ~3;
        }
    }
}
