package fi.askel.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A client downloads everything held about them, and nothing about anyone else; an admin can do it for them. */
@QuarkusTest
class ExportTest {

    @Test
    void the_export_holds_the_clients_own_data_and_nothing_of_another_client_in_the_same_group() throws IOException {
        Rehab.Team team = Rehab.team();
        Api.Account me = team.client();
        Api.Account other = Api.create("CLIENT");
        long assignment = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(me, assignment, "wellbeing-who5");
        long group = group(team.specialist(), me, other);
        long thread = me.as().body(Map.of("title", "Nukkumisesta", "body", "Minun oma viestini unesta"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        other.as().body(Map.of("body", "Toisen asiakkaan salainen vastaus")).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(201);
        me.as().body(Map.of("body", "Kiitos, minun toinen viestini")).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(201);
        me.as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(200);

        Response response = me.as().accept("application/zip").get("/api/v1/me/export");
        response.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("askel-" + me.username()));
        Map<String, String> files = unzip(response.asByteArray());

        assertTrue(files.containsKey("summary.html") && files.containsKey("answers.json") && files.containsKey("peer-posts.json")
                && files.containsKey("consents.json") && files.containsKey("account.json"), files.keySet().toString());
        assertTrue(files.get("account.json").contains(me.username()));
        assertFalse(files.get("account.json").toLowerCase().contains("password"), "no password hash");
        assertTrue(files.get("answers.json").contains("\"who-5\""), files.get("answers.json"));
        assertTrue(files.get("questionnaire-results.json").contains("WHO-5") || files.get("questionnaire-results.json").contains("who"),
                files.get("questionnaire-results.json"));
        assertTrue(files.get("peer-posts.json").contains("Minun oma viestini unesta"));
        assertTrue(files.get("peer-posts.json").contains("Kiitos, minun toinen viestini"));
        assertTrue(files.get("peer-threads-started.json").contains("Nukkumisesta"));
        assertTrue(files.get("consents.json").contains("KELA"));
        String givenAt = me.as().get("/api/v1/me/privacy").then().extract().jsonPath()
                .getString("history.find { it.kind == 'kela' }.at");
        assertTrue(files.get("consents.json").contains("\"recordedAt\" : \"" + givenAt + "\""),
                "times in the export are the same instants the API shows: " + givenAt + " in " + files.get("consents.json"));
        assertTrue(files.get("rehabilitation-periods.json").contains("Test " + team.specialist().username()),
                "the client may know which specialist is responsible");
        String summary = files.get("summary.html");
        assertTrue(summary.contains("Minun oma viestini unesta") && summary.contains("Tietosi Askel-palvelussa"), summary);
        assertFalse(summary.contains("<script") || summary.contains("<link") || summary.contains("src="), "self-contained");
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertFalse(file.getValue().contains("Toisen asiakkaan salainen vastaus"), file.getKey() + " has the other client's post");
            assertFalse(file.getValue().contains(other.username()), file.getKey() + " names the other client");
        }
    }

    @Test
    void an_admin_downloads_a_clients_data_and_nobody_else_can() throws IOException {
        Rehab.Team team = Rehab.team();
        long assignment = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), assignment, "wellbeing-who5");

        Response response = Api.admin().as().accept("application/zip").get("/api/v1/admin/users/" + team.client().id() + "/export");
        response.then().statusCode(200).contentType("application/zip");
        Map<String, String> files = unzip(response.asByteArray());
        assertTrue(files.get("account.json").contains(team.client().username()));
        assertTrue(files.get("answers.json").contains("\"who-5\""));
        // The client's own copy of who has processed their data travels with the export...
        assertTrue(files.get("access-log.json").contains("Test " + team.specialist().username()), files.get("access-log.json"));
        // ...and the admin's export is itself in the client's access log.
        assertEquals("EXPORT", team.client().as().get("/api/v1/me/access-log").then().statusCode(200)
                .extract().jsonPath().getString("items[0].kind"));

        Api.Account other = Api.create("CLIENT");
        other.as().get("/api/v1/admin/users/" + team.client().id() + "/export").then().statusCode(403);
        team.specialist().as().get("/api/v1/admin/users/" + team.client().id() + "/export").then().statusCode(403);
        Api.admin().as().get("/api/v1/admin/users/" + team.specialist().id() + "/export").then().statusCode(404);
        Api.admin().as().get("/api/v1/admin/users/999999999/export").then().statusCode(404);
        Api.admin().as().get("/api/v1/me/export").then().statusCode(403);
    }

    @Test
    void the_pages_offer_the_download_to_the_client_and_to_the_admin() throws IOException {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/me/privacy").then().statusCode(200).body(containsString("href=\"/me/privacy/export\""));
        Response zip = browser.get("/me/privacy/export");
        zip.then().statusCode(200).contentType("application/zip");
        assertTrue(unzip(zip.asByteArray()).get("account.json").contains(client.username()));

        Browser admin = Browser.newAdmin();
        admin.get("/users?q=" + client.username()).then().statusCode(200).body(containsString("href=\"/admin/users/" + client.id() + "/export\""));
        Response adminZip = admin.get("/admin/users/" + client.id() + "/export");
        adminZip.then().statusCode(200).contentType("application/zip");
        assertEquals(unzip(zip.asByteArray()).keySet(), unzip(adminZip.asByteArray()).keySet());
    }

    static long group(Api.Account specialist, Api.Account... clients) {
        long id = specialist.as().body(Map.of("name", Api.unique("Ryhmä"), "description", "Testiryhmä"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account client : clients) {
            specialist.as().body(Map.of("userId", client.id())).post("/api/v1/groups/" + id + "/members").then().statusCode(201);
            client.as().post("/api/v1/groups/" + id + "/rules/accept").then().statusCode(200);
        }
        return id;
    }

    /** File name (without the folder) → content as text. */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
