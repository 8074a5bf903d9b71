package fi.askel.followup;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientPagesTest {

    @Test
    void the_client_list_puts_the_client_in_pain_first_and_says_why() {
        Rehab.Team team = Rehab.team();
        Api.Account inPain = Api.create("CLIENT");
        openPeriod(team.specialist(), inPain, Dates.today());
        long id = team.specialist().as().body(Map.of("clientId", inPain.id(), "moduleSlug", "back-and-neck"))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        inPain.as().body(Map.of("answer", Map.of("logs", List.of(ClientOverviewApiTest.log(0, 8, 6))), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(200);

        Browser browser = signIn(team.specialist());
        String page = browser.get("/clients").then().statusCode(200)
                .body(containsString("<h1>Asiakkaat</h1>"))
                .body(containsString("<caption>Asiakkaat, kiireellisimmät ensin</caption>"))
                .body(containsString("href=\"/clients/" + inPain.id() + "\""))
                .body(containsString("Kova kipu"))
                .body(containsString("Passiivinen 7 pv"))
                .body(containsString("Kesken: 1"))
                .body(containsString("Kuntoutuskurssi"))
                .body(containsString("href=\"/clients\" aria-current=\"page\""))
                .body(containsString("href=\"/reviews\""))
                .extract().asString();
        assertTrue(page.indexOf("/clients/" + inPain.id() + "\"") < page.indexOf("/clients/" + team.client().id() + "\""),
                "the client in pain comes first");
        String byName = browser.get("/clients?sort=name").then().statusCode(200)
                .body(containsString("<caption>Asiakkaat nimen mukaan</caption>")).extract().asString();
        assertTrue(byName.contains("aria-current=\"true\">Nimen mukaan"));
        // the client's page: the assignment's row with its status, steps done and a link to the answers
        browser.get("/clients/" + inPain.id()).then().statusCode(200)
                .body(containsString("<th scope=\"row\">Selän ja niskan harjoitteet kotona</th>"))
                .body(containsString("<td>Kesken</td>"))
                .body(containsString("<a href=\"/reviews/" + id + "\">Näytä vastaukset<span class=\"visually-hidden\">:"
                        + " Selän ja niskan harjoitteet kotona</span></a>"));
    }

    @Test
    void a_period_opened_from_the_list_makes_the_client_followed() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        Browser browser = signIn(specialist);
        browser.get("/clients").then().statusCode(200).body(containsString("Et seuraa vielä yhtään asiakasta"));

        browser.post("/clients", Map.of("clientUsername", "no-such-user", "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(90).toString()))
                .then().statusCode(400)
                .body(containsString("Tällä käyttäjätunnuksella ei ole asiakkaan käyttäjätiliä."))
                .body(containsString("value=\"no-such-user\""));
        browser.post("/clients", Map.of("clientUsername", client.username(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().toString(), "endsOn", Dates.today().minusDays(1).toString()))
                .then().statusCode(400)
                .body(containsString("Jakso ei voi päättyä ennen kuin se alkaa."))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("<option value=\"INDIVIDUAL\" selected>"));
        specialist.as().get("/api/v1/clients").then().body("id", hasSize(0));

        Response r = browser.post("/clients", Map.of("clientUsername", client.username(), "serviceType", "INDIVIDUAL",
                "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(90).toString()));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/clients/" + client.id() + "?saved=period#period"), r.header("Location"));
        browser.get("/clients/" + client.id() + "?saved=period").then().statusCode(200)
                .body(containsString("Kuntoutusjakso on avattu."))
                .body(containsString("Yksilökuntoutus"))
                .body(not(containsString("action=\"/clients/" + client.id() + "/periods")));
        specialist.as().get("/api/v1/clients").then().body("id", equalTo(List.of((int) client.id())));
    }

    @Test
    void a_new_period_is_opened_on_the_client_page_when_the_last_one_has_ended() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account colleague = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        specialist.as().body(Map.of("clientId", client.id(), "serviceType", "TULES_COURSE",
                        "startsOn", Dates.today().minusDays(200).toString(), "endsOn", Dates.today().minusDays(100).toString()))
                .post("/api/v1/periods").then().statusCode(201);
        Browser browser = signIn(specialist);
        String page = browser.get("/clients/" + client.id()).then().statusCode(200)
                .body(containsString("Asiakkaalla ei ole voimassa olevaa kuntoutusjaksoa."))
                .body(containsString("action=\"/clients/" + client.id() + "/periods#open-period\""))
                .body(containsString("<label for=\"f-startsOn\">"))
                .body(containsString("for=\"f-specialist-" + colleague.id() + "\""))
                .body(containsString("Avaa ensin kuntoutusjakso"))
                .extract().asString();
        Response r = Forms.post(browser, page, "/clients/" + client.id() + "/periods", Map.of(
                "serviceType", List.of("REHAB_COURSE"), "startsOn", List.of(Dates.today().toString()),
                "endsOn", List.of(Dates.today().plusDays(120).toString()),
                "specialistIds", List.of(String.valueOf(colleague.id()))));
        assertEquals(303, r.statusCode());
        // Each period's specialists by name: the reader's own from their sign-in, the colleague's read from the database.
        String both = List.of("Test " + specialist.username(), "Test " + colleague.username()).stream().sorted()
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String withPeriods = browser.get("/clients/" + client.id()).then().statusCode(200)
                .body(containsString("<td>" + both + "</td>"))
                .body(containsString("<td>Test " + specialist.username() + "</td>"))
                .body(containsString("action=\"/clients/" + client.id() + "/assignments#assign-programme\""))
                .extract().asString();
        // Once, though its two specialists come in two rows of the same query.
        assertEquals(1, withPeriods.split("Kuntoutuskurssi <span class=\"muted\">\\(voimassa\\)</span>", -1).length - 1);
        colleague.as().get("/api/v1/clients/" + client.id() + "/overview").then().statusCode(200)
                .body("currentPeriod.serviceType", equalTo("REHAB_COURSE"));
    }

    @Test
    void a_programme_of_modules_is_assigned_from_the_client_page_all_or_none() {
        Rehab.Team team = Rehab.team();
        Browser browser = signIn(team.specialist());
        String path = "/clients/" + team.client().id();
        String page = browser.get(path).then().statusCode(200)
                .body(containsString("id=\"f-module-sleep-and-recovery\""))
                .body(containsString("<label for=\"f-dueDate\">"))
                .body(containsString("<label for=\"f-note\">"))
                .extract().asString();

        Forms.post(browser, page, path + "/assignments", Map.of("dueDate",
                        List.of(Dates.today().plusDays(14).toString()), "note", List.of("Aloitetaan rauhassa")))
                .then().statusCode(400)
                .body(containsString("Valitse vähintään yksi moduuli."))
                .body(containsString(">Aloitetaan rauhassa</textarea>"));
        Forms.post(browser, page, path + "/assignments", Map.of("modules", List.of("sleep-and-recovery", "eating-well"),
                        "dueDate", List.of(Dates.today().minusDays(1).toString()), "note", List.of("")))
                .then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("id=\"f-module-eating-well\" name=\"modules\" value=\"eating-well\" checked"));
        // One module that does not exist (a tampered form) and nothing is assigned, not even the valid one.
        Forms.post(browser, page, path + "/assignments", Map.of("modules", List.of("sleep-and-recovery", "no-such-module")))
                .then().statusCode(400).body(containsString("Tällaista harjoitusmoduulia ei ole."));
        team.specialist().as().get("/api/v1/assignments?clientId=" + team.client().id()).then().body("id", hasSize(0));

        Response r = Forms.post(browser, page, path + "/assignments", Map.of("modules", List.of("sleep-and-recovery", "eating-well"),
                "dueDate", List.of(Dates.today().plusDays(14).toString()), "note", List.of("Aloitetaan rauhassa")));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith(path + "?saved=programme#assignments"), r.header("Location"));
        team.client().as().get("/api/v1/assignments").then().statusCode(200)
                .body("moduleSlug", equalTo(List.of("eating-well", "sleep-and-recovery")))
                .body("dueOn", equalTo(List.of(Dates.today().plusDays(14).toString(), Dates.today().plusDays(14).toString())))
                .body("note[0]", equalTo("Aloitetaan rauhassa"));
        browser.get(path + "?saved=programme").then().statusCode(200)
                .body(containsString("Moduulit on annettu."))
                .body(containsString("<th scope=\"row\">Uni ja palautuminen</th>"))
                .body(containsString("Ei aloitettu"));
    }

    @Test
    void goals_are_set_and_rated_on_the_client_page_and_drawn_as_t_scores() {
        Rehab.Team team = Rehab.team();
        Browser browser = signIn(team.specialist());
        String path = "/clients/" + team.client().id();
        browser.get(path).then().statusCode(200).body(containsString("Yhtään tavoitetta ei ole vielä arvioitu."));

        Map<String, String> goal = new HashMap<>(Map.of("title", "Kävelen kauppaan itse", "weight", "3",
                "level_m2", "En käy kaupassa", "level_m1", "Käyn kerran kuussa", "level_0", "Käyn kerran viikossa",
                "level_p1", "Käyn kahdesti viikossa", "level_p2", "Käyn joka päivä"));
        goal.put("level_p2", "");
        browser.post(path + "/goals", goal).then().statusCode(400)
                .body(containsString("Kuvaa tämä taso"))
                .body(containsString("value=\"Kävelen kauppaan itse\""))
                .body(containsString(">Käyn kerran viikossa</textarea>"));
        goal.put("level_p2", "Käyn joka päivä");
        Response created = browser.post(path + "/goals", goal);
        assertEquals(303, created.statusCode());
        long goalId = team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/goals").then()
                .body("title", equalTo(List.of("Kävelen kauppaan itse"))).body("weight[0]", equalTo(3))
                .extract().jsonPath().getLong("[0].id");

        browser.get(path + "?saved=goal").then().statusCode(200)
                .body(containsString("Tavoite on tallennettu."))
                .body(containsString("<h3 id=\"goal-" + goalId + "\">Kävelen kauppaan itse</h3>"))
                .body(containsString("<option value=\"BASELINE\" selected>"));
        browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "BASELINE", "score", ""))
                .then().statusCode(400).body(containsString("id=\"f-score-" + goalId + "-error\""));
        // A refused rating comes back as it was sent: the phase and level chosen, not the page's defaults.
        browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "MIDPOINT", "score", "7"))
                .then().statusCode(400).body(containsString("<option value=\"MIDPOINT\" selected>"))
                .body(not(containsString("<option value=\"BASELINE\" selected>")));
        browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "FINAL", "score", ""))
                .then().statusCode(400).body(containsString("<option value=\"FINAL\" selected>"));
        assertEquals(303, browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "BASELINE", "score", "-1"))
                .statusCode());
        assertEquals(303, browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "MIDPOINT", "score", "0"))
                .statusCode());
        assertEquals(303, browser.post(path + "/goals/" + goalId + "/ratings", Map.of("phase", "FINAL", "score", "1"))
                .statusCode());
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/gas").then()
                .body("byPhase.BASELINE", equalTo(40.0f)).body("byPhase.MIDPOINT", equalTo(50.0f))
                .body("byPhase.FINAL", equalTo(60.0f));
        browser.get(path + "?saved=rating").then().statusCode(200)
                .body(containsString("Arvio on tallennettu."))
                .body(containsString("\u22121: Käyn kerran kuussa"))
                .body(containsString("+1: Käyn kahdesti viikossa"))
                // The expected level, 0, is a rating like any other.
                .body(containsString("<th scope=\"row\">Väliarvio</th><td>0: Käyn kerran viikossa</td>"))
                .body(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
                .body(containsString("aria-labelledby=\"chart-gas-title chart-gas-desc\""))
                .body(containsString("<title id=\"chart-gas-title\">GAS-T-luku vaiheittain</title>"))
                .body(containsString("<caption>GAS-T-luku vaiheittain</caption>"))
                .body(containsString("<th scope=\"row\">Alku</th><td>40,0</td>"))
                .body(containsString("<th scope=\"row\">Loppu</th><td>60,0</td>"));
        // A goal of another client cannot be rated through this client's page.
        Rehab.Team other = Rehab.team();
        signIn(other.specialist()).post("/clients/" + other.client().id() + "/goals/" + goalId + "/ratings",
                Map.of("phase", "MIDPOINT", "score", "2")).then().statusCode(404);
    }

    @Test
    void pain_and_questionnaires_are_drawn_with_a_table_alternative() {
        Rehab.Team team = Rehab.team();
        long back = Rehab.assign(team, "back-and-neck");
        ClientOverviewApiTest.logExercise(team, back, "chin-tuck", List.of(ClientOverviewApiTest.log(2, 3, 4),
                ClientOverviewApiTest.log(1, 5, 6), ClientOverviewApiTest.log(0, 2, 3)));
        long who5 = Rehab.assign(team, "wellbeing-who5");
        ClientOverviewApiTest.answerWho5(team, who5, 3);
        signIn(team.specialist()).get("/clients/" + team.client().id()).then().statusCode(200)
                .body(containsString("role=\"img\" focusable=\"false\" aria-labelledby=\"chart-pain-title chart-pain-desc\""))
                .body(containsString("<title id=\"chart-pain-title\">Kipu ja rasittavuus harjoituspäiväkirjassa</title>"))
                .body(containsString("<summary>Näytä luvut taulukkona</summary>"))
                .body(containsString("<th scope=\"col\">Kipu</th>"))
                .body(containsString("<td>5</td><td>6</td><td>1</td>"))
                .body(containsString("<title id=\"chart-questionnaire-1-title\">WHO-5 ajan myötä</title>"))
                .body(containsString("<td>60 / 100</td>"));
    }

    @Test
    void only_the_responsible_staff_open_a_client_page() {
        Rehab.Team team = Rehab.team();
        Browser stranger = signIn(Rehab.team().specialist());
        String path = "/clients/" + team.client().id();
        stranger.get(path).then().statusCode(404).body(containsString("<h1"));
        stranger.post(path + "/goals", Map.of("title", "x")).then().statusCode(404);
        stranger.get(path + "/summary").then().statusCode(404);
        stranger.get(path + "/summary.pdf").then().statusCode(404);
        signIn(team.client()).get(path).then().statusCode(403);
        signIn(team.client()).get("/clients").then().statusCode(403);
        signIn(team.specialist()).get("/clients/" + team.specialist().id()).then().statusCode(404);
        new Browser().get(path).then().statusCode(303).header("Location", endsWith("/login?next=%2Fclients%2F" + team.client().id()));
    }

    static Browser signIn(Api.Account account) {
        return new Browser().signIn(account.username(), Api.PASSWORD);
    }

    /** Opens a period in which remote rehabilitation has been assessed suitable (so work can be assigned). */
    static void openPeriod(Api.Account specialist, Api.Account client, LocalDate startsOn) {
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                "startsOn", startsOn.toString(), "endsOn", startsOn.plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assessSuitable(specialist, periodId);
    }
}
