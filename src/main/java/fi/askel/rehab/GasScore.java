package fi.askel.rehab;

import java.util.List;

/**
 * The GAS T-score (Kiresuk & Sherman): T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²) with ρ = 0.3.
 * 50 means the goals were reached exactly as expected; each 10 points is one standard deviation.
 */
public final class GasScore {

    public static final double RHO = 0.3;

    /** One goal's weight (1–4) and its rating (−2..+2) at the phase being scored. */
    public record Rated(int weight, int score) {}

    private GasScore() {}

    /** The T-score of the rated goals, or null when none is rated. */
    public static Double tScore(List<Rated> goals) {
        if (goals.isEmpty()) {
            return null;
        }
        double weighted = 0;
        double sumSquares = 0;
        double sum = 0;
        for (Rated g : goals) {
            weighted += g.weight() * g.score();
            sumSquares += (double) g.weight() * g.weight();
            sum += g.weight();
        }
        double t = 50 + 10 * weighted / Math.sqrt((1 - RHO) * sumSquares + RHO * sum * sum);
        return Math.round(t * 10) / 10.0;
    }
}
