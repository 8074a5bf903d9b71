package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a browser is told about every response, whatever produced it. */
@QuarkusTest
class SecurityHeadersTest {

    /**
     * A page, the API (both signed-out and unknown paths), a static file, the error pages and a framework route of
     * its own (the API description; health and metrics are on the management port, which browsers never see).
     */
    static final List<String> PATHS = List.of("/login", "/api/v1/me", "/api/v1/no-such-thing",
            "/static/askel.css", "/no-such-page", "/help", "/q/openapi");

    @Test
    void every_kind_of_response_carries_the_browser_security_headers() {
        for (String path : PATHS) {
            Response r = given().redirects().follow(false).get(path);
            String why = path + " (" + r.statusCode() + ")";
            assertEquals("nosniff", r.header("X-Content-Type-Options"), why);
            assertEquals("same-origin", r.header("Referrer-Policy"), why);
            assertEquals("DENY", r.header("X-Frame-Options"), why);
            String csp = r.header("Content-Security-Policy");
            org.hamcrest.MatcherAssert.assertThat(why, csp, allOf(containsString("script-src 'self'"),
                    containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                    not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))));
            org.hamcrest.MatcherAssert.assertThat(why, r.header("Permissions-Policy"),
                    allOf(containsString("camera=()"), containsString("microphone=()")));
        }
    }

    @Test
    void only_video_call_pages_may_ask_for_camera_and_microphone() {
        given().redirects().follow(false).get("/calls/1").then()
                .header("Permissions-Policy", allOf(containsString("camera=(self)"), containsString("microphone=(self)")));
        given().redirects().follow(false).get("/assignments/1").then()
                .header("Permissions-Policy", containsString("camera=()"));
    }

    @Test
    void personal_pages_are_not_cached_but_static_files_are() {
        given().get("/login").then().header("Cache-Control", equalTo("no-store"));
        given().get("/api/v1/me").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        given().get("/static/askel.css").then().statusCode(200).header("Cache-Control", containsString("max-age"));
    }

    @Test
    void plain_http_gets_no_hsts_and_is_not_redirected_unless_configured() {
        given().redirects().follow(false).get("/login").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }
}
