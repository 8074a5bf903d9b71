package fi.askel.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSettingsCheckTest {

    @Test
    void the_defaults_are_named_with_their_environment_variables() {
        List<String> problems = ProductionSettingsCheck.missing(Optional.of("http://localhost:8080"), Optional.empty(),
                false, false);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("askel.public-url (ASKEL_PUBLIC_URL) is http://localhost:8080"));
        assertTrue(problems.get(1).startsWith("quarkus.mailer.host (QUARKUS_MAILER_HOST) is not set"));
    }

    @Test
    void a_configured_production_is_quiet_and_demo_or_mock_mail_are_named() {
        assertEquals(List.of(), ProductionSettingsCheck.missing(Optional.of("https://askel.example.fi"),
                Optional.of("smtp.example.fi"), false, false));
        List<String> problems = ProductionSettingsCheck.missing(Optional.of("https://askel.example.fi"),
                Optional.of("smtp.example.fi"), true, true);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("QUARKUS_MAILER_MOCK"));
        assertTrue(problems.get(1).contains("ASKEL_DEMO"));
    }
}
