package fi.askel.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping client for the server-rendered pages: follows what a browser would send,
 * including the CSRF token of the last form it was shown. Redirects are not followed, so tests
 * can see them.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    public final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String csrf;
    private String language;

    public Browser language(String lang) {
        this.language = lang;
        return this;
    }

    /** Sends this header with every request (e.g. X-Forwarded-For, to come from an address of the test's own). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).cookies(cookies).headers(headers);
        return language == null ? spec : spec.header("Accept-Language", language);
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    /** Posts a form the way the page's own form would, with the CSRF token it carried. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        if (csrf != null && !fields.containsKey("csrf-token")) {
            fields.put("csrf-token", csrf);
        }
        return remember(request().contentType("application/x-www-form-urlencoded").formParams(fields).post(path));
    }

    /** Posts a form with lists of ticked boxes ({@code log[]}) besides its single fields, with the page's CSRF token. */
    public Response post(String path, Map<String, String> form, Map<String, java.util.List<String>> lists) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded").formParams(form);
        if (csrf != null && !form.containsKey("csrf-token")) {
            spec = spec.formParam("csrf-token", csrf);
        }
        for (Map.Entry<String, java.util.List<String>> list : lists.entrySet()) {
            spec = spec.formParam(list.getKey(), list.getValue().toArray());
        }
        return remember(spec.post(path));
    }

    /**
     * A new admin account (in Finnish), signed in through the pages. Use it rather than the bootstrap admin where
     * any admin will do: every test shares the bootstrap admin's TOTP steps, each sign-in uses one, and after three
     * in 90 seconds the next sign-in waits up to 30 seconds for the clock.
     */
    public static Browser newAdmin() {
        return newAdmin("fi");
    }

    /** {@link #newAdmin()} with the account's and the browser's language. */
    public static Browser newAdmin(String lang) {
        Api.Account admin = Api.create("ADMIN", lang);
        return new Browser().language(lang).signIn(admin.username(), Api.PASSWORD);
    }

    /** Signs in through the sign-in page, answering its second step with a computed code when the account has one. */
    public Browser signIn(String username, String password) {
        get("/login");
        Response r = post("/login", Map.of("username", username, "password", password));
        if (r.statusCode() == 200 && r.asString().contains("action=\"/login/code\"")) {
            r = post("/login/code", Map.of("code", Api.signInCode(username)));
        }
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed with " + r.statusCode());
        }
        // As a browser does: it loads the page it is sent to, whose forms carry the signed-in session's token.
        String location = r.getHeader("Location");
        get(location == null || !location.startsWith("/") ? "/" : location);
        return this;
    }

    private Response remember(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty() || (c.hasMaxAge() && c.getMaxAge() == 0)) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        Matcher m = CSRF.matcher(response.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }
}
