package fi.askel.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Rehab;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding one account among hundreds: by part of the name or username, page by page, never another specialist's client. */
@QuarkusTest
class UserSearchTest {

    @Test
    void an_admin_finds_an_account_by_part_of_its_name_in_any_case() {
        String surname = Api.unique("Virtanen").replace("-", "");
        long id = createClient("Aino " + surname);
        Browser admin = Browser.newAdmin();
        admin.get("/users?q=" + surname.toUpperCase()).then().statusCode(200)
                .body(containsString("Aino " + surname))
                .body(containsString("href=\"/admin/users/" + id + "/export\""))
                .body(containsString("value=\"" + surname.toUpperCase() + "\""));
        Api.admin().as().queryParam("q", "aino " + surname.toLowerCase()).get("/api/v1/users").then().statusCode(200)
                .body("id", equalTo(java.util.List.of((int) id)));
    }

    @Test
    void percent_and_underscore_are_searched_for_as_typed() {
        String surname = Api.unique("Korhonen").replace("-", "");
        createClient("Eino " + surname);
        Api.admin().as().queryParam("q", "%" + surname).get("/api/v1/users").then().statusCode(200).body("size()", equalTo(0));
        Api.admin().as().queryParam("q", "E_no " + surname).get("/api/v1/users").then().statusCode(200).body("size()", equalTo(0));
        Browser.newAdmin().request().queryParam("q", "E_no " + surname).get("/users").then().statusCode(200)
                .body(containsString("Haulla ”E_no " + surname + "” ei löytynyt käyttäjätilejä."));
    }

    @Test
    void a_search_that_is_too_long_is_refused_and_says_why() {
        String longText = "a".repeat(UserSearch.MAX_LENGTH + 1);
        Api.admin().as().get("/api/v1/users?q=" + longText).then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        Browser.newAdmin().get("/users?q=" + longText).then().statusCode(400)
                .body(containsString("Hakusana on liian pitkä: enintään 100 merkkiä."))
                .body(containsString("aria-invalid=\"true\""));
    }

    @Test
    void the_list_is_paged_and_the_pages_keep_the_search() {
        String family = Api.unique("Nieminen").replace("-", "");
        for (int i = 0; i < UsersPage.PAGE_SIZE + 1; i++) {
            createClient(String.format("%s %02d", family, i));
        }
        Browser admin = Browser.newAdmin();
        admin.get("/users?q=" + family).then().statusCode(200)
                .body(containsString(family + " 00"))
                .body(not(containsString(family + " 50")))
                .body(containsString("href=\"/users?q=" + family + "&amp;page=1\" rel=\"next\""));
        admin.get("/users?q=" + family + "&page=1").then().statusCode(200)
                .body(containsString(family + " 50"))
                .body(not(containsString(family + " 00<")))
                .body(containsString("rel=\"prev\""))
                .body(not(containsString("rel=\"next\"")));
    }

    @Test
    void a_specialist_finds_only_the_clients_they_may_see() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        String mine = team.client().username();
        String theirs = other.client().username();
        team.specialist().as().get("/api/v1/users?q=" + mine).then().statusCode(200)
                .body("username", hasItem(mine));
        team.specialist().as().get("/api/v1/users?q=" + theirs).then().statusCode(200)
                .body("size()", equalTo(0));
        new Browser().signIn(team.specialist().username(), Api.PASSWORD).get("/users?q=" + theirs).then().statusCode(200)
                .body(not(containsString(theirs + "<")))
                .body(containsString("<h2 id=\"account-list\">Asiakkaat</h2>"));
    }

    private static long createClient(String displayName) {
        return Api.admin().as().body(Map.of("username", Api.unique("c"), "displayName", displayName, "role", "CLIENT",
                "locale", "fi", "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
