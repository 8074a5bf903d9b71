package fi.askel.followup;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary lists the exercises of the client's modules with their pictures; the PDF says what each shows. */
@QuarkusTest
class SummaryIllustrationTest {

    @Test
    void the_summary_shows_each_exercise_with_its_picture_on_the_page_and_in_the_pdf() throws IOException {
        Rehab.Team team = Rehab.team();
        Rehab.assign(team, "back-and-neck");
        Browser browser = ClientPagesTest.signIn(team.specialist());
        String page = browser.get("/clients/" + team.client().id() + "/summary").then().statusCode(200)
                .body(containsString("<h2>Harjoitukset</h2>"))
                .body(containsString("<h3>Leuan sisäänveto <span class=\"muted\">(Selän ja niskan harjoitteet kotona)</span></h3>"))
                .extract().asString();
        assertTrue(page.matches("(?s).*<img class=\"summary-image\" src=\"/api/v1/modules/back-and-neck/\\d+/images/[0-9a-f]{16}"
                + "/chin-tuck\\.svg\" alt=\"1: Sivulta kuvattu ihminen[^\"]+\" width=\"400\" height=\"200\"/>.*"), page);

        try (PDDocument document = Loader.loadPDF(browser.get("/clients/" + team.client().id() + "/summary.pdf").asByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Leuan sisäänveto"), text);
            // the drawing itself, not its description in words, is in the PDF: a figure a screen reader reads by its alt text
            assertFalse(text.contains("Kuva: 1: Sivulta kuvattu ihminen"), text);
            List<String> figures = new ArrayList<>();
            figures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
            assertTrue(figures.stream().anyMatch(alt -> alt.startsWith("1: Sivulta kuvattu ihminen istuu selkä suorana")),
                    figures.toString());
        }
    }

    /** The alt texts of the PDF's tagged figures (PDF/UA). */
    private static void figures(List<Object> kids, List<String> found) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    found.add(e.getAlternateDescription());
                }
                figures(e.getKids(), found);
            }
        }
    }
}
