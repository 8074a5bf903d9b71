package fi.askel.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client asks for erasure; the admin processes it: what may go is anonymised, rehabilitation records stay. */
@QuarkusTest
class ErasureTest {

    @Test
    void erasure_keeps_the_rehabilitation_records_and_anonymises_the_rest() throws Exception {
        Rehab.Team team = Rehab.team();
        Api.Account client = team.client();
        Api.Account other = Api.create("CLIENT");
        long assignment = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(client, assignment, "wellbeing-who5");
        long group = ExportTest.group(team.specialist(), client, other);
        long thread = client.as().body(Map.of("title", "Otsikko, jossa nimeni", "body", "Viesti, jonka haluan pois"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        other.as().body(Map.of("body", "Toisen jäsenen viesti jää")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201);
        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(200);
        String name = "Test " + client.username();

        client.as().body(Map.of("reason", "x".repeat(2001))).post("/api/v1/me/erasure-request").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        long request = client.as().body(Map.of("reason", "En tarvitse palvelua enää")).post("/api/v1/me/erasure-request")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        client.as().body(Map.of()).post("/api/v1/me/erasure-request").then().statusCode(409);
        client.as().get("/api/v1/me/erasure-request").then().statusCode(200).body("processedAt", nullValue());
        team.specialist().as().post("/api/v1/admin/erasure-requests/" + request + "/process").then().statusCode(403);
        Api.admin().as().get("/api/v1/admin/erasure-requests").then().statusCode(200)
                .body("find { it.id == " + request + " }.reason", equalTo("En tarvitse palvelua enää"));

        Api.admin().as().header("Accept-Language", "fi").post("/api/v1/admin/erasure-requests/" + request + "/process")
                .then().statusCode(200)
                .body("erased.item", hasItems("contact-details", "peer-posts", "peer-pseudonyms", "notifications"))
                .body("erased.item", not(hasItem("name")))
                .body("kept.item", hasItems("rehabilitation-records", "name", "consent-history"))
                .body("kept.find { it.item == 'rehabilitation-records' }.why", containsString("703/2023"))
                .body("erased.find { it.item == 'peer-posts' }.count", equalTo(1));
        Api.admin().as().post("/api/v1/admin/erasure-requests/" + request + "/process").then().statusCode(409);

        // The account is closed: the old token and the password stop working.
        client.as().get("/api/v1/me").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("username", client.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        Api.admin().as().get("/api/v1/users/" + client.id()).then().statusCode(200)
                .body("username", equalTo("erased-" + client.id())).body("email", nullValue())
                .body("displayName", equalTo(name)).body("active", equalTo(false));

        // Rehabilitation records are kept and still the specialist's to read.
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200)
                .body("steps.find { it.key == 'who-5' }.answer", org.hamcrest.Matchers.notNullValue());
        team.specialist().as().get("/api/v1/clients/" + client.id() + "/gas").then().statusCode(200);

        // Peer presence is gone; the other member's post stays.
        other.as().get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("title", equalTo("#" + thread))
                .body("posts.items[0].author.former", equalTo(true)).body("posts.items[0].removed", equalTo(true))
                .body("posts.items[1].body", equalTo("Toisen jäsenen viesti jää"));
        team.specialist().as().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("realName", not(hasItem(name)));

        // The client's copy of the result, in their language, sent before the address was erased.
        String mail = SmtpTestResource.text(SmtpTestResource.messagesTo(client.username() + "@example.org").get(0));
        assertTrue(mail.contains("Kuntoutuksen asiakirjat") && mail.contains("94/2022") && mail.contains("Vertaisryhmien viestit"), mail);

        // The admin page shows the result.
        Browser.newAdmin().get("/admin/privacy").then().statusCode(200)
                .body(containsString("id=\"erasure-" + request + "\"")).body(containsString("703/2023"));
    }

    @Test
    void a_client_asks_on_my_privacy_page_and_sees_that_the_request_waits() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/me/privacy").then().statusCode(200).body(containsString("Kuntoutuksen asiakirjat"))
                .body(containsString("94/2022"));
        browser.post("/me/privacy/erasure", Map.of("reason", "")).then().statusCode(400)
                .body(containsString("Vahvista rastittamalla, että haluat tietojesi poistettavan"));
        client.as().get("/api/v1/me/erasure-request").then().statusCode(404);
        browser.post("/me/privacy/erasure", Map.of("reason", "", "confirm", "on")).then().statusCode(303);
        browser.get("/me/privacy?saved=erasure").then().statusCode(200).body(containsString("Pyyntösi on lähetetty"))
                .body(containsString("Pyyntö odottaa ylläpitäjän käsittelyä"));
    }
}
