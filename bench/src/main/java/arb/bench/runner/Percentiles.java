package arb.bench.runner;

/** A latency distribution in ns, from HdrHistogram (every op) or JMH's samples. */
record Percentiles(double p50, double p99, double p999, double max, double jmhMean, double jmhError,
    boolean everyOp)
{
    String describe()
    {
        return SummaryTable.time(p50) + " / " + SummaryTable.time(p99) + " / " + SummaryTable.time(p999);
    }

    String ratioTo(final Percentiles baseline)
    {
        return SummaryTable.ratio(baseline.p50 / p50) + " p50, " + SummaryTable.ratio(baseline.p99 / p99) + " p99";
    }

    String jmhNote()
    {
        return "p50/p99/p99.9" + (everyOp ? "" : " (JMH samples)") + "; JMH mean " + SummaryTable.time(jmhMean)
            + " +- " + SummaryTable.time(jmhError);
    }
}
