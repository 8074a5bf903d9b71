package fi.askel.remote.readiness;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instructions and support contacts the admin saves replace the configured ones, per language, everywhere clients see them. */
@QuarkusTest
class ProviderTextsTest {

    private static final String FI_DEFAULT_EMERGENCY = "Etäkuntoutus ei ole päivystyspalvelu.";
    private static final String DEFAULT_PHONE = "+358 9 0000 0000";

    @Test
    void swedish_emergency_instructions_reach_swedish_clients_and_finnish_stays_on_the_default() {
        Api.Account admin = Api.create("ADMIN", "fi");
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        Api.Account swedish = Api.create("CLIENT", "sv");
        Api.Account finnish = Api.create("CLIENT", "fi");
        long call = appointment(specialist, swedish);
        String marker = Api.unique("Ring 112 om livet är i fara och meddela sedan Stödcentret");
        try {
            admin.as().body(Map.of("emergencyInstructions", marker + "\n\nAndra stycket.", "supportPhone", "+358 40 123 4567",
                            "supportHours", "mån–fre kl. 9–15"))
                    .put(Readiness.API + "/texts/sv").then().statusCode(200)
                    .body("shown.emergencyInstructions", containsString(marker))
                    .body("saved.supportEmail", nullValue());

            Browser sv = new Browser().signIn(swedish.username(), Api.PASSWORD);
            sv.get("/help/emergency").then().statusCode(200)
                    .body(containsString("<p>" + marker + "</p>"))
                    .body(containsString("<p>Andra stycket.</p>"));
            sv.get("/").then().statusCode(200)
                    .body(containsString("<a href=\"tel:+358401234567\">+358 40 123 4567</a>"))
                    .body(containsString("(mån–fre kl. 9–15)"));
            sv.get("/help/support").then().statusCode(200).body(containsString("+358 40 123 4567"));
            sv.get("/calls/" + call).then().statusCode(200).body(containsString("<p>" + marker + "</p>"));

            Browser fi = new Browser().signIn(finnish.username(), Api.PASSWORD);
            fi.get("/help/emergency").then().statusCode(200)
                    .body(not(containsString(marker)))
                    .body(containsString(FI_DEFAULT_EMERGENCY));
            fi.get("/").then().statusCode(200).body(containsString(DEFAULT_PHONE));
        } finally {
            // Emptied fields go back to the defaults, for the other tests too.
            admin.as().body(Map.of()).put(Readiness.API + "/texts/sv").then().statusCode(200);
        }
        new Browser().signIn(swedish.username(), Api.PASSWORD).get("/help/emergency").then().statusCode(200)
                .body(not(containsString(marker)));
    }

    /** Issue 11: the provider adds its own known gaps to the accessibility statement; the statement is public. */
    @Test
    void the_providers_own_accessibility_gaps_are_in_the_statement_of_that_language_only() {
        Api.Account admin = Api.create("ADMIN", "fi");
        String gap = Api.unique("Ryhmätapaamisten tallenteissa ei vielä ole tekstitystä");
        try {
            admin.as().body(Map.of("accessibilityGaps", "x".repeat(ProviderTextStore.MAX_INSTRUCTIONS + 1)))
                    .put(Readiness.API + "/texts/fi").then().statusCode(400)
                    .body("violations.field", hasItem("accessibilityGaps"));
            new Browser().language("fi").get("/help/accessibility").then().statusCode(200).body(not(containsString("omassa sisällössä")));

            admin.as().body(Map.of("accessibilityGaps", gap + "\n\nKorjataan kevään 2027 aikana."))
                    .put(Readiness.API + "/texts/fi").then().statusCode(200)
                    .body("saved.accessibilityGaps", containsString(gap));
            new Browser().language("fi").get("/help/accessibility").then().statusCode(200)
                    .body(containsString("omassa sisällössä</h3>"))
                    .body(containsString("<p>" + gap + "</p>"))
                    .body(containsString("<p>Korjataan kevään 2027 aikana.</p>"));
            new Browser().language("sv").get("/help/accessibility").then().statusCode(200).body(not(containsString(gap)));
        } finally {
            admin.as().body(Map.of()).put(Readiness.API + "/texts/fi").then().statusCode(200);
        }
        new Browser().language("fi").get("/help/accessibility").then().statusCode(200).body(not(containsString(gap)));
    }

    /** Issue 11: the provider's own parts of the statement; the authority stays the law's. */
    @Test
    void the_providers_statement_details_show_in_that_language_and_shared_ones_in_every_language() {
        Api.Account admin = Api.create("ADMIN", "fi");
        String provider = Api.unique("Rehabiliteringscentret Ab");
        String method = Api.unique("En extern bedömare granskade tjänsten med skärmläsaren NVDA");
        String yesterday = Dates.today().minusDays(1).toString();
        String lastWeek = Dates.today().minusDays(7).toString();
        try {
            admin.as().body(Map.of("statementProvider", provider, "statementConformance", "FULL", "statementDate", yesterday,
                            "statementAssessedOn", lastWeek, "statementMethod", method, "statementFeedback",
                            "https://rehab.example/respons", "statementResponseDays", "7"))
                    .put(Readiness.API + "/texts/sv").then().statusCode(200)
                    .body("shown.statementProvider", containsString(provider));
            new Browser().language("sv").get("/help/accessibility").then().statusCode(200)
                    .body(containsString("Askel hos " + provider + "."))
                    .body(containsString("Tjänsten uppfyller kraven på nivå AA"))
                    .body(containsString("<p>" + method + "</p>"))
                    .body(not(containsString("Vi har själva bedömt tjänsten.")))
                    .body(containsString("bedömdes senast " + Dates.date(Dates.today().minusDays(7), "sv") + "."))
                    .body(containsString("uppdaterats " + Dates.date(Dates.today().minusDays(1), "sv") + "."))
                    .body(containsString("<a href=\"https://rehab.example/respons\">https://rehab.example/respons</a>"))
                    .body(containsString("Vi svarar inom 7 dagar."))
                    .body(containsString("Transport- och kommunikationsverket Traficom"));
            // The language's own texts stay Swedish; the compliance, the dates and the response time are the same in Finnish.
            new Browser().language("fi").get("/help/accessibility").then().statusCode(200)
                    .body(not(containsString(provider)))
                    .body(not(containsString(method)))
                    .body(containsString("Arvioimme palvelun itse."))
                    .body(containsString("Palvelu täyttää WCAG 2.1 -ohjeiston AA-tason vaatimukset."))
                    .body(containsString("arvioitu viimeksi " + Dates.date(Dates.today().minusDays(7), "fi") + "."))
                    .body(containsString("Vastaamme 7 päivän kuluessa."));

            // Bad input: every wrong field named, nothing changed.
            admin.as().body(Map.of("statementProvider", "Muu Oy", "statementConformance", "MAYBE", "statementDate", lastWeek,
                            "statementAssessedOn", yesterday, "statementFeedback", "soita meille", "statementResponseDays", "30"))
                    .put(Readiness.API + "/texts/fi").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("statementConformance"))
                    .body("violations.field", hasItem("statementAssessedOn"))
                    .body("violations.field", hasItem("statementFeedback"))
                    .body("violations.field", hasItem("statementResponseDays"));
            admin.as().body(Map.of("statementDate", Dates.today().plusDays(1).toString()))
                    .put(Readiness.API + "/texts/fi").then().statusCode(400)
                    .body("violations.field", hasItem("statementDate"));
            new Browser().language("fi").get("/help/accessibility").then().statusCode(200)
                    .body(not(containsString("Muu Oy")))
                    .body(containsString("Vastaamme 7 päivän kuluessa."));
            Browser browser = new Browser().signIn(admin.username(), Api.PASSWORD);
            browser.get("/admin/readiness/texts/fi").then().statusCode(200)
                    .body(containsString("<option value=\"FULL\" selected>Täyttää vaatimukset kokonaan</option>"))
                    .body(containsString("value=\"7\""));
            browser.post("/admin/readiness/texts/fi", Map.of("statementResponseDays", "30", "statementProvider", "Muu Oy"))
                    .then().statusCode(400)
                    .body(containsString("id=\"f-statementResponseDays-error\">Anna vastausaika kokonaislukuna 1–14 päivää."))
                    .body(containsString("value=\"Muu Oy\""));
        } finally {
            admin.as().body(Map.of()).put(Readiness.API + "/texts/sv").then().statusCode(200);
        }
        new Browser().language("fi").get("/help/accessibility").then().statusCode(200)
                .body(containsString("Vastaamme 14 päivän kuluessa."));
    }

    @Test
    void the_admin_edits_the_texts_on_a_page_and_bad_input_is_refused_naming_the_field() {
        Api.Account admin = Api.create("ADMIN", "fi");
        admin.as().body(Map.of("supportEmail", "ei-osoite", "supportPhone", "soita meille"))
                .put(Readiness.API + "/texts/en").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("supportEmail"))
                .body("violations.field", hasItem("supportPhone"));
        admin.as().body(Map.of("emergencyInstructions", "x".repeat(4001))).put(Readiness.API + "/texts/en")
                .then().statusCode(400).body("violations.field", hasItem("emergencyInstructions"));
        admin.as().body(Map.of()).put(Readiness.API + "/texts/de").then().statusCode(404);
        new Browser().language("en").get("/help/support").then().statusCode(200)
                .body(containsString(DEFAULT_PHONE)).body(not(containsString("ei-osoite")));

        Browser browser = new Browser().signIn(admin.username(), Api.PASSWORD);
        browser.get("/admin/readiness/texts/en").then().statusCode(200)
                .body(containsString("Oletus: " + DEFAULT_PHONE));
        browser.post("/admin/readiness/texts/en", Map.of("supportEmail", "ei-osoite", "supportPhone", "",
                        "supportHours", "", "emergencyInstructions", "Keep this", "technicalInstructions", ""))
                .then().statusCode(400)
                .body(containsString("id=\"f-supportEmail-error\">Anna sähköpostiosoite muodossa nimi@esimerkki.fi."))
                .body(containsString(">Keep this</textarea>"));
        new Browser().language("en").get("/help/emergency").then().statusCode(200).body(not(containsString("Keep this")));
    }

    private static long appointment(Api.Account specialist, Api.Account client) {
        Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(30).toString()));
        String startsAt = OffsetDateTime.now(Dates.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
        return specialist.as().body(Map.of("clientId", client.id(), "startsAt", startsAt, "durationMinutes", 30,
                        "topic", "Tavoitteiden tarkistus"))
                .post("/api/v1/appointments").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
