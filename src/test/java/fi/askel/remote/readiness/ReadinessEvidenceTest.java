package fi.askel.remote.readiness;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The platform's own evidence beside the data-security item: second factor, access log, TLS, backups. */
@QuarkusTest
class ReadinessEvidenceTest {

    private static final Pattern COUNT = Pattern.compile("(\\d+)\\.$");

    @Test
    void a_staff_account_without_a_second_factor_makes_the_second_factor_evidence_fail() {
        Api.Account admin = Api.create("ADMIN", "fi");
        String username = Api.unique("specialist");
        Api.admin().as().body(Map.of("username", username, "displayName", "Test " + username, "role", "SPECIALIST",
                        "locale", "fi", "password", Api.PASSWORD, "email", username + "@example.org"))
                .post("/api/v1/users").then().statusCode(201);

        Map<String, Object> check = check(Readiness.overview(admin), "second-factor");
        assertEquals("FAIL", check.get("status"));
        String detail = (String) check.get("detail");
        assertTrue(detail.startsWith("Henkilökunnan tilejä ilman toista tunnistautumistekijää:"), detail);
        int without = missing(detail);
        assertTrue(without >= 1, detail);

        // Once the specialist enrols (their first sign-in), one fewer is missing.
        Api.login(username, Api.PASSWORD);
        Map<String, Object> after = check(Readiness.overview(admin), "second-factor");
        if (without == 1) {
            assertEquals("OK", after.get("status"));
            assertEquals("Kaikilla aktiivisilla henkilökunnan tileillä on toinen tunnistautumistekijä.", after.get("detail"));
        } else {
            assertEquals(without - 1, missing((String) after.get("detail")));
        }
    }

    @Test
    void the_access_log_chain_is_verified_and_reported_whole() {
        Api.Account admin = Api.create("ADMIN", "fi");
        // Some access to verify: a specialist reads a client's assignments.
        Api.Account client = Api.create("CLIENT", "fi");
        Api.admin().as().get("/api/v1/assignments?clientId=" + client.id());

        Map<String, Object> check = admin.as().post(Readiness.API + "/evidence/access-log").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals("OK", check.get("status"));
        assertTrue(((String) check.get("detail")).startsWith("Käyttölokin ketju on ehjä ("), (String) check.get("detail"));
        assertEquals("OK", check(Readiness.overview(admin), "access-log").get("status"));

        new Browser().signIn(admin.username(), Api.PASSWORD).get("/admin/readiness").then().statusCode(200)
                .body(containsString("Käyttölokin eheys: <strong class=\"check-OK\">kunnossa</strong>"));
    }

    @Test
    void without_https_or_backup_evidence_the_page_says_so_honestly() {
        Api.Account admin = Api.create("ADMIN", "en");
        JsonPath overview = Readiness.overview(admin);
        assertEquals("data-security", overview.getString("evidence.itemCode"));
        // The tests run over plain HTTP without askel.http.require-https.
        assertEquals("FAIL", check(overview, "tls").get("status"));
        Map<String, Object> backups = check(overview, "backups");
        assertEquals("UNKNOWN", backups.get("status"));
        assertTrue(((String) backups.get("detail")).startsWith("Unknown: the backup procedure has not written its marker file "),
                (String) backups.get("detail"));
    }

    @Test
    void the_backup_procedures_marker_shows_the_last_backup_and_fails_when_it_is_old_or_unreadable() throws IOException {
        Api.Account admin = Api.create("ADMIN", "fi");
        Path marker = Path.of(ConfigProvider.getConfig().getValue("askel.data-dir", String.class), "backup-ok");
        try {
            Files.writeString(marker, Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS) + "\n");
            Map<String, Object> fresh = check(Readiness.overview(admin), "backups");
            assertEquals("OK", fresh.get("status"));
            assertTrue(((String) fresh.get("detail")).matches("Viimeisin onnistunut varmuuskopio \\d{1,2}\\.\\d{1,2}\\.\\d{4} klo "
                    + "\\d{1,2}\\.\\d{2} \\(3 h sitten\\)\\."), (String) fresh.get("detail"));

            Files.writeString(marker, Instant.now().minus(Duration.ofHours(30)).toString());
            Map<String, Object> old = check(Readiness.overview(admin), "backups");
            assertEquals("FAIL", old.get("status"));
            assertTrue(((String) old.get("detail")).contains("on 30 h vanha: yli 26 h"), (String) old.get("detail"));

            Files.writeString(marker, "yesterday");
            Map<String, Object> unreadable = check(Readiness.overview(admin), "backups");
            assertEquals("FAIL", unreadable.get("status"));
            assertTrue(((String) unreadable.get("detail")).startsWith("Varmuuskopioinnin merkkitiedostosta "),
                    (String) unreadable.get("detail"));
        } finally {
            Files.deleteIfExists(marker);
        }
        assertEquals("UNKNOWN", check(Readiness.overview(admin), "backups").get("status"));
    }

    private static Map<String, Object> check(JsonPath overview, String key) {
        List<Map<String, Object>> checks = overview.getList("evidence.checks");
        return checks.stream().filter(c -> key.equals(c.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + key + " in " + checks));
    }

    private static int missing(String detail) {
        Matcher m = COUNT.matcher(detail);
        assertTrue(m.find(), detail);
        return Integer.parseInt(m.group(1));
    }
}
