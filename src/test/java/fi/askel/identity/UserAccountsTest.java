package fi.askel.identity;

import fi.askel.common.Dates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAccountsTest {

    private static Map<String, Object> newUser(String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", Api.unique("u"));
        body.put("displayName", "Maija Mallikas");
        body.put("role", role);
        body.put("locale", "sv");
        body.put("email", "maija@example.org");
        body.put("password", Api.PASSWORD);
        return body;
    }

    @Test
    void admin_creates_every_role() {
        Api.Account admin = Api.admin();
        for (String role : new String[] {"CLIENT", "SPECIALIST", "ADMIN"}) {
            Map<String, Object> body = newUser(role);
            admin.as().body(body).post("/api/v1/users").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/users/"))
                    .body("username", equalTo(body.get("username")))
                    .body("role", equalTo(role))
                    .body("locale", equalTo("sv"))
                    .body("password", org.hamcrest.Matchers.nullValue())
                    .body("passwordHash", org.hamcrest.Matchers.nullValue());
            // The new account can sign in with the password it was given.
            Api.login((String) body.get("username"), Api.PASSWORD);
        }
    }

    @Test
    void specialist_creates_clients_only() {
        Api.Account specialist = Api.create("SPECIALIST");
        specialist.as().body(newUser("CLIENT")).post("/api/v1/users").then().statusCode(201);
        Map<String, Object> staff = newUser("SPECIALIST");
        specialist.as().body(staff).post("/api/v1/users").then().statusCode(403);
        specialist.as().body(newUser("ADMIN")).post("/api/v1/users").then().statusCode(403);
        Api.admin().as().get("/api/v1/users?role=SPECIALIST").then().statusCode(200)
                .body("username", not(hasItem(staff.get("username"))));
    }

    @Test
    void client_creates_no_accounts() {
        Api.Account client = Api.create("CLIENT");
        client.as().body(newUser("CLIENT")).post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void specialist_sees_their_clients_and_new_ones_but_not_staff_or_other_specialists_clients() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account otherSpecialist = Api.create("SPECIALIST");
        Api.Account newClient = Api.create("CLIENT");
        fi.askel.support.Rehab.Team theirs = fi.askel.support.Rehab.team();
        long myClient = period(specialist, Api.create("CLIENT"));
        specialist.as().get("/api/v1/users/" + newClient.id()).then().statusCode(200);
        specialist.as().get("/api/v1/users/" + myClient).then().statusCode(200);
        specialist.as().get("/api/v1/users/" + theirs.client().id()).then().statusCode(404);
        specialist.as().get("/api/v1/users/" + otherSpecialist.id()).then().statusCode(404);
        specialist.as().get("/api/v1/users?size=200").then().statusCode(200)
                .body("id", hasItem((int) myClient)).body("id", not(hasItem((int) theirs.client().id())))
                .body("role", not(hasItem("SPECIALIST"))).body("role", not(hasItem("ADMIN")));
        theirs.specialist().as().get("/api/v1/users/" + myClient).then().statusCode(404);
    }

    /** Opens a period for a new client with the specialist responsible; returns the client's id. */
    private static long period(Api.Account specialist, Api.Account client) {
        specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(201);
        return client.id();
    }

    @Test
    void password_policy_names_what_is_wrong_and_creates_nothing() {
        Api.Account admin = Api.admin();
        Map<String, String> cases = Map.of(
                "short-pw-1", "at least 12",
                "salasana1234", "too common",
                "{username}-and-more", "must not contain the username",
                "aaaaaaaaaaaaaaaa", "too common");
        for (var c : cases.entrySet()) {
            Map<String, Object> body = newUser("CLIENT");
            String username = (String) body.get("username");
            String password = c.getKey().replace("{username}", username.toUpperCase());
            body.put("password", password);
            admin.as().header("Accept-Language", "en").body(body).post("/api/v1/users").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("password"))
                    .body("violations.message", hasItem(org.hamcrest.Matchers.containsString(c.getValue())));
            given().contentType("application/json")
                    .body(Map.of("username", username, "password", password))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
    }

    @Test
    void duplicate_username_is_409() {
        Api.Account admin = Api.admin();
        Map<String, Object> body = newUser("CLIENT");
        admin.as().body(body).post("/api/v1/users").then().statusCode(201);
        admin.as().body(body).post("/api/v1/users").then().statusCode(409)
                .body("type", equalTo("https://askel.fi/problems/username-taken"));
    }

    @Test
    void bad_input_is_a_4xx_naming_the_field_and_changes_nothing() {
        Api.Account admin = Api.admin();
        Map<String, Object> unknown = newUser("CLIENT");
        unknown.put("isAdmin", true);
        admin.as().body(unknown).post("/api/v1/users").then().statusCode(400)
                .body("violations[0].field", equalTo("isAdmin"));
        Map<String, Object> wrongRole = newUser("CLIENT");
        wrongRole.put("role", "KING");
        admin.as().body(wrongRole).post("/api/v1/users").then().statusCode(400)
                .body("violations[0].field", equalTo("role"));
        Map<String, Object> badLocale = newUser("CLIENT");
        badLocale.put("locale", "de");
        admin.as().body(badLocale).post("/api/v1/users").then().statusCode(400)
                .body("violations.field", hasItem("locale"));
        for (Map<String, Object> body : java.util.List.of(unknown, wrongRole, badLocale)) {
            given().contentType("application/json")
                    .body(Map.of("username", body.get("username"), "password", Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        admin.as().get("/api/v1/users/not-a-number").then().statusCode(404);
        admin.as().get("/api/v1/users/99999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void user_changes_own_language() {
        Api.Account client = Api.create("CLIENT");
        client.as().body(Map.of("locale", "sv")).put("/api/v1/me/locale").then().statusCode(200)
                .body("locale", equalTo("sv"));
        client.as().body(Map.of("locale", "xx")).put("/api/v1/me/locale").then().statusCode(400);
        client.as().get("/api/v1/me").then().body("locale", equalTo("sv"));
    }
}
