package arb.feeds.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import arb.market.book.PriceLevelBook;
import arb.journal.AsciiDecimal;
import arb.journal.Scales;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

class KrakenChecksumTest
{
    private final KrakenChecksum btcUsd = new KrakenChecksum(1, 8);

    /** A small BTC/USD book whose checksum text was written out by hand from the documented rule. */
    @Test
    void handCheckedSmallBook()
    {
        final PriceLevelBook book = new PriceLevelBook(16);
        book.set(false, px("66788.1"), qty("1.67939137"));
        book.set(false, px("66788.4"), qty("1.49726637"));
        book.set(false, px("66791.1"), qty("0.01100000")); // trailing zeros matter: "1100000", not "11"
        book.set(true, px("66788.0"), qty("3.21926649"));
        book.set(true, px("66787.5"), qty("0.44916298")); // leading zero stripped: "44916298"
        book.set(true, px("66786.1"), qty("0.00000001"));

        final String expected = "667881" + "167939137"
            + "667884" + "149726637"
            + "667911" + "1100000"
            + "667880" + "321926649"
            + "667875" + "44916298"
            + "667861" + "1";
        assertThat(btcUsd.text(book)).isEqualTo(expected);
        // CRC32 of that text, computed independently (zlib.crc32 in Python).
        assertThat(btcUsd.compute(book)).isEqualTo(3_862_380_389L);
        assertThat(KrakenChecksum.crcOf(expected)).isEqualTo(3_862_380_389L);
    }

    @Test
    void onlyTheTopTenLevelsOfEachSideCount()
    {
        final PriceLevelBook book = new PriceLevelBook(64);
        for (int i = 0; i < 30; i++)
        {
            book.set(true, px("60000.0") - i * 10_000_000L, qty("0.5") + i);
            book.set(false, px("60001.0") + i * 10_000_000L, qty("0.25") + i);
        }
        final long full = btcUsd.compute(book);
        book.truncate(10);
        assertThat(btcUsd.compute(book)).isEqualTo(full);
        book.set(true, px("59999.5"), qty("1")); // a change inside the top ten changes it
        assertThat(btcUsd.compute(book)).isNotEqualTo(full);
    }

    @Test
    void aCorruptedLevelChangesTheChecksum()
    {
        final PriceLevelBook book = new PriceLevelBook(16);
        book.set(false, px("66788.1"), qty("1.67939137"));
        book.set(true, px("66788.0"), qty("3.21926649"));
        final long good = btcUsd.compute(book);
        book.set(true, px("66788.0"), qty("3.21926648"));
        assertThat(btcUsd.compute(book)).isNotEqualTo(good);
    }

    /**
     * The reused text of unchanged levels never shows: over a long random walk of inserts, removals
     * and quantity changes at every rank, each checksum equals the CRC32 of the freshly rendered text.
     */
    @Test
    void reusedLevelTextEqualsFreshText()
    {
        final java.util.Random random = new java.util.Random(15);
        final PriceLevelBook book = new PriceLevelBook(64);
        for (int step = 0; step < 20_000; step++)
        {
            final boolean bid = random.nextBoolean();
            final long price = bid ? px("60000.0") - random.nextInt(30) * 1_000_000L
                : px("60001.0") + random.nextInt(30) * 1_000_000L;
            final int what = random.nextInt(10);
            final long q = what < 3 ? 0 : what < 5 ? 100_000_000L : 1 + random.nextInt(2_000_000_000);
            book.set(bid, price, q);
            assertThat(btcUsd.compute(book)).as("step %d", step).isEqualTo(KrakenChecksum.crcOf(btcUsd.text(book)));
        }
    }

    @Test
    void rejectsImpossiblePrecision()
    {
        assertThatThrownBy(() -> new KrakenChecksum(9, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KrakenChecksum(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Known values from a real Kraken capture (WebSocket v1, 2021, ten pairs, book depth 1000): the
     * checksum rule is the same as v2's, so every "c" the venue sent must equal ours for the book
     * built from that capture. (The v2 BTC/USD examples in the same folder carry checksums too, but
     * their books were trimmed to five levels by the fixture's author, so their checksums cannot be
     * reproduced from the text.) Skips when ../shared/data is absent.
     */
    @Test
    void matchesEveryChecksumOfARealCapture() throws Exception
    {
        final Path capture = SharedData.require("venues/reference/kraken/cryptofeed_KRAKEN.ws.50.0");
        final JsonFactory factory = new JsonFactory();
        final Map<String, PriceLevelBook> books = new HashMap<>();
        final Map<String, int[]> precisions = new HashMap<>();
        int verified = 0;
        try (BufferedReader reader = Files.newBufferedReader(capture, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final int colon = line.indexOf(": [");
                if (line.startsWith("wss") || colon < 0)
                {
                    continue;
                }
                verified += applyV1(factory, line.substring(colon + 2), books, precisions);
            }
        }
        assertThat(verified).isGreaterThan(3000); // 3754 in the 2021 capture: all of the seven pairs priced within 8 decimals
    }

    /** Applies one v1 book message; returns the number of checksums verified. */
    private static int applyV1(
        final JsonFactory factory, final String message, final Map<String, PriceLevelBook> books,
        final Map<String, int[]> precisions) throws Exception
    {
        // [channelID, {part}, ({part},) "book-1000", "PAIR"] - parts hold as/bs (snapshot) or a/b (+ c)
        final java.util.List<Map<String, java.util.List<String[]>>> parts = new java.util.ArrayList<>();
        final java.util.List<String> checksums = new java.util.ArrayList<>();
        String channel = null;
        String pair = null;
        try (JsonParser p = factory.createParser(message))
        {
            if (p.nextToken() != JsonToken.START_ARRAY)
            {
                return 0;
            }
            while (p.nextToken() != JsonToken.END_ARRAY)
            {
                if (p.currentToken() == JsonToken.START_OBJECT)
                {
                    final Map<String, java.util.List<String[]>> part = new HashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME)
                    {
                        final String key = p.currentName();
                        p.nextToken();
                        if ("c".equals(key))
                        {
                            checksums.add(p.getText());
                            continue;
                        }
                        final java.util.List<String[]> levels = new java.util.ArrayList<>();
                        while (p.nextToken() == JsonToken.START_ARRAY)
                        {
                            p.nextToken();
                            final String price = p.getText();
                            p.nextToken();
                            final String volume = p.getText();
                            while (p.nextToken() != JsonToken.END_ARRAY)
                            {
                                p.skipChildren();
                            }
                            levels.add(new String[] {price, volume});
                        }
                        part.put(key, levels);
                    }
                    parts.add(part);
                }
                else if (p.currentToken() == JsonToken.VALUE_STRING)
                {
                    if (channel == null)
                    {
                        channel = p.getText();
                    }
                    else
                    {
                        pair = p.getText();
                    }
                }
                else
                {
                    p.skipChildren();
                }
            }
        }
        if (channel == null || !channel.startsWith("book") || pair == null)
        {
            return 0;
        }
        if (SUB_SATOSHI_PAIRS.contains(pair))
        {
            return 0; // prices with 9 decimals do not fit the 1e-8 price scale; no USD pair is like that
        }
        final int depth = Integer.parseInt(channel.substring(channel.indexOf('-') + 1));
        for (final Map<String, java.util.List<String[]>> part : parts)
        {
            if (part.containsKey("as") || part.containsKey("bs"))
            {
                final PriceLevelBook book = new PriceLevelBook(2 * depth);
                books.put(pair, book);
                final java.util.List<String[]> asks = part.getOrDefault("as", java.util.List.of());
                final java.util.List<String[]> bids = part.getOrDefault("bs", java.util.List.of());
                final String[] sample = !asks.isEmpty() ? asks.get(0) : bids.get(0);
                precisions.put(pair, new int[] {decimals(sample[0]), decimals(sample[1])});
                asks.forEach(l -> book.set(false, px(l[0]), qty(l[1])));
                bids.forEach(l -> book.set(true, px(l[0]), qty(l[1])));
            }
            else
            {
                final PriceLevelBook book = books.get(pair);
                part.getOrDefault("a", java.util.List.of()).forEach(l -> book.set(false, px(l[0]), qty(l[1])));
                part.getOrDefault("b", java.util.List.of()).forEach(l -> book.set(true, px(l[0]), qty(l[1])));
                book.truncate(depth);
            }
        }
        int verified = 0;
        for (final String c : checksums)
        {
            final int[] precision = precisions.get(pair);
            final KrakenChecksum checksum = new KrakenChecksum(precision[0], precision[1]);
            assertThat(checksum.compute(books.get(pair))).as("%s %s", pair, message).isEqualTo(Long.parseLong(c));
            verified++;
        }
        return verified;
    }

    private static final java.util.Set<String> SUB_SATOSHI_PAIRS = java.util.Set.of("ADA/XBT", "OCEAN/XBT", "GRT/ETH");

    private static int decimals(final String text)
    {
        final int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 1;
    }

    static long px(final String text)
    {
        return AsciiDecimal.parse(text.getBytes(StandardCharsets.US_ASCII), 0, text.length(), Scales.PRICE_DECIMALS);
    }

    static long qty(final String text)
    {
        return AsciiDecimal.parse(text.getBytes(StandardCharsets.US_ASCII), 0, text.length(), Scales.QTY_DECIMALS);
    }
}
