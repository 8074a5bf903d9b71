package fi.askel.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What the chain's check cannot check yet, the events not sealed into it, is counted; and a sealer that has fallen
 * behind shows in the health checks and on the admin's pages until it has caught up.
 */
@QuarkusTest
class AccessSealerLagTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessSealer sealer;

    /** Health is on the management port, as in production; the paths are under its root, /q. */
    @TestHTTPResource(value = "/health/group/access-log", management = true)
    URL accessLogHealth;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void unsealed_events_are_counted_and_a_sealer_behind_shows_in_health_and_on_the_admin_pages() throws Exception {
        Rehab.Team team = AccessLogFixtures.team("fi");
        sealer.sealPending();
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(200);
        Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200)
                .body("ok", is(true)).body("unsealed", greaterThanOrEqualTo(1));
        Browser admin = Browser.newAdmin();
        admin.get("/admin/access-log").then().statusCode(200).body(containsString("odottaa sinetöintiä ketjuun"));

        // An event that has waited longer than askel.privacy.access-log.late-after (6 h in tests) means the sealer is behind.
        long old;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_event (occurred_at, actor_id, actor_username, actor_name, actor_role, client_id, kind, purpose, route)"
                + " VALUES (?, ?, ?, 'Test', 'SPECIALIST', ?, 'OVERVIEW_READ', 'CARE', 'GET /late')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusHours(7).truncatedTo(ChronoUnit.MILLIS));
            ps.setLong(2, team.specialist().id());
            ps.setString(3, team.specialist().username());
            ps.setLong(4, team.client().id());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                old = keys.getLong(1);
            }
        }
        Api.admin().as().get("/api/v1/admin/access-log/sealer").then().statusCode(200).body("behind", is(true));
        given().get(accessLogHealth).then().statusCode(503).body("status", is("DOWN"))
                .body("checks[0].data.behind", is(true));
        // Readiness stays UP (a late sealer must not take every instance out of the load balancer) but says so.
        given().get(ready).then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'access-log sealer' }.data.behind", is(true));
        admin.get("/").then().statusCode(200).body(containsString("Käyttölokin sinetöinti on jäljessä"));
        admin.get("/admin/access-log").then().statusCode(200).body(containsString("Lokin sinetöinti on jäljessä"));

        assertTrue(sealer.sealPending().events() >= 2);
        try (Connection c = dataSource.getConnection()) {
            assertTrue(Long.parseLong(AccessEventRows.string(c, "SELECT seq FROM access_event WHERE id = " + old)) > 0,
                    "the late event got a place");
        }
        given().get(accessLogHealth).then().statusCode(200).body("status", is("UP"));
        Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true)).body("unsealed", is(0));
        admin.get("/").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Käyttölokin sinetöinti on jäljessä")));
    }
}
