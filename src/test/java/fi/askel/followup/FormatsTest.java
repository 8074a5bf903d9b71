package fi.askel.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One-decimal numbers read as the language writes them, the same as String.format gave before it was made cheaper. */
class FormatsTest {

    private static final double[] EDGES = {0, -0.0, 0.05, 0.04, -0.04, -0.05, 2.25, -2.25, 2.35, 0.15, 1.45, 9.95, -9.95, 37.85,
            49.999, 50, 100.05, 1e7 + 0.05, 123456.75, Double.MIN_VALUE, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void a_decimal_is_what_string_format_gives_in_each_language() {
        Random random = new Random(42);
        for (String lang : new String[] {"fi", "sv", "en"}) {
            Formats fmt = new Formats(lang);
            Locale locale = "en".equals(lang) ? Locale.UK : Locale.forLanguageTag(lang + "-FI");
            for (double v : EDGES) {
                assertEquals(String.format(locale, "%.1f", v), fmt.decimal(v), lang + " " + v);
            }
            for (int i = 0; i < 20_000; i++) {
                double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(6));
                double tenthsAndAHalf = Math.round(v * 100) / 100.0; // many values exactly at a half
                assertEquals(String.format(locale, "%.1f", v), fmt.decimal(v), lang + " " + v);
                assertEquals(String.format(locale, "%.1f", tenthsAndAHalf), fmt.decimal(tenthsAndAHalf), lang + " " + tenthsAndAHalf);
            }
        }
    }

    @Test
    void finnish_and_swedish_write_a_decimal_comma_english_a_point() {
        assertEquals("37,9", new Formats("fi").decimal(37.85));
        assertEquals("37,9", new Formats("sv").decimal(37.85));
        assertEquals("37.9", new Formats("en").decimal(37.85));
        assertEquals("–", new Formats("fi").decimal(null), "no value is a dash");
    }
}
