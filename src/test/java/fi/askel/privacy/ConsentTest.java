package fi.askel.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consents to disclose to Kela and to the treating party are separate, withdrawable, and their history is kept. */
@QuarkusTest
class ConsentTest {

    @Test
    void giving_and_withdrawing_keeps_every_step_in_the_history() {
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/me/privacy").then().statusCode(200)
                .body("consents.find { it.kind == 'kela' }.given", equalTo(false))
                .body("consents.find { it.kind == 'kela' }.since", nullValue())
                .body("history.size()", equalTo(1)); // remote rehabilitation, given when acknowledging

        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(200)
                .body("kind", equalTo("kela")).body("given", equalTo(true)).body("since", notNullValue());
        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(200); // no change, no new row
        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/treating-party").then().statusCode(200);
        client.as().body(Map.of("given", false)).put("/api/v1/me/consents/kela").then().statusCode(200).body("given", equalTo(false));

        client.as().get("/api/v1/me/privacy").then().statusCode(200)
                .body("consents.find { it.kind == 'kela' }.given", equalTo(false))
                .body("consents.find { it.kind == 'treating-party' }.given", equalTo(true))
                .body("history.size()", equalTo(4))
                .body("history.findAll { it.kind == 'kela' }.given", equalTo(java.util.List.of(true, false)))
                .body("history.findAll { it.kind == 'kela' }.byClient", equalTo(java.util.List.of(true, true)));
    }

    @Test
    void bad_consent_requests_name_the_problem_and_change_nothing() {
        Api.Account client = Api.create("CLIENT");
        client.as().body(Map.of("given", true)).put("/api/v1/me/consents/insurance").then().statusCode(404);
        client.as().body(Map.of()).put("/api/v1/me/consents/kela").then().statusCode(400)
                .body("violations[0].field", equalTo("given"));
        client.as().body("{\"given\": \"maybe\"}").put("/api/v1/me/consents/kela").then().statusCode(400);
        client.as().get("/api/v1/me/privacy").then().body("history.size()", equalTo(1));
        Api.create("SPECIALIST").as().body(Map.of("given", true)).put("/api/v1/me/consents/kela").then().statusCode(403);
    }

    @Test
    void the_client_uses_my_privacy_page_and_the_specialist_sees_the_state_on_the_client_page() {
        Rehab.Team team = Rehab.team();
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/me/privacy").then().statusCode(200).body(containsString("Oma tietosuoja"))
                .body(containsString("action=\"/me/privacy/consents/kela\""));
        browser.post("/me/privacy/consents/kela", Map.of("given", "true")).then().statusCode(303)
                .header("Location", containsString("/me/privacy?saved=kela#consent-kela"));
        browser.get("/me/privacy?saved=kela").then().statusCode(200).body(containsString("Valintasi on tallennettu"))
                .body(containsString("Peruuta suostumus"));
        browser.post("/me/privacy/consents/kela", Map.of("given", "false")).then().statusCode(303);
        team.client().as().get("/api/v1/me/privacy").then()
                .body("history.findAll { it.kind == 'kela' }.given", equalTo(java.util.List.of(true, false)));
        browser.post("/me/privacy/consents/kela", Map.of("given", "perhaps")).then().statusCode(400);

        team.client().as().body(Map.of("given", true)).put("/api/v1/me/consents/treating-party").then().statusCode(200);
        new Browser().signIn(team.specialist().username(), Api.PASSWORD).get("/clients/" + team.client().id()).then()
                .statusCode(200).body(containsString("Asiakkaan suostumukset"))
                .body(containsString("Tietojen luovutus hoitavalle taholle: <strong>Annettu</strong>"))
                .body(containsString("Tietojen luovutus Kelalle: Ei annettu"))
                .body(not(containsString("Tietojen luovutus Kelalle: <strong>Annettu")));
    }
}
