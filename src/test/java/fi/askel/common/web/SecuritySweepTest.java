package fi.askel.common.web;

import static fi.askel.common.web.JaxRsRoutes.concrete;
import static fi.askel.common.web.JaxRsRoutes.consumesMultipart;
import static fi.askel.common.web.JaxRsRoutes.hasParam;
import static fi.askel.common.web.JaxRsRoutes.routes;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.Dates;
import fi.askel.common.web.JaxRsRoutes.Route;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import fi.askel.support.SweepHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The security review's sweeps, kept. Routes are not listed by hand: every JAX-RS method in the compiled
 * classes is found by reflection, so a page or list added tomorrow is swept too.
 * <ul>
 * <li>every unsafe page route (outside /api) without a CSRF token, with a wrong one, with another
 * session's, with no Content-Type and through a double slash: refused (400, "reload the page") before it runs;</li>
 * <li>every list with an extreme or malformed {@code page}/{@code size}: 400 naming the parameter;</li>
 * <li>every {@code next} parameter with control characters or another site: a safe local path, never a 500;</li>
 * <li>cookie-carried API calls without X-Requested-With through a disguised path: not signed in;</li>
 * <li>a specialist acting on a client they do not follow: 404.</li>
 * </ul>
 * The routes come from {@link JaxRsRoutes}.
 */
@QuarkusTest
class SecuritySweepTest {

    @Test
    void every_unsafe_page_route_refuses_requests_without_the_right_token_and_changes_nothing() {
        List<Route> routes = routes().stream().filter(r -> !r.method().equals("GET") && !RequestPaths.isApi(r.path())).toList();
        assertTrue(routes.size() > 30, "the sweep found the page forms: " + routes.size());
        Api.admin();
        Browser admin = Browser.newAdmin();
        Api.Account specialistAccount = Api.create("SPECIALIST");
        Api.Account clientAccount = Api.create("CLIENT");
        // Each route is tried as someone its role check lets through, so the refusal seen is the token's.
        List<Browser> callers = List.of(admin, new Browser().signIn(specialistAccount.username(), Api.PASSWORD),
                new Browser().signIn(clientAccount.username(), Api.PASSWORD));
        Browser other = new Browser();
        String othersToken = token(other.get("/login").asString());

        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            String path = concrete(route.path());
            // An upload form (multipart) is sent as one; a multipart endpoint does not match a body-less request (415).
            boolean multipart = consumesMultipart(route.java());
            Browser caller = null;
            for (Browser candidate : callers) {
                Response r = form(candidate, multipart, "x", "1").request(route.method(), path);
                if (r.statusCode() != 403) {
                    caller = candidate;
                    break;
                }
            }
            if (caller == null) {
                failures.add("no kind of caller gets past the role check of " + route.method() + " " + route.path());
                continue;
            }
            String token = token(caller.get("/").asString());
            expectRefused(failures, route, "no token", form(caller, multipart, "x", "1").request(route.method(), path));
            expectRefused(failures, route, "wrong token", form(caller, multipart, "csrf-token", token.substring(1) + "A")
                    .request(route.method(), path));
            expectRefused(failures, route, "another browser's token", form(caller, multipart, "csrf-token", othersToken)
                    .request(route.method(), path));
            Response bare = caller.request().request(route.method(), path);
            if (!multipart || bare.statusCode() != 415) {
                expectRefused(failures, route, "no Content-Type", bare);
            }
            // A form endpoint does not even match JSON (415); either way nothing runs.
            Response json = caller.request().contentType("application/json").body("{}").request(route.method(), path);
            if (json.statusCode() != 415) {
                expectRefused(failures, route, "JSON", json);
            }
            Response slash = given().urlEncodingEnabled(false).redirects().follow(false)
                    .cookies(caller.cookies).request(route.method(), "/" + path);
            if (!multipart || slash.statusCode() != 415) {
                expectRefused(failures, route, "double slash", slash);
            }
        }
        assertEquals(List.of(), failures);

        // Nothing ran: everyone is still signed in (no /logout), in Finnish (no /language).
        for (Browser caller : callers) {
            caller.get("/").then().statusCode(200);
            assertTrue(caller.get("/").asString().contains("lang=\"fi\""));
        }
        // ...and the check is not simply broken: the page's own form with its token works.
        admin.post("/language", Map.of("lang", "fi", "next", "/")).then().statusCode(303);
    }

    @Test
    void every_list_refuses_extreme_or_malformed_paging_with_400_naming_the_parameter() throws IOException {
        List<Route> lists = routes().stream().filter(r -> r.method().equals("GET")
                && (hasParam(r.java(), QueryParam.class, "page") || hasParam(r.java(), QueryParam.class, "size"))).toList();
        assertTrue(lists.size() >= 8, "the sweep found the lists: " + lists);
        Api.Account admin = Api.admin();
        List<String> failures = new ArrayList<>();
        for (Route list : lists) {
            String path = concrete(list.path());
            for (String query : List.of("page=2147483647", "page=-1", "page=abc", "page=99999999999", "size=2147483647",
                    "size=0", "size=-5")) {
                String name = query.substring(0, query.indexOf('='));
                SweepHttp.Answer r = SweepHttp.send(new SweepHttp.Request("GET", path + "?" + query, admin.token(), null, null));
                if (r.status() != 400) {
                    failures.add(path + "?" + query + " → " + r.status());
                } else if (RequestPaths.isApi(path) && !name.equals(JsonPath.from(r.body()).getString("violations[0].field"))) {
                    failures.add(path + "?" + query + " does not name " + name + ": " + r.body());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void every_next_parameter_with_control_characters_or_another_site_stays_a_safe_local_path() {
        List<Route> withNext = routes().stream().filter(r -> hasParam(r.java(), QueryParam.class, "next")
                || hasParam(r.java(), FormParam.class, "next")).toList();
        assertTrue(withNext.size() >= 5, "the sweep found the redirect parameters: " + withNext);
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        List<String> bad = List.of("/x\ty", "/x y", "/x\r\nSet-Cookie: a=b", "/\u0000", "//evil.example/", "/\\evil.example",
                "https://evil.example/", "\t/", "/%0d%0aX:y");
        List<String> failures = new ArrayList<>();
        for (Route route : withNext) {
            String path = concrete(route.path());
            for (String next : bad) {
                Response r = route.method().equals("GET")
                        ? browser.request().queryParam("next", next).get(path)
                        : browser.post(path, Map.of("next", next));
                String location = r.getHeader("Location");
                if (r.statusCode() >= 500) {
                    failures.add(route.method() + " " + path + " next=" + next.replace("\r", "\\r").replace("\n", "\\n") + " → " + r.statusCode());
                }
                if (location != null && (location.contains("evil") || location.matches("(?s).*[\\s\\x00-\\x1f].*")
                        || !(location.startsWith("/") && !location.startsWith("//")))) {
                    failures.add(route.method() + " " + path + " next=" + next + " → Location " + location);
                }
                if (r.asString().contains("evil.example")) {
                    failures.add(route.method() + " " + path + " next=" + next + " echoed another site");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void signing_in_with_a_broken_next_lands_on_a_safe_path_with_the_session_set() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        browser.get("/login");
        Response r = browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD, "next", "/help\there"));
        assertEquals(303, r.statusCode());
        assertEquals("/", r.getHeader("Location"));
        browser.get("/").then().statusCode(200);
    }

    @Test
    void redirect_locations_never_carry_a_host_the_client_made_up() {
        Browser browser = new Browser();
        String token = token(browser.get("/login").asString());
        Response r = browser.request().header("Host", "evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("lang", "sv").formParam("next", "/help")
                .post("/language");
        assertEquals(303, r.statusCode());
        assertEquals("/help", r.getHeader("Location"));
    }

    @Test
    void cookie_carried_api_calls_without_x_requested_with_are_not_signed_in_whatever_the_path() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        for (String path : List.of("//api/v1/me/locale", "/%61pi/v1/me/locale", "/static/../api/v1/me/locale", "/api//v1/me/locale")) {
            int status = given().urlEncodingEnabled(false).redirects().follow(false).cookies(browser.cookies)
                    .contentType("application/json").body(Map.of("locale", "sv")).put(path).statusCode();
            assertTrue(status == 401 || status == 404 || status == 400, path + " → " + status);
        }
        for (String path : List.of("//api/v1/auth/logout", "/%61pi/v1/auth/logout", "/api//v1/auth/logout")) {
            int status = given().urlEncodingEnabled(false).redirects().follow(false).cookies(browser.cookies)
                    .contentType("application/json").post(path).statusCode();
            assertTrue(status == 401 || status == 404 || status == 400, path + " → " + status);
        }
        // Still signed in, still in Finnish: neither the locale nor the sign-in was touched.
        browser.get("/").then().statusCode(200);
        assertEquals("fi", client.as().get("/api/v1/me").jsonPath().getString("locale"));
        // With the header the same call goes through (the rule is not simply closing the door).
        browser.request().header("X-Requested-With", "fetch").contentType("application/json").body(Map.of("locale", "sv"))
                .put("/api/v1/me/locale").then().statusCode(200);
    }

    @Test
    void a_specialist_acting_on_a_client_they_do_not_follow_gets_404() {
        Rehab.Team team = Rehab.team();
        Api.Account stranger = Api.create("SPECIALIST");
        long group = stranger.as().body(Map.of("name", Api.unique("Group"), "description", "x")).post("/api/v1/groups")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long clientId = team.client().id();
        stranger.as().get("/api/v1/clients/" + clientId + "/gas").then().statusCode(404);
        stranger.as().get("/api/v1/users/" + clientId).then().statusCode(404);
        stranger.as().body(Map.of("userId", clientId)).post("/api/v1/groups/" + group + "/members").then().statusCode(404);
        stranger.as().body(Map.of("clientId", clientId, "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(404);
        Browser browser = new Browser().signIn(stranger.username(), Api.PASSWORD);
        browser.get("/clients/" + clientId).then().statusCode(404);
    }

    private static void expectRefused(List<String> failures, Route route, String how, Response r) {
        if (r.statusCode() != 400 || !r.asString().contains("Lataa sivu uudelleen")) {
            failures.add(how + ": " + route.method() + " " + route.path() + " → " + r.statusCode());
        }
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries a form token");
        return m.group(1);
    }

    private static io.restassured.specification.RequestSpecification form(Browser caller, boolean multipart, String name,
            String value) {
        return multipart ? caller.request().multiPart(name, value)
                : caller.request().contentType("application/x-www-form-urlencoded").formParam(name, value);
    }
}
