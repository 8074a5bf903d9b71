package fi.askel.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evidence for ASVS rows of SECURITY.md about what the service exposes: each test would fail if the protection
 * went away (SQL built from search text, a file outside the static folder, developer pages switched on for
 * production). Passwords and tokens: {@link AsvsEvidenceTest}.
 */
@QuarkusTest
class AsvsExposureTest {

    // ---- 5.3.4 ---------------------------------------------------------------------------------------------

    @Test
    void search_text_that_looks_like_sql_is_searched_for_as_typed_and_finds_nothing_extra() {
        Api.Account client = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");
        Browser adminPages = Browser.newAdmin();
        List<String> payloads = List.of("' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"", "%", "%%", "_", "\\", "\\%",
                "x') OR 1=1 #", "'; DROP TABLE app_user; --", client.username() + "' OR 1=1 --");
        for (String q : payloads) {
            Api.admin().as().queryParam("q", q).get("/api/v1/users").then().statusCode(200).body("size()", equalTo(0));
            specialist.as().queryParam("q", q).get("/api/v1/users").then().statusCode(200).body("size()", equalTo(0));
            adminPages.request().queryParam("q", q).get("/users").then().statusCode(200);
            Api.admin().as().queryParam("clientId", client.id()).queryParam("from", q).get("/api/v1/admin/access-log")
                    .then().statusCode(400).body("violations.field", hasItem("from"));
            Api.admin().as().queryParam("clientId", client.id()).queryParam("to", q).get("/api/v1/admin/access-log")
                    .then().statusCode(400).body("violations.field", hasItem("to"));
        }
        Api.admin().as().queryParam("clientId", client.id() + " OR 1=1").get("/api/v1/admin/access-log")
                .then().statusCode(lessThan(500));
        // The account is still there and still found by what it is called: nothing was dropped or changed.
        Api.admin().as().queryParam("q", client.username()).get("/api/v1/users").then().statusCode(200)
                .body("username", equalTo(List.of(client.username())));
    }

    // ---- 12.3.1, 12.3.2, 4.3.2 -----------------------------------------------------------------------------

    @Test
    void nothing_outside_the_static_folder_is_served_and_the_folder_is_not_listed() throws IOException {
        assertTrue(raw("/static/askel.css").startsWith("HTTP/1.1 200"), "the static files are served at all");
        List<String> paths = List.of(
                "/static/../application.properties",
                "/static/%2e%2e/application.properties",
                "/static/%2e%2e%2fapplication.properties",
                "/static/..%2fapplication.properties",
                "/static/..%5capplication.properties",
                "/static/..\\application.properties",
                "/static/%252e%252e/application.properties",
                "/static/x/../../application.properties",
                "/static/static/../../application.properties",
                "/static/../fi/askel/ops/grants.sql",
                "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/static/askel.css/../../application.properties",
                "/static//application.properties",
                "/static/%2fapplication.properties",
                "/static/",
                "/static");
        for (String path : paths) {
            String answer = raw(path);
            String status = answer.lines().findFirst().orElse("");
            assertTrue(status.startsWith("HTTP/1.1 404") || status.startsWith("HTTP/1.1 400"), path + ": " + status);
            // What application.properties, grants.sql, /etc/passwd or a listing of the folder would show.
            assertFalse(answer.contains("mp.jwt.verify") || answer.contains("quarkus.swagger-ui") || answer.contains("GRANT ")
                    || answer.contains("root:x:0") || (answer.contains("autosave.js") && answer.contains("calls.css")
                    && answer.contains("password-meter.js")), path + " leaked a file or a listing");
        }
    }

    // ---- 14.3.2 --------------------------------------------------------------------------------------------

    @Test
    void no_profile_turns_the_developer_pages_on() throws IOException {
        // Dev UI exists in dev mode only: not in tests, not in the production build.
        given().redirects().follow(false).get("/q/dev-ui").then().statusCode(404);
        given().redirects().follow(false).get("/q/dev-ui/").then().statusCode(404);
        // Swagger UI is in dev and test mode by default and must stay out of production: that is configuration,
        // checked here, because a @QuarkusTest runs in test mode and cannot see the production build.
        List<String> settings = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .map(String::trim).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertTrue(settings.contains("quarkus.swagger-ui.always-include=false"), "Swagger UI stays out of production");
        for (String line : settings) {
            String key = line.replaceFirst("^%[a-z,-]+\\.", "").split("=", 2)[0].trim();
            String value = line.contains("=") ? line.split("=", 2)[1].trim() : "";
            assertFalse(key.equals("quarkus.swagger-ui.always-include") && !value.equals("false"), line);
            assertFalse(key.startsWith("quarkus.dev-ui") || key.startsWith("quarkus.live-reload"), line);
            assertFalse(line.startsWith("%prod.") && key.startsWith("quarkus.log") && key.endsWith(".level")
                    && value.matches("(?i)debug|trace|all"), line);
        }
    }

    /** The request line exactly as written: no client library normalises {@code ..} or decodes anything first. */
    private static String raw(String path) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
