package arb.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;

/**
 * The binary IR the build ships ({@link EventDumper#IR_RESOURCE}) is the XML schema's: same header,
 * same messages, token for token. A stale or missing IR would dump and name events wrongly.
 */
class EventDumperIrTest
{
    @Test
    void shippedIrIsTheXmlSchemasIr()
    {
        final Ir shipped = new EventDumper().ir();
        final Ir fromXml = EventDumper.fromXmlSchema().ir();
        assertThat(shipped.id()).isEqualTo(Events.SCHEMA_ID);
        assertThat(shipped.version()).isEqualTo(fromXml.version());
        assertThat(text(shipped.headerStructure().tokens())).isEqualTo(text(fromXml.headerStructure().tokens()));
        assertThat(shipped.messages()).hasSameSizeAs(fromXml.messages()).isNotEmpty();
        for (final List<Token> message : fromXml.messages())
        {
            final int id = message.get(0).id();
            assertThat(text(shipped.getMessage(id))).as("message " + message.get(0).name()).isEqualTo(text(message));
        }
        assertThat(new EventDumper().messageNames()).isEqualTo(EventDumper.fromXmlSchema().messageNames());
    }

    private static List<String> text(final List<Token> tokens)
    {
        return tokens.stream().map(Token::toString).toList();
    }
}
