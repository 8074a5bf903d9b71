package fi.askel.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknown_api_address_is_a_problem_document() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://askel.fi/problems/not-found"))
                .body("title", equalTo("Ei löytynyt"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void malformed_json_is_400_without_internals() {
        Api.Account admin = Api.admin();
        admin.as().header("Accept-Language", "en").body("{\"username\": ").post("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON."))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrong_type_names_the_field() {
        Api.Account client = Api.create("CLIENT");
        client.as().header("Accept-Language", "en").body("{\"locale\": {\"nested\": true}}").put("/api/v1/me/locale")
                .then().statusCode(400).body("violations[0].field", equalTo("locale"));
    }

    @Test
    void oversized_body_is_413_and_nothing_is_created() {
        Api.Account admin = Api.admin();
        String huge = "x".repeat(2 * 1024 * 1024);
        admin.as().body("{\"username\":\"huge-one\",\"displayName\":\"" + huge + "\"}").post("/api/v1/users")
                .then().statusCode(413);
        admin.as().get("/api/v1/users?size=200").then().body("username", not(org.hamcrest.Matchers.hasItem("huge-one")));
    }

    @Test
    void wrong_method_and_media_type_are_4xx_problems() {
        Api.Account admin = Api.admin();
        admin.as().delete("/api/v1/me").then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(admin.token()).contentType(ContentType.XML).body("<a/>").post("/api/v1/users")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void pages_get_a_friendly_error_page_in_the_users_language() {
        given().header("Accept-Language", "sv").get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("Hittades inte"))
                .body(containsString("Ring 112 i en nödsituation."));
    }
}
