package arb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reading command checks a journal before reading it and says exactly what is wrong with exit 2
 * (never a hash of nothing, a silent partial read, a stack trace or a JVM crash); no command writes
 * into a run's journals or over its records.
 */
@Tag("slow")
@Timeout(300)
class JournalReadersTest
{
    @TempDir
    static Path tmp;

    private static Path source;
    private static Path replay;

    /** The outcome of one in-process command. */
    record Outcome(int code, String out, String err)
    {
    }

    static synchronized Outcome arb(final String... args)
    {
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void generate()
    {
        source = tmp.resolve("gen");
        assertThat(arb("gen", "--seed", "7", "--minutes", "3", "--out", source.toString()).code()).isZero();
        replay = tmp.resolve("replay");
        assertThat(arb("replay", source.toString(), "--out", replay.toString()).code()).isZero();
    }

    private static Path copy(final String name) throws IOException
    {
        final Path dst = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(source))
        {
            for (final Path p : (Iterable<Path>)s::iterator)
            {
                Files.copy(p, dst.resolve(source.relativize(p).toString()));
            }
        }
        return dst;
    }

    private static Path cycleFile(final Path run) throws IOException
    {
        try (Stream<Path> s = Files.list(run.resolve("input")))
        {
            return s.filter(p -> p.getFileName().toString().matches("\\d{8}F\\.cq4")).findFirst().orElseThrow();
        }
    }

    private static void assertRefused(final Outcome o, final String... fragments)
    {
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(o.err().strip().lines().count()).as(o.err()).isEqualTo(1);
        for (final String f : fragments)
        {
            assertThat(o.err()).contains(f);
        }
    }

    @Test
    void aWholeJournalDigestsLikeItsRunJsonSays() throws IOException
    {
        final Outcome o = arb("digest", source.toString());
        assertThat(o.code()).isZero();
        assertThat(Files.readString(source.resolve("run.json"))).contains(o.out().split(" ")[0]);
    }

    @Test
    void theDigestOfAReplaysInputNamesItsSourceInsteadOfHashingNothing()
    {
        assertRefused(arb("digest", replay.toString()), "is a replay", source.toString());
        assertThat(arb("digest", replay.toString(), "--output").code()).isZero();
    }

    @Test
    void aCutJournalIsRefusedByEveryReaderAndReplaysPartlyOnlyOnPurpose() throws IOException
    {
        final Path cut = copy("cut");
        try (RandomAccessFile f = new RandomAccessFile(cycleFile(cut).toFile(), "rw"))
        {
            f.setLength(300_000);
        }
        for (final String cmd : new String[] {"digest", "dump", "accuracy"})
        {
            assertRefused(arb(cmd, cut.toString()), "truncated after", "run.json records");
        }
        assertRefused(arb("report", cut.toString(), "--out", tmp.resolve("cut.html").toString()), "truncated after");
        assertRefused(arb("replay", cut.toString(), "--out", tmp.resolve("cut-r").toString()), "--allow-partial");
        assertThat(tmp.resolve("cut-r")).doesNotExist();
        final Outcome partial = arb("replay", cut.toString(), "--out", tmp.resolve("cut-p").toString(), "--allow-partial");
        assertThat(partial.code()).isZero();
        assertThat(partial.err()).contains("partial replay");
        assertThat(Files.readString(tmp.resolve("cut-p").resolve("run.json"))).contains("\"partial\"")
            .contains("\"events_read\"");
    }

    @Test
    void aThousandByteJournalAZeroedHeaderAMissingFileAndAStrayFileAreNamed() throws IOException
    {
        final Path tiny = copy("tiny");
        try (RandomAccessFile f = new RandomAccessFile(cycleFile(tiny).toFile(), "rw"))
        {
            f.setLength(1000);
        }
        assertRefused(arb("replay", tiny.toString(), "--out", tmp.resolve("tiny-r").toString(), "--allow-partial"),
            "ends at byte 1000");
        final Path zeroed = copy("zeroed");
        try (RandomAccessFile f = new RandomAccessFile(cycleFile(zeroed).toFile(), "rw"))
        {
            f.write(new byte[64]);
        }
        assertRefused(arb("digest", zeroed.toString()), "not a Chronicle journal file");
        final Path missing = copy("missing");
        Files.delete(cycleFile(missing));
        assertRefused(arb("digest", missing.toString()), "missing journal");
        assertRefused(arb("dump", missing.toString()), "missing journal");
        final Path stray = copy("stray");
        Files.writeString(stray.resolve("input").resolve("x.cq4"), "not a journal");
        assertRefused(arb("replay", stray.toString(), "--out", tmp.resolve("stray-r").toString()), "stray file", "x.cq4");
    }

    @Test
    void overwrittenBytesAreDamage() throws IOException
    {
        final Path damaged = copy("damaged");
        try (RandomAccessFile f = new RandomAccessFile(cycleFile(damaged).toFile(), "rw"))
        {
            // well inside the events, past Chronicle's header and index
            f.seek(150_000);
            f.write(new byte[4096]);
        }
        final Outcome o = arb("digest", damaged.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsAnyOf("damaged", "truncated");
    }

    @Test
    void emptyAndMissingJournalsAreRefused() throws IOException
    {
        assertRefused(arb("dump", source.toString(), "--output"), "is empty");
        assertRefused(arb("accuracy", tmp.resolve("nowhere").toString()), "not a run directory");
        final Path empty = tmp.resolve("empty");
        Files.createDirectories(empty.resolve("input"));
        assertRefused(arb("dump", empty.toString()), "is empty");
        assertRefused(arb("accuracy", empty.toString()), "is empty");
    }

    @Test
    void aReportIsNeverWrittenOverAJournalARunRecordOrAnExistingFileUnlessForced() throws IOException
    {
        final Path journalFile = cycleFile(source);
        final long size = Files.size(journalFile);
        assertRefused(arb("report", source.toString(), "--out", journalFile.toString()), "journal directory");
        assertThat(Files.size(journalFile)).isEqualTo(size);
        assertRefused(arb("report", source.toString(), "--out", source.resolve("input").resolve("r.html").toString()),
            "journal directory");
        assertRefused(arb("report", replay.toString(), "--out", replay.resolve("run.json").toString()), "record of the run");
        assertRefused(arb("report", replay.toString(), "--out", replay.resolve("summary.json").toString()),
            "record of the run");
        final Path html = tmp.resolve("report.html");
        assertThat(arb("report", replay.toString(), "--out", html.toString()).code()).isZero();
        assertRefused(arb("report", replay.toString(), "--out", html.toString()), "--force");
        assertThat(arb("report", replay.toString(), "--out", html.toString(), "--force").code()).isZero();
    }
}
