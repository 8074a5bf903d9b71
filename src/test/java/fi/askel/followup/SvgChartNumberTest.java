package fi.askel.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The chart's numbers are written as {@code %.1f} writes them (with a point in every language). */
class SvgChartNumberTest {

    @Test
    void coordinates_have_one_decimal_like_the_formatter() {
        for (double v : new double[] {0, 0.04, 0.05, 0.96, 1, 12.25, 12.34, 99.95, 310.0, 640.44, 1234.56}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), SvgChart.num(v), "for " + v);
        }
        assertEquals("-4.5", SvgChart.num(-4.5));
        assertEquals("-0.3", SvgChart.num(-0.26));
    }
}
