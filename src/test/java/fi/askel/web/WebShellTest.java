package fi.askel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebShellTest {

    @Test
    void login_page_speaks_the_browsers_language_and_shows_help_contacts() {
        new Browser().get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"fi\">"))
                .body(containsString("Kirjaudu Askel-palveluun"))
                .body(containsString("<label for=\"f-username\">Käyttäjätunnus"))
                .body(containsString("href=\"/help/emergency\""))
                .body(containsString("href=\"/help/support\""))
                .body(containsString("Hätätilanteessa soita 112."))
                .body(containsString("tuki@askel.example"));
        new Browser().language("sv-FI,sv;q=0.9").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("Logga in på Askel"));
    }

    @Test
    void signing_in_sets_httponly_strict_cookies_and_opens_the_dashboard() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        browser.get("/login");
        Response r = browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD,
                "next", "/"));
        assertEquals(303, r.statusCode());
        String setCookie = String.join("\n", r.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("askel_token="), setCookie);
        assertTrue(setCookie.matches("(?is).*askel_token=[^\\n]*HttpOnly[^\\n]*"), setCookie);
        assertTrue(setCookie.matches("(?s).*askel_token=[^\\n]*SameSite=Strict[^\\n]*"), setCookie);
        // Over plain HTTP (development) the names stay plain: a browser would refuse a __Host- cookie here.
        assertTrue(r.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("askel_token=")), setCookie);
        assertTrue(!setCookie.contains("__Host-askel_token"), setCookie);
        browser.get("/").then().statusCode(200)
                .body(containsString("Hei, Test " + client.username()))
                .body(containsString("Sinulla ei ole vielä harjoituksia"))
                .body(containsString("aria-current=\"page\""));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        browser.get("/login");
        Response r = browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD,
                "csrf-token", "forged"));
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("askel_token=")));
        // A cross-site page has no token cookie at all.
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", client.username(), "password", Api.PASSWORD))
                .post("/login").then().statusCode(400);
    }

    @Test
    void wrong_password_keeps_the_username_and_says_what_happened() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", Map.of("username", client.username(), "password", "not-the-password"))
                .then().statusCode(401)
                .body(containsString("role=\"alert\""))
                .body(containsString("Käyttäjätunnus tai salasana on väärin."))
                .body(containsString("value=\"" + client.username() + "\""));
    }

    @Test
    void pages_need_a_sign_in_and_come_back_after_it() {
        new Browser().get("/users?x=1").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fusers%3Fx%3D1"));
        Api.Account specialist = Api.create("SPECIALIST");
        Browser browser = new Browser();
        browser.get("/login?next=/users");
        // Staff have a second factor: the code step keeps where they were going.
        browser.post("/login", Map.of("username", specialist.username(), "password", Api.PASSWORD, "next", "/users"))
                .then().statusCode(200).body(containsString("value=\"/users\""));
        browser.post("/login/code", Map.of("code", Api.totp(specialist.username()), "next", "/users"))
                .then().statusCode(303).header("Location", containsString("/users"));
    }

    @Test
    void next_never_leaves_the_site() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        browser.get("/login");
        for (String evil : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example"}) {
            // Signed out again for the next try: the refresh cookie would sign the browser in, and the form's
            // token belongs to the signed-out page it came from.
            browser.cookies.remove("askel_token");
            browser.cookies.remove("askel_refresh");
            String location = browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD,
                    "next", evil)).header("Location");
            assertTrue(location.endsWith("/") && !location.contains("evil"), location);
        }
    }

    @Test
    void expired_access_cookie_is_renewed_from_the_refresh_cookie_on_the_same_request() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        String oldRefresh = browser.cookies.get("askel_refresh");
        browser.cookies.put("askel_token", "expired.or.broken");
        Response r = browser.get("/");
        r.then().statusCode(200).body(containsString("Hei, Test " + client.username()));
        assertNotEquals("expired.or.broken", browser.cookies.get("askel_token"));
        assertNotEquals(oldRefresh, browser.cookies.get("askel_refresh"));
        browser.get("/").then().statusCode(200);
    }

    @Test
    void signing_out_ends_the_browser_session() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        Map<String, String> stolen = Map.copyOf(browser.cookies);
        browser.get("/");
        browser.post("/logout", Map.of()).then().statusCode(303).header("Location", containsString("/login"));
        given().redirects().follow(false).cookies(stolen).get("/").then().statusCode(303);
    }

    @Test
    void language_switch_is_remembered_in_the_account() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/");
        browser.post("/language", Map.of("lang", "sv", "next", "/")).then().statusCode(303);
        browser.get("/").then().body(containsString("<html lang=\"sv\">")).body(containsString("Hej, Test"));
        client.as().get("/api/v1/me").then().body("locale", equalTo("sv"));
    }

    @Test
    void cookie_signed_api_calls_need_the_requested_with_header_to_change_anything() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.request().get("/api/v1/me").then().statusCode(200).body("username", equalTo(client.username()));
        browser.request().contentType("application/json").body("{\"locale\":\"en\"}").put("/api/v1/me/locale")
                .then().statusCode(401);
        client.as().get("/api/v1/me").then().body("locale", equalTo("fi"));
        browser.request().header("X-Requested-With", "askel").contentType("application/json")
                .body("{\"locale\":\"en\"}").put("/api/v1/me/locale").then().statusCode(200);
    }

    @Test
    void account_form_keeps_what_was_typed_and_marks_the_wrong_field() {
        Api.Account specialist = Api.create("SPECIALIST");
        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        browser.get("/users").then().statusCode(200)
                .body(containsString("<option value=\"CLIENT\""))
                .body(not(containsString("<option value=\"ADMIN\"")));
        String username = Api.unique("newclient");
        browser.post("/users", Map.of("displayName", "Kalle Kokeilu", "username", username, "role", "CLIENT",
                "locale", "fi", "email", "", "password", "short"))
                .then().statusCode(400)
                .body(containsString("value=\"Kalle Kokeilu\""))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Salasanassa pitää olla vähintään 12 merkkiä."));
        browser.post("/users", Map.of("displayName", "Kalle Kokeilu", "username", username, "role", "CLIENT",
                "locale", "fi", "email", "", "password", Api.PASSWORD))
                .then().statusCode(303).header("Location", containsString("/users?created=" + username + "&q=" + username));
        // The list shown after the redirect holds the new account, however many others sort before it.
        browser.get("/users?created=" + username + "&q=" + username).then().body(containsString("Kalle Kokeilu"));
    }

    @Test
    void client_sees_a_friendly_403_page_for_staff_pages() {
        Api.Account client = Api.create("CLIENT");
        new Browser().signIn(client.username(), Api.PASSWORD).get("/users").then().statusCode(403)
                .body(containsString("Ei oikeutta"))
                .body(not(containsString("Exception")));
    }

    @Test
    void help_pages_are_public() {
        new Browser().language("en").get("/help/emergency").then().statusCode(200)
                .body(containsString("In an emergency, call 112."))
                .body(containsString("09 2525 0116"))
                // The shared safety text, the same words the modules include.
                .body(containsString("class=\"safety-text"))
                .body(containsString("<h3>Chest pain</h3>"))
                .body(containsString("Shared safety advice, version 1"));
        new Browser().language("sv").get("/help/support").then().statusCode(200)
                .body(containsString("Tekniska problem och support"));
        new Browser().get("/static/askel.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void the_accessibility_statement_is_public_in_three_languages_and_every_footer_links_to_it() {
        new Browser().language("fi").get("/help/accessibility").then().statusCode(200)
                .body(containsString("<h1>Saavutettavuusseloste</h1>"))
                .body(containsString("täyttää osittain WCAG 2.1 -ohjeiston AA-tason"))
                .body(containsString("Videovastaanotoissa ei ole tekstitystä"))
                .body(containsString("Saavutettavuus on arvioitu viimeksi 5.12.2026."))
                .body(containsString("Arvioimme palvelun itse."))
                .body(containsString("Vastaamme 14 päivän kuluessa."))
                .body(containsString("axe-core"))
                // Feedback goes to the provider's own support, as in the footer.
                .body(containsString("href=\"mailto:tuki@askel.example\""))
                // The authority is the law's, fixed in the bundles: Traficom since 2025.
                .body(containsString("Liikenne- ja viestintävirasto Traficom"))
                .body(containsString("href=\"mailto:saavutettavuus@traficom.fi\""))
                .body(containsString("href=\"https://www.saavutettavuusvaatimukset.fi\""));
        new Browser().language("sv").get("/help/accessibility").then().statusCode(200)
                .body(containsString("<h1>Tillgänglighetsutlåtande</h1>"))
                .body(containsString("Transport- och kommunikationsverket Traficom"))
                .body(containsString("Tillgängligheten bedömdes senast 5.12.2026."));
        new Browser().language("en").get("/help/accessibility").then().statusCode(200)
                .body(containsString("<h1>Accessibility statement</h1>"))
                .body(containsString("on 5 Dec 2026"));
        // Linked from the footer of a public page and of a signed-in one.
        new Browser().get("/login").then().body(containsString("<a href=\"/help/accessibility\">Saavutettavuusseloste</a>"));
        Api.Account client = Api.create("CLIENT", "sv");
        new Browser().signIn(client.username(), Api.PASSWORD).get("/help").then().statusCode(200)
                .body(containsString("<a href=\"/help/accessibility\">Tillgänglighetsutlåtande</a>"));
    }

    @Test
    void each_role_has_a_public_guide_with_numbered_steps_and_pictures_and_the_footer_links_to_ones_own() {
        new Browser().language("fi").get("/help/client").then().statusCode(200)
                .body(containsString("<h1>Ohjeet asiakkaalle</h1>"))
                .body(containsString("<ol class=\"guide-steps\">"))
                .body(containsString("Paina sitten Kirjaudu."))
                .body(containsString("src=\"/static/help/sign-in-fi.png\" alt=\"Kirjautumissivu: kentät Käyttäjätunnus"));
        new Browser().language("sv").get("/help/specialist").then().statusCode(200)
                .body(containsString("<h1>Anvisningar för rehabiliteringsexperter</h1>"))
                .body(containsString("src=\"/static/help/staff-code-sv.png\""));
        new Browser().language("en").get("/help/admin").then().statusCode(200)
                .body(containsString("Press Create account."))
                .body(containsString("src=\"/static/help/admin-access-log-en.png\""));
        new Browser().get("/static/help/client-step-fi.png").then().statusCode(200).contentType("image/png");
        new Browser().get("/help/nobody").then().statusCode(404);
        // Not signed in: the footer leads to all the guides; signed in, to the guide for one's own role.
        new Browser().language("en").get("/login").then().body(containsString("<a href=\"/help\">How to use Askel</a>"));
        Api.Account client = Api.create("CLIENT", "en");
        new Browser().signIn(client.username(), Api.PASSWORD).get("/").then().statusCode(200)
                .body(containsString("<a href=\"/help/client\">How to use Askel</a>"));
        Api.Account specialist = Api.create("SPECIALIST", "en");
        new Browser().signIn(specialist.username(), Api.PASSWORD).get("/help").then().statusCode(200)
                .body(containsString("<a href=\"/help/specialist\">How to use Askel</a>"))
                .body(containsString("<a href=\"/help/specialist\">Guide for rehabilitation specialists</a> <strong>(for you)</strong>"));
    }
}
