package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fi.askel.support.Api;
import fi.askel.support.EmbeddedDbTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * askel.demo=true on an empty database of its own seeds the demo accounts named in DESIGN.md. The
 * profile is shared by every demo-data test, so they run on one started service.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Demo.class)
public class DemoDataTest {

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("askel.demo", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedDbTestResource.class,
                    Map.of(EmbeddedDbTestResource.DATABASE_ARG, "askel_demo_" + System.nanoTime())));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static String login(String username) {
        return Api.login(username, DemoAccounts.PASSWORD);
    }

    @Test
    void demo_accounts_sign_in_with_the_published_password() {
        Map<String, String> roles = Map.of("demo-admin", "ADMIN", "demo-specialist", "SPECIALIST",
                "demo-client", "CLIENT", "demo-client2", "CLIENT");
        roles.forEach((username, role) -> {
            String token = Api.loginResponse(username, DemoAccounts.PASSWORD).then().statusCode(200)
                    .body("mfaEnrolmentRequired", equalTo(false)).extract().path("token");
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("role", equalTo(role))
                    .body("totpEnabled", equalTo(!role.equals("CLIENT")));
        });
        // The demo staff come with the published TOTP secret enrolled: the password alone is not enough.
        given().contentType("application/json")
                .body(Map.of("username", "demo-specialist", "password", DemoAccounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401)
                .body("type", equalTo("https://askel.fi/problems/totp-required"));
        // Both demo clients have a period with demo-specialist and work at different stages.
        String specialist = login("demo-specialist");
        for (String client : new String[] {"demo-client", "demo-client2"}) {
            String token = login(client);
            // WHO-5 at the start (answered) and at the end (opens in the last week) as the course's measures, three
            // modules by hand, and for demo-client the closing module.
            var assignments = given().auth().oauth2(token).get("/api/v1/assignments").then().statusCode(200)
                    .body("size()", equalTo(client.equals("demo-client") ? 6 : 5))
                    .body("status", org.hamcrest.Matchers.hasItems("APPROVED", "IN_PROGRESS", "ASSIGNED"))
                    .body("findAll { it.moduleSlug == 'wellbeing-who5' }.size()", equalTo(2))
                    .body("find { it.moduleSlug == 'wellbeing-who5' && it.status == 'ASSIGNED' }.opensOn",
                            org.hamcrest.Matchers.notNullValue());
            if (client.equals("demo-client")) {
                assignments.body("moduleSlug", org.hamcrest.Matchers.hasItem("after-the-course"));
            } else {
                assignments.body("moduleSlug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("after-the-course")));
            }
            given().auth().oauth2(token).get("/api/v1/periods").then().statusCode(200).body("size()", equalTo(1));
            long id = given().auth().oauth2(token).get("/api/v1/me").then().extract().jsonPath().getLong("id");
            // The specialist's diary chart and pain chart have the past nights and sessions to show.
            given().auth().oauth2(specialist).get("/api/v1/clients/" + id + "/diaries").then().statusCode(200)
                    .body("findAll { it.log == 'sleep' }.size()", equalTo(5));
            given().auth().oauth2(specialist).get("/api/v1/clients/" + id + "/overview").then().statusCode(200)
                    .body("painEffort.size()", equalTo(5));
            given().auth().oauth2(specialist).get("/api/v1/clients/" + id + "/gas").then().statusCode(200)
                    .body("goals.size()", equalTo(1)).body("byPhase.BASELINE", org.hamcrest.Matchers.notNullValue());
            // Video calls: demo-client has one of their own tomorrow, both share a group session next week.
            given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200)
                    .body("kind", org.hamcrest.Matchers.hasItem("GROUP"))
                    .body("size()", equalTo(client.equals("demo-client") ? 2 : 1));
        }
        // The demo course has its start and end measures set, by demo-admin.
        given().auth().oauth2(login("demo-admin")).get("/api/v1/admin/course-measures").then().statusCode(200)
                .body("courses.find { it.serviceType == 'REHAB_COURSE' }.start.slug", org.hamcrest.Matchers.contains("wellbeing-who5"))
                .body("courses.find { it.serviceType == 'REHAB_COURSE' }.end.slug", org.hamcrest.Matchers.contains("wellbeing-who5"))
                .body("history[0].changedBy", org.hamcrest.Matchers.notNullValue());
        // No bootstrap admin is made when the demo is seeded.
        given().contentType("application/json")
                .body(Map.of("username", "test-admin", "password", "Bootstrap-secret-2026!"))
                .post("/api/v1/auth/login").then().statusCode(401);
    }
}
