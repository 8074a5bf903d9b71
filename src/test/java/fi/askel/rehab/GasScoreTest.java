package fi.askel.rehab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** T = 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²), ρ = 0.3, checked against hand-computed cases. */
class GasScoreTest {

    @Test
    void all_goals_as_expected_give_fifty() {
        assertEquals(50.0, GasScore.tScore(List.of(new GasScore.Rated(1, 0), new GasScore.Rated(3, 0))));
    }

    @Test
    void one_goal_one_better_than_expected_gives_sixty() {
        // 50 + 10·1 / √(0.7·1 + 0.3·1) = 60
        assertEquals(60.0, GasScore.tScore(List.of(new GasScore.Rated(1, 1))));
    }

    @Test
    void weighted_goals_pull_the_score_their_way() {
        // Σwx = 2·2 + 1·(−1) = 3; Σw² = 5; (Σw)² = 9; √(3.5 + 2.7) = 2.48998 → 50 + 30/2.48998 = 62.05
        assertEquals(62.0, GasScore.tScore(List.of(new GasScore.Rated(2, 2), new GasScore.Rated(1, -1))));
        // three equal goals all at −2: Σwx = −6; Σw² = 3; (Σw)² = 9; √(2.1 + 2.7) = 2.19089 → 50 − 27.386 = 22.6
        assertEquals(22.6, GasScore.tScore(List.of(new GasScore.Rated(1, -2), new GasScore.Rated(1, -2),
                new GasScore.Rated(1, -2))));
    }

    @Test
    void no_ratings_no_score() {
        assertNull(GasScore.tScore(List.of()));
    }
}
