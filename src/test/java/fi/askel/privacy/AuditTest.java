package fi.askel.privacy;

import fi.askel.common.Dates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Admin search and CSV, the hash chain and its check, and who may use them. */
@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessSealer sealer;

    @Test
    void admins_search_by_client_user_and_time_and_reading_a_clients_log_is_logged() {
        Rehab.Team team = AccessLogFixtures.team("fi");
        Rehab.Team other = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        other.specialist().as().get("/api/v1/clients/" + other.client().id() + "/overview").then().statusCode(200);
        Api.Account admin = Api.admin();

        JsonPath byClient = admin.as().get("/api/v1/admin/access-log?clientId=" + team.client().id()).then().statusCode(200)
                .body("items.clientId", everyItem(is((int) team.client().id())))
                .body("items[0].kind", is("ANSWERS_READ"))
                .body("items[0].actorUsername", is(team.specialist().username()))
                .body("items[0].clientName", is("Test " + team.client().username()))
                .body("items[0].route", is("GET /api/v1/assignments/" + assignment))
                .body("items[0].remoteAddress", is("127.0.0.1"))
                .extract().jsonPath();
        assertEquals(4, byClient.getInt("total")); // period opened, suitability assessed, module assigned, answers read
        // The admin's search is itself in the client's log, but not among the results it returned.
        assertEquals("AUDIT_READ", AccessLogFixtures.kinds(team.client()).get(0));
        assertEquals("Tarkisti, kuka on käsitellyt tietojasi", team.client().as().get("/api/v1/me/access-log")
                .then().extract().jsonPath().getString("items[0].what"));

        admin.as().get("/api/v1/admin/access-log?userId=" + other.specialist().id()).then().statusCode(200)
                .body("items.actorId", everyItem(is((int) other.specialist().id())))
                .body("items.kind", hasItem("OVERVIEW_READ"))
                .body("items.kind", not(hasItem("ANSWERS_READ")));
        String today = Dates.today().toString();
        String yesterday = Dates.today().minusDays(1).toString();
        admin.as().get("/api/v1/admin/access-log?clientId=" + team.client().id() + "&from=" + today + "&to=" + today)
                .then().statusCode(200).body("total", is(5));
        admin.as().get("/api/v1/admin/access-log?clientId=" + team.client().id() + "&to=" + yesterday)
                .then().statusCode(200).body("total", is(0));
        admin.as().get("/api/v1/admin/access-log?from=yesterday").then().statusCode(400)
                .body("violations[0].field", is("from"));
        admin.as().get("/api/v1/admin/access-log?from=" + today + "&to=" + yesterday).then().statusCode(400)
                .body("violations[0].field", is("to"));
    }

    @Test
    void the_csv_export_has_the_same_rows_quoted_and_streamed() {
        Rehab.Team team = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        var response = given().auth().oauth2(Api.admin().token())
                .get("/api/v1/admin/access-log.csv?clientId=" + team.client().id());
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"access-log-"));
        String[] lines = response.asString().split("\r\n");
        assertEquals(AccessCsv.HEADER, lines[0]);
        assertEquals(6, lines.length, response.asString());
        // Exporting one client's log is itself logged, before the first row is sent.
        assertTrue(lines[1].contains(",\"test-admin\",") && lines[1].contains(",\"AUDIT_READ\",\"AUDIT\",\"GET /api/v1/admin/access-log.csv\","),
                lines[1]);
        assertTrue(lines[2].contains(",\"" + team.specialist().username() + "\",\"Test " + team.specialist().username()
                + "\",\"SPECIALIST\"," + team.client().id() + ",\"ANSWERS_READ\",\"CARE\",\"GET /api/v1/assignments/" + assignment
                + "\",\"127.0.0.1\","), lines[2]);
        assertTrue(lines[4].contains("\"SUITABILITY_CHANGED\""), lines[4]);
        assertTrue(lines[5].contains("\"PERIOD_CHANGED\""), lines[5]);
        given().auth().oauth2(Api.admin().token()).get("/api/v1/admin/access-log.csv?to=nope").then().statusCode(400);
    }

    @Test
    void csv_cells_cannot_become_formulas_or_break_the_row() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AccessCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", AccessCsv.cell("+1"));
        assertEquals("\"'-2+3\"", AccessCsv.cell("-2+3"));
        assertEquals("\"'@SUM(A1)\"", AccessCsv.cell("@SUM(A1)"));
        assertEquals("\"'\tx\"", AccessCsv.cell("\tx"));
        assertEquals("\"Virtanen, \"\"Maija\"\"\nrivi\"", AccessCsv.cell("Virtanen, \"Maija\"\nrivi"));
        assertEquals("\"Test a=b\"", AccessCsv.cell("Test a=b"));
        assertEquals("", AccessCsv.cell(null));
    }

    @Test
    void verification_finds_an_edited_row_and_a_deleted_row() throws Exception {
        Rehab.Team team = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        // Tamper evidence covers sealed events (README, "Access log"): seal what the requests wrote.
        sealer.sealPending();
        Api.Account admin = Api.admin();
        admin.as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true))
                .body("firstBrokenId", is((Object) null));
        List<Long> ids = eventIds(team.client().id());
        long edited = ids.get(1);
        long deleted = ids.get(2);
        long deletedSeq;
        try (Connection c = dataSource.getConnection()) {
            deletedSeq = Long.parseLong(single(c, "SELECT seq FROM access_event WHERE id = " + deleted));
        }

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String name = single(c, "SELECT actor_name FROM access_event WHERE id = " + edited);
            s.executeUpdate("UPDATE access_event SET actor_name = 'Joku muu' WHERE id = " + edited);
            try {
                admin.as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(false))
                        .body("firstBrokenId", is((int) edited)).body("problem", is("altered"));
            } finally {
                try (PreparedStatement ps = c.prepareStatement("UPDATE access_event SET actor_name = ? WHERE id = ?")) {
                    ps.setString(1, name);
                    ps.setLong(2, edited);
                    ps.executeUpdate();
                }
            }
            admin.as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true));

            s.execute("CREATE TEMPORARY TABLE removed_event AS SELECT * FROM access_event WHERE id = " + deleted);
            s.executeUpdate("DELETE FROM access_event WHERE id = " + deleted);
            try {
                // The deleted event's place in the chain is what is missing (its id is gone with it).
                admin.as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(false))
                        .body("firstBrokenSeq", is((int) deletedSeq)).body("problem", is("missing"));
            } finally {
                s.executeUpdate("INSERT INTO access_event SELECT * FROM removed_event");
                s.execute("DROP TEMPORARY TABLE removed_event"); // the pooled connection outlives this test
            }
            admin.as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true));
        }
    }

    @Test
    void concurrent_requests_append_to_one_chain() throws Exception {
        Rehab.Team team = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        Api.Account colleague = Api.create("SPECIALIST");
        team.specialist().as().body(java.util.Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200);
        int before = AccessLogFixtures.kinds(team.client()).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Api.Account who = i % 2 == 0 ? team.specialist() : colleague;
                calls.add(() -> who.as().get("/api/v1/assignments/" + assignment).then().extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 24, AccessLogFixtures.kinds(team.client()).size());
        Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200).body("ok", is(true));
    }

    @Test
    void the_event_names_the_address_the_request_came_from_behind_the_trusted_proxy() {
        // The tests' loopback is configured as a trusted proxy (%test.askel.http.trusted-proxies); what
        // an untrusted peer forwards is ignored (ClientAddressTest).
        Rehab.Team team = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().header("X-Forwarded-For", "6.6.6.6, 203.0.113.9").get("/api/v1/assignments/" + assignment)
                .then().statusCode(200);
        Api.admin().as().get("/api/v1/admin/access-log?clientId=" + team.client().id()).then().statusCode(200)
                .body("items[0].remoteAddress", is("203.0.113.9"));
    }

    @Test
    void only_admins_may_search_export_or_verify() {
        Api.Account client = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");
        for (String path : List.of("/api/v1/admin/access-log", "/api/v1/admin/access-log/verify", "/api/v1/admin/access-log.csv")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(client.token()).get(path).then().statusCode(403);
            given().auth().oauth2(specialist.token()).get(path).then().statusCode(403);
            given().auth().oauth2(Api.admin().token()).get(path).then().statusCode(200);
        }
        new Browser().signIn(specialist.username(), Api.PASSWORD).get("/admin/access-log").then().statusCode(403);
        new Browser().signIn(client.username(), Api.PASSWORD).get("/admin/access-log").then().statusCode(403);
    }

    @Test
    void the_pages_show_the_log_to_the_client_and_the_search_to_the_admin() {
        Rehab.Team team = AccessLogFixtures.team("sv");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);

        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);
        client.get("/").then().statusCode(200).body(containsString("href=\"/access-log\""));
        client.get("/access-log").then().statusCode(200)
                .body(containsString("<h1>Vem har tittat på mina uppgifter?</h1>"))
                .body(containsString("(703/2023)"))
                .body(containsString("Läste dina svar på en övning"))
                .body(containsString("Test " + team.specialist().username()))
                .body(not(containsString(team.specialist().username() + ",")));

        Browser admin = Browser.newAdmin();
        admin.get("/admin/access-log?client=" + team.client().username()).then().statusCode(200)
                .body(containsString("Luki vastauksiasi harjoitukseen"))
                .body(containsString("/api/v1/admin/access-log.csv?clientId=" + team.client().id()));
        admin.get("/admin/access-log?client=nobody-" + System.nanoTime()).then().statusCode(400)
                .body(containsString("Tällä käyttäjätunnuksella ei löydy asiakasta."));
        admin.get("/admin/access-log?verify=true").then().statusCode(200).body(containsString("Loki on eheä"));
    }

    private List<Long> eventIds(long clientId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM access_event WHERE client_id = ? ORDER BY id")) {
            ps.setLong(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        assertFalse(ids.size() < 3, "expected at least three events");
        return ids;
    }

    private static String single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
