package arb.engine.index;

import java.math.BigDecimal;

import arb.market.book.PriceLevelBook;
import arb.journal.Scales;

/** Builds small books in tests from decimal dollars and BTC, exactly (no double rounding). */
final class TestBooks
{
    static final int COINBASE = 1;
    static final int KRAKEN = 2;
    static final int BITSTAMP = 3;
    static final int BINANCEUS = 4;

    private final PriceLevelBook book = new PriceLevelBook(64);

    static TestBooks book()
    {
        return new TestBooks();
    }

    /** 1e-8 USD from a decimal string or number. */
    static long usd(final String dollars)
    {
        return new BigDecimal(dollars).movePointRight(Scales.PRICE_DECIMALS).longValueExact();
    }

    static long usd(final long dollars)
    {
        return dollars * Scales.PRICE;
    }

    /** 1e-8 BTC from a decimal string. */
    static long btc(final String btc)
    {
        return new BigDecimal(btc).movePointRight(Scales.QTY_DECIMALS).longValueExact();
    }

    TestBooks bid(final long dollars, final String qty)
    {
        book.set(true, usd(dollars), btc(qty));
        return this;
    }

    TestBooks ask(final long dollars, final String qty)
    {
        book.set(false, usd(dollars), btc(qty));
        return this;
    }

    TestBooks bid(final String dollars, final String qty)
    {
        book.set(true, usd(dollars), btc(qty));
        return this;
    }

    TestBooks ask(final String dollars, final String qty)
    {
        book.set(false, usd(dollars), btc(qty));
        return this;
    }

    /** The finished book, last updated at {@code updateNs}. */
    PriceLevelBook at(final long updateNs)
    {
        book.touch(updateNs);
        return book;
    }
}
