package arb.market.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedValuesTest
{
    @Test
    void readsEachTypeAndNamesKindKeyAndTextWhenItCannot()
    {
        assertThat(TypedValues.parseLong("setting", "a.b", "-12")).isEqualTo(-12L);
        assertThat(TypedValues.parseInt("setting", "a.b", "7")).isEqualTo(7);
        assertThat(TypedValues.parseDouble("parameter", "a.b", "0.25")).isEqualTo(0.25);
        assertThat(TypedValues.parseBoolean("setting", "a.b", "YES")).isTrue();
        assertThat(TypedValues.parseBoolean("setting", "a.b", "0")).isFalse();
        assertThatThrownBy(() -> TypedValues.parseLong("setting", "feeds.maxFrameBytes", "abc"))
            .hasMessage("setting feeds.maxFrameBytes must be an integer, got 'abc'");
        assertThatThrownBy(() -> TypedValues.parseInt("parameter", "x.y", "99999999999"))
            .hasMessage("parameter x.y is out of range for an int, got '99999999999'");
        assertThatThrownBy(() -> TypedValues.parseDouble("parameter", "x.y", "1,5"))
            .hasMessage("parameter x.y must be a number, got '1,5'");
        assertThatThrownBy(() -> TypedValues.parseBoolean("setting", "feeds.kraken.compression", "maybe"))
            .hasMessage("setting feeds.kraken.compression must be true/false, got 'maybe'");
    }
}
