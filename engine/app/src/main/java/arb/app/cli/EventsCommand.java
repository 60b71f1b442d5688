package arb.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import arb.journal.EventDumper;
import arb.journal.Events;
import arb.journal.Scales;
import picocli.CommandLine.Command;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

/** Prints the event vocabulary (from the schema itself) as a Markdown table. */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Print the event vocabulary: every event type, its fields and their fixed-point scales (Markdown).")
public final class EventsCommand implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        final EventDumper dumper = new EventDumper();
        System.out.println("| id | event | kind | fields (scale) |");
        System.out.println("|---|---|---|---|");
        for (final String name : dumper.messageNames())
        {
            final int id = dumper.templateIdOf(name);
            final List<Token> tokens = dumper.ir().getMessage(id);
            final StringBuilder fields = new StringBuilder();
            describe(tokens, 1, tokens.size() - 1, fields);
            System.out.printf("| %d | %s | %s | %s |%n", id, name,
                id >= Events.FIRST_OUTPUT_TEMPLATE ? "output" : (id == Events.NOOP_TEMPLATE ? "ring only" : "input"),
                fields);
        }
        return 0;
    }

    private static void describe(final List<Token> tokens, final int from, final int to, final StringBuilder out)
    {
        int i = from;
        while (i < to)
        {
            final Token t = tokens.get(i);
            if (t.signal() == Signal.BEGIN_FIELD)
            {
                final Token type = tokens.get(i + 1);
                String semantic = t.encoding().semanticType();
                if (semantic == null)
                {
                    semantic = type.encoding().semanticType();
                }
                sep(out).append(t.name());
                if (Scales.decimalsOf(semantic) > 0)
                {
                    out.append(" (").append(semantic).append(" 1e-").append(Scales.decimalsOf(semantic)).append(')');
                }
                else if ("ns".equals(semantic))
                {
                    out.append(" (ns)");
                }
                else if (arb.journal.StrategyTable.SEMANTIC_TYPE.equals(semantic))
                {
                    out.append(" (StrategyId)");
                }
                else if (type.signal() == Signal.BEGIN_ENUM || type.signal() == Signal.BEGIN_SET)
                {
                    out.append(" (").append(type.applicableTypeName()).append(')');
                }
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_GROUP)
            {
                sep(out).append(t.name()).append("[");
                final int dimCount = tokens.get(i + 1).componentTokenCount();
                final StringBuilder inner = new StringBuilder();
                describe(tokens, i + 1 + dimCount, i + t.componentTokenCount() - 1, inner);
                out.append(inner).append(']');
                i += t.componentTokenCount();
            }
            else if (t.signal() == Signal.BEGIN_VAR_DATA)
            {
                sep(out).append(t.name()).append(" (text)");
                i += t.componentTokenCount();
            }
            else
            {
                i++;
            }
        }
    }

    private static StringBuilder sep(final StringBuilder sb)
    {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '[')
        {
            sb.append(", ");
        }
        return sb;
    }
}
