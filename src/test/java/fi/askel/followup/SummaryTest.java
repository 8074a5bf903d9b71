package fi.askel.followup;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryTest {

    @Test
    void the_summary_has_what_the_rehabilitation_report_needs_as_a_page_and_as_a_pdf() throws IOException {
        Rehab.Team team = Rehab.team();
        long start = ReviewPagesTest.submitted(team, "wellbeing-who5");
        team.specialist().as().body(Map.of("decision", "APPROVED", "comment", "Hyvää työtä, jatka kävelyä ja lepää."))
                .post("/api/v1/assignments/" + start + "/review").then().statusCode(200);
        long end = Rehab.assign(team, "wellbeing-who5");
        ClientOverviewApiTest.answerWho5(team, end, 2);
        Rehab.assign(team, "sleep-and-recovery");
        String base = "/api/v1/clients/" + team.client().id();
        long goal = team.specialist().as().body(Map.of("title", "Jaksan käydä kävelyllä", "weight", 2, "levels",
                        Map.of("-2", "En käy", "-1", "Kerran viikossa", "0", "Kolmesti viikossa", "1", "Viidesti", "2", "Joka päivä")))
                .post(base + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        team.specialist().as().body(Map.of("score", -1, "phase", "BASELINE")).post("/api/v1/goals/" + goal + "/ratings").then().statusCode(200);
        team.specialist().as().body(Map.of("score", 1, "phase", "FINAL")).post("/api/v1/goals/" + goal + "/ratings").then().statusCode(200);

        Browser browser = ClientPagesTest.signIn(team.specialist());
        browser.get("/clients/" + team.client().id()).then().statusCode(200)
                .body(containsString("href=\"/clients/" + team.client().id() + "/summary\""))
                .body(containsString("href=\"/clients/" + team.client().id() + "/summary.pdf\""));
        browser.get("/clients/" + team.client().id() + "/summary").then().statusCode(200)
                .body(containsString("<h1>Yhteenveto kuntoutuksesta: Test " + team.client().username() + "</h1>"))
                .body(containsString("Kuntoutuskurssi"))
                .body(containsString(Dates.today().minusDays(10).getDayOfMonth() + "."))
                .body(containsString("Test " + team.specialist().username()))
                .body(containsString("<th scope=\"row\">Hyvinvointini (WHO-5)</th>"))
                .body(containsString("<th scope=\"row\">Uni ja palautuminen</th><td>Ei aloitettu</td>"))
                .body(containsString("<th scope=\"row\">Alku</th><td>40,0</td>"))
                .body(containsString("<th scope=\"row\">Loppu</th><td>60,0</td>"))
                .body(containsString("\u22121: Kerran viikossa"))
                .body(containsString("<strong>100 / 100</strong>"))
                .body(containsString("<strong>40 / 100</strong>"))
                .body(containsString("\u221260 (heikentynyt)"))
                .body(containsString("Hyvää työtä, jatka kävelyä ja lepää."))
                .body(containsString("/static/followup.css"));

        Response pdf = browser.get("/clients/" + team.client().id() + "/summary.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("attachment; filename=\"kuntoutusyhteenveto-" + team.client().username() + "-" + Dates.today() + ".pdf\"",
                pdf.header("Content-Disposition"));
        byte[] bytes = pdf.asByteArray();
        assertTrue(new String(bytes, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Yhteenveto kuntoutuksesta: Test " + team.client().username()), text);
            assertTrue(text.contains("Hyvää työtä, jatka kävelyä ja lepää."), text);
            assertTrue(text.contains("Jaksan käydä kävelyllä"), text);
            assertTrue(text.contains("\u22121: Kerran viikossa"), text);
            assertTrue(text.contains("Kuntoutuskurssi"), text);
            assertEquals("Yhteenveto kuntoutuksesta: Test " + team.client().username(), document.getDocumentInformation().getTitle());
        }
        // In Swedish, with the letters Swedish needs.
        Response sv = browser.get("/clients/" + team.client().id() + "/summary.pdf?lang=sv");
        try (PDDocument document = Loader.loadPDF(sv.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Sammandrag av rehabiliteringen"), text);
            assertTrue(text.contains("Enkäter i början och i slutet"), text);
            assertTrue(text.contains("Rehabiliteringsperioder"), text);
        }
        assertTrue(sv.header("Content-Disposition").contains("rehabiliteringssammandrag-"));
    }
}
