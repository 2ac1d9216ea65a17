package org.apsa.explore;

import org.apsa.fact.FactSet;
import org.apsa.fact.IndicatorDef;
import org.apsa.fact.Reading;
import org.apsa.fact.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a fact set becomes a distribution of fact sets (docs/explore.md says it once for users):
 * <ul>
 *   <li>a stated indicator that moves keeps its level with probability equal to its
 *       confidence; otherwise it takes another level of its scale, each level weighing half as
 *       much as the one a step nearer the stated level (on a three-level scale, stated at an
 *       end: the middle 2/3 and the far end 1/3 of what is left; stated in the middle: 1/2
 *       each);</li>
 *   <li>an unknown indicator that moves takes each level of its scale with equal probability;</li>
 *   <li>in a sample, a moved indicator is stated at confidence 1: the sample is one world in
 *       which it is at that level, the analyst's doubt having been spent on drawing it;</li>
 *   <li>an indicator that does not move keeps its reading as stated, confidence included, or
 *       stays unknown.</li>
 * </ul>
 * An indicator that moves but can take one level only (stated at confidence 1) is held: it is
 * not a dimension of the design.
 *
 * <p>Each varied indicator is one dimension: a number {@code u} in [0, 1) picks its level by
 * the inverse of its distribution, levels in the scale's order, so that a design stratified in
 * {@code u} is stratified along the scale.
 */
public final class SamplingModel {

    /**
     * One varied indicator.
     *
     * @param stated        the stated level, null when unknown
     * @param confidence    the stated confidence; 0 when unknown
     * @param probabilities of each level of the scale, in its order
     */
    public record Dimension(String id, List<String> levels, String stated, double confidence, double[] probabilities) {

        /** The level index that {@code u} in [0, 1) picks. */
        int level(double u) {
            double cumulative = 0;
            for (int l = 0; l < probabilities.length - 1; l++) {
                cumulative += probabilities[l];
                if (u < cumulative) {
                    return l;
                }
            }
            return probabilities.length - 1;
        }
    }

    private final FactSet base;
    private final List<Dimension> dimensions;
    /** Per dimension and level, the reading a sample states (confidence 1), made once. */
    private final Reading[][] readings;

    /** The model of a fact set in a vocabulary: its indicators, in its order, are the candidate dimensions. */
    public SamplingModel(FactSet base, Vary vary, Vocabulary vocabulary) {
        this.base = base;
        List<Dimension> dims = new ArrayList<>();
        for (IndicatorDef def : vocabulary.indicators()) {
            Reading stated = base.indicators().get(def.id());
            if (!vary.moves(def.id(), stated != null)) {
                continue;
            }
            double[] p = stated == null ? uniform(def.scale().levels().size())
                    : spread(def.scale().levels().size(), def.scale().rank(stated.level()), stated.confidence());
            if (p.length < 2 || Arrays.stream(p).max().getAsDouble() >= 1.0) {
                continue;
            }
            dims.add(new Dimension(def.id(), def.scale().levels(), stated == null ? null : stated.level(),
                    stated == null ? 0 : stated.confidence(), p));
        }
        this.dimensions = List.copyOf(dims);
        this.readings = new Reading[dimensions.size()][];
        for (int d = 0; d < dimensions.size(); d++) {
            List<String> levels = dimensions.get(d).levels();
            readings[d] = levels.stream().map(Reading::of).toArray(Reading[]::new);
        }
    }

    /** A stated level kept with probability {@code confidence}; the rest spread, halving at each step away. */
    static double[] spread(int size, int stated, double confidence) {
        double[] p = new double[size];
        double total = 0;
        for (int l = 0; l < size; l++) {
            if (l != stated) {
                p[l] = Math.pow(0.5, Math.abs(l - stated) - 1);
                total += p[l];
            }
        }
        for (int l = 0; l < size; l++) {
            p[l] = l == stated ? confidence : (1 - confidence) * p[l] / total;
        }
        return p;
    }

    private static double[] uniform(int size) {
        double[] p = new double[size];
        Arrays.fill(p, 1.0 / size);
        return p;
    }

    /** The varied indicators, in vocabulary order: the dimensions of the design. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The levels a point of the design picks from {@code offset} on, one per dimension, into {@code into} from {@code at}. */
    void levels(double[] u, int offset, byte[] into, int at) {
        for (int d = 0; d < dimensions.size(); d++) {
            into[at + d] = (byte) dimensions.get(d).level(u[offset + d]);
        }
    }

    Reading reading(int dimension, int level) {
        return readings[dimension][level];
    }

    /** The fact set of one sample: the base with the varied indicators at these levels, confidence 1. */
    public FactSet sample(byte[] levels) {
        Map<String, Reading> indicators = new LinkedHashMap<>(base.indicators());
        for (int d = 0; d < dimensions.size(); d++) {
            indicators.put(dimensions.get(d).id(), readings[d][levels[d]]);
        }
        return base.withIndicators(indicators);
    }
}
