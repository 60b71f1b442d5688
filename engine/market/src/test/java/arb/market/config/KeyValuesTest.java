package arb.market.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one key=value parser: assignments, lines with comments, strict and lenient. */
class KeyValuesTest
{
    @Test
    void assignmentSplitsAtTheFirstEqualsAndStrips()
    {
        assertThat(KeyValues.assignment(" a.b = x=y ")).isEqualTo(new KeyValues.Entry("a.b", "x=y", 0));
        assertThat(KeyValues.assignment("a=")).isEqualTo(new KeyValues.Entry("a", "", 0));
        assertThatThrownBy(() -> KeyValues.assignment("=1")).hasMessage("expected key=value, got '=1'");
        assertThatThrownBy(() -> KeyValues.assignment("novalue")).hasMessage("expected key=value, got 'novalue'");
    }

    @Test
    void linesSkipBlanksAndCommentsAndNameTheBadLine()
    {
        assertThat(KeyValues.lines("# c\n\na=1\n  b = 2 \n", "f", "key=value"))
            .containsExactly(new KeyValues.Entry("a", "1", 3), new KeyValues.Entry("b", "2", 4));
        assertThatThrownBy(() -> KeyValues.lines("a=1\nbad\n", "f.conf", "key=value"))
            .hasMessage("f.conf:2: expected key=value, got 'bad'");
        final List<String> malformed = new ArrayList<>();
        assertThat(KeyValues.linesLenient("bad\na=1\n", malformed)).containsExactly(new KeyValues.Entry("a", "1", 2));
        assertThat(malformed).containsExactly("bad");
    }
}
