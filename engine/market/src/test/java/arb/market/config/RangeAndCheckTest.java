package arb.market.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Ranges and the one check of a configured value against its type, range and choices; and inline
 * comments in key=value lines.
 */
class RangeAndCheckTest
{
    @Test
    void rangesExcludeNanAndInfinitiesAndRespectTheirEnds()
    {
        assertThat(Range.closedOpen(0, 1).contains(0)).isTrue();
        assertThat(Range.closedOpen(0, 1).contains(1)).isFalse();
        assertThat(Range.POSITIVE.contains(0)).isFalse();
        assertThat(Range.FINITE.contains(Double.NaN)).isFalse();
        assertThat(Range.FINITE.contains(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(Range.openClosed(0, 1)).hasToString("(0, 1]");
        assertThat(Range.atLeast(1)).hasToString(">= 1");
        assertThat(Range.POSITIVE).hasToString("> 0");
    }

    @Test
    void checkRefusesEachKindOfBadValueWithOneLine()
    {
        assertThatThrownBy(() -> TypedValues.check("setting", "a.ms", "ms", null, List.of(), false, "-1"))
            .hasMessage("setting a.ms must be >= 0, got '-1'");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.bytes", "int", Range.atLeast(1), List.of(), false, "abc"))
            .hasMessage("setting a.bytes must be an integer, got 'abc'");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.rate", "number", Range.POSITIVE, List.of(), false, "NaN"))
            .hasMessage("setting a.rate must be > 0, got 'NaN'");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.e", "enum", null, List.of("usd", "usdt"), false, "eur"))
            .hasMessage("setting a.e must be one of usd, usdt, got 'eur'");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.l", "list", null, List.of(), false, "a,,b"))
            .hasMessageContaining("comma list");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.u", "uri", null, List.of(), false, "not a uri"))
            .hasMessageContaining("must be a URI");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.h", "host:port", null, List.of(), true, "host:0"))
            .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> TypedValues.check("setting", "a.t", "time", null, List.of(), true, "yesterday"))
            .hasMessageContaining("ISO-8601");
        TypedValues.check("setting", "a.h", "host:port", null, List.of(), true, "");
        TypedValues.check("setting", "a.e", "enum", null, List.of("refetch-snapshot"), false, "REFETCH_SNAPSHOT");
    }

    @Test
    void inlineCommentsStartAtAHashAfterABlank()
    {
        final List<KeyValues.Entry> e = KeyValues.lines("a=1   # why\n# all comment\nb=x#y\nc=2\t# tab\n", "f", "key=value");
        assertThat(e).extracting(KeyValues.Entry::value).containsExactly("1", "x#y", "2");
    }
}
