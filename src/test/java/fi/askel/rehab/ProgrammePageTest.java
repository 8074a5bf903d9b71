package fi.askel.rehab;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client's printable programme: their current exercises with pictures, amount and instructions, nobody else's. */
@QuarkusTest
class ProgrammePageTest {

    @Test
    void the_programme_lists_the_clients_own_exercises_with_pictures_and_amounts() {
        Rehab.Team team = Rehab.team();
        Rehab.assign(team, "back-and-neck");
        Rehab.Team other = Rehab.team();
        Rehab.assign(other, "stress-and-relaxation");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/").then().statusCode(200).body(containsString("<a href=\"/programme\">Tulostettava harjoitusohjelma</a>"));
        String html = browser.get("/programme").then().statusCode(200)
                .body(containsString("<h1>Harjoitusohjelmani</h1>"))
                .body(containsString("Leuan sisäänveto"))
                .body(containsString("2 sarjaa, 10 toistoa, 5 päivänä viikossa"))
                .body(containsString("href=\"/static/programme.css\""))
                .body(containsString("<a href=\"/programme\" class=\"button\" data-print>Tulosta</a>"))
                // another client's module is not on the page
                .body(not(containsString("Stressi ja rentoutuminen")))
                .body(not(containsString("Rauhoittava hengitys")))
                .extract().asString();
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]*)\"").matcher(html);
        int pictures = 0;
        while (img.find()) {
            pictures++;
            assertFalse(img.group(2).isBlank(), "every picture has its alt text: " + img.group(1));
        }
        assertTrue(pictures >= 3, "the module's exercises are shown with their pictures: " + pictures);
        assertTrue(html.contains("alt=\"1: Sivulta kuvattu ihminen istuu selkä suorana"), "the chin tuck's picture");
        // the exercise's instructions are there as on its step
        assertTrue(html.contains("class=\"programme-instructions\"><"), "instructions are shown");
    }

    @Test
    void staff_have_no_programme_page_and_a_client_without_exercises_is_told_so() {
        Rehab.Team team = Rehab.team();
        new Browser().signIn(team.client().username(), Api.PASSWORD).get("/programme").then().statusCode(200)
                .body(containsString("Sinulla ei ole nyt harjoituksia."))
                .body(not(containsString("data-print")));
        assertEquals(403, new Browser().signIn(team.specialist().username(), Api.PASSWORD).get("/programme").statusCode());
    }
}
