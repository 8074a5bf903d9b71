package fi.askel.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void a_production_start_refuses_a_cost_below_10_and_names_the_setting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new PasswordHashes(9, LaunchMode.NORMAL));
        assertTrue(refused.getMessage().contains("askel.password.bcrypt-cost (ASKEL_PASSWORD_BCRYPT_COST) is 9"),
                refused.getMessage());
        assertEquals(10, new PasswordHashes(10, LaunchMode.NORMAL).cost());
        // Tests and development may go as low as bcrypt does; nothing may go lower or higher than it takes.
        assertEquals(4, new PasswordHashes(4, LaunchMode.TEST).cost());
        assertThrows(IllegalArgumentException.class, () -> new PasswordHashes(3, LaunchMode.TEST));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHashes(32, LaunchMode.DEVELOPMENT));
    }

    @Test
    void hashes_are_made_at_the_set_cost_and_others_are_outdated() {
        PasswordHashes hashes = new PasswordHashes(5, LaunchMode.TEST);
        String hash = hashes.hash("Quiet-lake-morning-77");
        assertTrue(hash.matches("^\\$2a?\\$05\\$.{53}$"), hash.substring(0, 7));
        assertTrue(PasswordPolicy.matches("Quiet-lake-morning-77", hash));
        assertFalse(hashes.outdated(hash));
        assertTrue(hashes.outdated(new PasswordHashes(4, LaunchMode.TEST).hash("Quiet-lake-morning-77")));
        assertTrue(hashes.outdated("not a hash"));
        assertTrue(hashes.outdated(null));
        // The unknown-account check runs at the same cost, and nothing signs in with it.
        assertFalse(hashes.outdated(hashes.dummy()));
        assertFalse(PasswordPolicy.matches("", hashes.dummy()));
    }
}
