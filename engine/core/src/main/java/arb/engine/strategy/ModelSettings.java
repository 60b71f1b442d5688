package arb.engine.strategy;

import arb.engine.config.Params;
import arb.engine.model.FairValueModel;
import arb.engine.model.VolatilityEstimator;

/**
 * Fair value, volatility and settlement-estimate settings.
 *
 * @param dynamics         arithmetic or geometric Brownian index ({@code model.dynamics})
 * @param basisSd          sd of (official - engine index) over the window, 1e-8 $ ({@code model.basisSd})
 * @param volWindowNs      volatility look-back ({@code model.vol.windowMs})
 * @param volMaxGapNs      a longer index gap restarts the return chain ({@code model.vol.maxGapMs})
 * @param volPrior         prior volatility per sqrt second ({@code model.vol.priorAnnual}, annualised)
 * @param volPriorWeightNs weight of the prior as time ({@code model.vol.priorWeightMs})
 * @param volMin           floor per sqrt second ({@code model.vol.minAnnual})
 * @param volMax           cap per sqrt second ({@code model.vol.maxAnnual})
 * @param volBipower       diffusion volatility from bipower variation, robust to jumps ({@code model.vol.estimator=bipower}),
 *                         else realised variance ({@code realized})
 * @param volJumpWindowNs  with bipower: the jumps' variance per second, measured over this look-back, is added
 *                         to the diffusion's ({@code model.vol.jumpWindowMs}; 0: none)
 * @param volErrorRel      relative error of the volatility the fair value's error band is computed with
 *                         ({@code model.vol.errorRel})
 * @param settleWaitNs     wait this long after a close for Kalshi's result before settling on the
 *                         engine's estimate ({@code broker.settleWaitMs})
 */
public record ModelSettings(
    FairValueModel.Dynamics dynamics,
    long basisSd,
    long volWindowNs,
    long volMaxGapNs,
    double volPrior,
    long volPriorWeightNs,
    double volMin,
    double volMax,
    boolean volBipower,
    long volJumpWindowNs,
    double volErrorRel,
    long settleWaitNs)
{
    public static ModelSettings from(final Params p)
    {
        return new ModelSettings(
            FairValueModel.Dynamics.valueOf(p.get("model.dynamics").strip().toUpperCase(java.util.Locale.ROOT)),
            LogicUnits.price(p, "model.basisSd"),
            LogicUnits.millisAsNanos(p, "model.vol.windowMs"),
            LogicUnits.millisAsNanos(p, "model.vol.maxGapMs"),
            VolatilityEstimator.perSqrtSecond(p.getDouble("model.vol.priorAnnual")),
            LogicUnits.millisAsNanos(p, "model.vol.priorWeightMs"),
            VolatilityEstimator.perSqrtSecond(p.getDouble("model.vol.minAnnual")),
            VolatilityEstimator.perSqrtSecond(p.getDouble("model.vol.maxAnnual")),
            volEstimator(p.get("model.vol.estimator")),
            LogicUnits.millisAsNanos(p, "model.vol.jumpWindowMs"),
            p.getDouble("model.vol.errorRel"),
            LogicUnits.millisAsNanos(p, "broker.settleWaitMs"));
    }

    private static boolean volEstimator(final String name)
    {
        final String n = name.strip();
        if (n.equals("bipower"))
        {
            return true;
        }
        if (n.equals("realized"))
        {
            return false;
        }
        throw new IllegalArgumentException("model.vol.estimator must be bipower or realized: " + name);
    }
}
