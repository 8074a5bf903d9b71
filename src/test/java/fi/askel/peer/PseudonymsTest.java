package fi.askel.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default pseudonym is the first name and the initial of the last, and always a valid pseudonym itself. */
class PseudonymsTest {

    @Test
    void default_pseudonyms_are_valid() {
        Map<String, String> cases = Map.of(
                "Matti Meikäläinen", "Matti M.",
                "Anna-Liisa van der Berg", "Anna-Liisa B.",
                "Greta Lindholm", "Greta L.",
                "Cher", "Cher",
                "李", "李.",
                "-Anna <b>", "Anna B.",
                "🙂", "Askel");
        cases.forEach((name, expected) -> {
            String pseudonym = Pseudonyms.defaultFor(name);
            assertEquals(expected, pseudonym, name);
            assertEquals(pseudonym, Pseudonyms.validate(pseudonym), name);
        });
    }
}
