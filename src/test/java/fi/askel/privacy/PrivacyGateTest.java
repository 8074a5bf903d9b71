package fi.askel.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client acknowledges the current privacy notice before anything else; a new version asks again. */
@QuarkusTest
class PrivacyGateTest {

    private static final String TYPE = "https://askel.fi/problems/privacy-acknowledgement-required";

    @Test
    void an_unacknowledged_client_gets_403_everywhere_but_the_notice_and_then_everything_opens() {
        Api.Account client = Privacy.newClient("Outi Odottava");
        for (String path : new String[] {"/api/v1/assignments", "/api/v1/groups", "/api/v1/modules", "/api/v1/notifications",
                "/api/v1/me/export"}) {
            client.as().get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(TYPE)).body("instance", equalTo(path));
        }
        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(403).body("type", equalTo(TYPE));
        client.as().body(Map.of("reason", "x")).post("/api/v1/me/erasure-request").then().statusCode(403);

        // What the client needs to read and acknowledge the notice stays open.
        client.as().get("/api/v1/me").then().statusCode(200).body("username", equalTo(client.username()));
        client.as().body(Map.of("locale", "sv")).put("/api/v1/me/locale").then().statusCode(200);
        int version = client.as().get("/api/v1/privacy/notice").then().statusCode(200)
                .body("lang", equalTo("sv")).body("html", containsString("<h2>")).extract().jsonPath().getInt("version");
        client.as().get("/api/v1/me/privacy").then().statusCode(200)
                .body("acknowledgementRequired", equalTo(true)).body("currentVersion", equalTo(version));

        // Bad acknowledgements change nothing and name the field.
        client.as().body(Map.of("version", version)).post("/api/v1/me/privacy/acknowledge").then().statusCode(400)
                .body("violations[0].field", equalTo("remoteRehabConsent"));
        client.as().body(Map.of("version", version + 100, "remoteRehabConsent", true)).post("/api/v1/me/privacy/acknowledge")
                .then().statusCode(409);
        client.as().get("/api/v1/assignments").then().statusCode(403);

        client.as().body(Map.of("version", version, "remoteRehabConsent", true)).post("/api/v1/me/privacy/acknowledge")
                .then().statusCode(200).body("acknowledgementRequired", equalTo(false)).body("acknowledgedVersion", equalTo(version))
                .body("consents.find { it.kind == 'remote-rehab' }.given", equalTo(true))
                .body("consents.find { it.kind == 'remote-rehab' }.noticeVersion", equalTo(version))
                .body("consents.find { it.kind == 'kela' }.given", equalTo(false));
        client.as().get("/api/v1/assignments").then().statusCode(200);
        client.as().get("/api/v1/groups").then().statusCode(200);
    }

    @Test
    void pages_send_an_unacknowledged_client_to_the_notice_and_come_back_after_acknowledging() {
        Api.Account client = Privacy.newClient("Paula Polku");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        for (String path : new String[] {"/", "/modules", "/groups", "/me/privacy"}) {
            browser.get(path).then().statusCode(303).header("Location", containsString("/privacy/notice?next="));
        }
        browser.get("/help/emergency").then().statusCode(200);
        Response notice = browser.get("/privacy/notice?next=%2Fgroups");
        notice.then().statusCode(200).body(containsString("Tietosuojaseloste")).body(containsString("name=\"read\""))
                .body(containsString("name=\"remoteRehab\""));
        int version = Privacy.currentVersion();

        // Not ticking "I have read" is refused and nothing is recorded.
        browser.post("/privacy/notice", Map.of("version", String.valueOf(version), "next", "/groups")).then().statusCode(400)
                .body(containsString("Vahvista rastittamalla"));
        browser.get("/groups").then().statusCode(303);

        browser.post("/privacy/notice", Map.of("version", String.valueOf(version), "read", "on", "next", "/groups"))
                .then().statusCode(303).header("Location", endsWith("/groups"));
        browser.get("/groups").then().statusCode(200);
        browser.get("/").then().statusCode(200);
        // The remote rehabilitation consent was left unticked, so it was not given.
        client.as().get("/api/v1/me/privacy").then().body("consents.find { it.kind == 'remote-rehab' }.given", equalTo(false));
    }

    @Test
    void a_new_notice_version_must_be_acknowledged_again_and_staff_are_never_asked() {
        Rehab.Team team = Rehab.team();
        Api.Account client = team.client();
        Api.Account specialist = team.specialist();
        client.as().get("/api/v1/assignments").then().statusCode(200);

        Api.create("SPECIALIST").as().body(Map.of("fi", "x", "sv", "x", "en", "x")).post("/api/v1/admin/privacy/notices")
                .then().statusCode(403);
        Api.admin().as().body(Map.of("fi", "# Uusi", "sv", " ", "en", "# New")).post("/api/v1/admin/privacy/notices")
                .then().statusCode(400).body("violations[0].field", equalTo("sv"));

        int before = Privacy.currentVersion();
        int version = Privacy.publish("Version with a new processor");
        assertEquals(before + 1, version);
        client.as().get("/api/v1/assignments").then().statusCode(403).body("type", equalTo(TYPE));
        client.as().get("/api/v1/me/privacy").then().body("acknowledgementRequired", equalTo(true))
                .body("acknowledgedVersion", equalTo(before)).body("currentVersion", equalTo(version));
        new Browser().signIn(client.username(), Api.PASSWORD).get("/privacy/notice").then().statusCode(200)
                .body(containsString("Tietosuojaseloste on muuttunut")).body(containsString("Version with a new processor"));
        specialist.as().get("/api/v1/assignments?clientId=" + client.id()).then().statusCode(200);

        client.as().body(Map.of("version", version, "remoteRehabConsent", false)).post("/api/v1/me/privacy/acknowledge")
                .then().statusCode(200).body("acknowledgements.size()", equalTo(2));
        client.as().get("/api/v1/assignments").then().statusCode(200);
    }

    @Test
    void the_notice_is_public_and_earlier_versions_stay_readable() {
        io.restassured.RestAssured.given().get("/api/v1/privacy/notice?lang=en").then().statusCode(200)
                .body("lang", equalTo("en"));
        new Browser().get("/privacy/notice").then().statusCode(200).body(containsString("Tietosuojaseloste"))
                .body(org.hamcrest.Matchers.not(containsString("name=\"read\"")));
        io.restassured.RestAssured.given().get("/api/v1/privacy/notice?version=1&lang=sv").then().statusCode(200)
                .body("version", equalTo(1)).body("markdown", containsString("Dataskyddsbeskrivning"));
        io.restassured.RestAssured.given().get("/api/v1/privacy/notice?version=9999").then().statusCode(404);
    }
}
