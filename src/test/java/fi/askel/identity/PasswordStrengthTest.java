package fi.askel.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passwords are judged by how easy they are to guess (zxcvbn's frequency lists plus Finnish and Swedish
 * words), staff more strictly than clients, and a refused one gets its reason in the person's language.
 */
@QuarkusTest
class PasswordStrengthTest {

    @Test
    void guessable_passwords_are_refused_for_staff_with_the_reason() {
        for (String weak : new String[] {"Summer2024!!", "Qwerty123456", "1q2w3e4r5t6y", "Kesä2024!!", "Kesä2024!!!!",
                "Sommaren2024!"}) {
            create("SPECIALIST", weak, "en").then().statusCode(400)
                    .body("violations[0].field", equalTo("password"));
        }
        create("SPECIALIST", "Summer2024!!", "en").then().body("violations[0].message", containsString("easy to guess"));
        create("SPECIALIST", "1q2w3e4r5t6y", "fi").then().body("violations[0].message", containsString("liian helppo arvata"));
        create("SPECIALIST", "Sommaren2024!", "sv").then().body("violations[0].message", containsString("ett vanligt ord eller namn"));
    }

    @Test
    void strong_passwords_pass_and_clients_have_a_lower_bar() {
        create("SPECIALIST", "Quiet-lake-morning-77", "en").then().statusCode(201);
        create("SPECIALIST", "Correct-horse-battery-42", "en").then().statusCode(201);
        create("CLIENT", "Summer2024!!", "en").then().statusCode(201);
        create("CLIENT", "Qwerty123456", "en").then().statusCode(400).body("violations[0].field", equalTo("password"));
    }

    @Test
    void changing_ones_own_password_meets_the_same_rule() {
        Api.Account specialist = Api.create("SPECIALIST");
        specialist.as().header("Accept-Language", "fi")
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "Kesäkuu2025!!"))
                .post("/api/v1/me/password").then().statusCode(400)
                .body("violations[0].field", equalTo("newPassword"))
                .body("violations[0].message", containsString("liian helppo arvata"));
    }

    private static Response create(String role, String password, String lang) {
        String username = Api.unique("strength");
        return Api.admin().as().header("Accept-Language", lang)
                .body(Map.of("username", username, "displayName", "Test " + username, "role", role, "locale", lang,
                        "password", password, "email", username + "@example.org"))
                .post("/api/v1/users");
    }
}
