package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest
{
    private static Map<String, Object> sample()
    {
        final Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", 1);
        inner.put("b", List.of("x", 2));
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "t\"1");
        m.put("inner", inner);
        m.put("none", null);
        return m;
    }

    @Test
    void aNegativeIndentWritesOneLineNestedObjectsIncluded()
    {
        assertThat(Json.object(sample())).isEqualTo("{\"name\":\"t\\\"1\",\"inner\":{\"a\":1,\"b\":[\"x\",2]},\"none\":null}");
    }

    @Test
    void anIndentWritesOneKeyPerLine()
    {
        final StringBuilder sb = new StringBuilder();
        Json.appendObject(sb, sample(), 0);
        assertThat(sb.toString()).isEqualTo("{\n  \"name\": \"t\\\"1\",\n  \"inner\": {\n    \"a\": 1,\n    \"b\": [\"x\",2]\n  },\n"
            + "  \"none\": null\n}");
    }
}
