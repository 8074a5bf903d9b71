package fi.askel.remote;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.identity.DemoAccounts;
import fi.askel.identity.DemoDataTest;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newcomer running the demo sees remote-rehabilitation days (recorded ones, and exercise days proposed for
 * confirmation) and experience-survey results an admin can filter, with a small group hidden.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Demo.class)
class RemoteDemoDataTest {

    @Test
    void the_demo_has_remote_days_and_survey_results() {
        String specialist = Api.login("demo-specialist", DemoAccounts.PASSWORD);
        for (String username : List.of("demo-client", "demo-client2")) {
            String client = Api.login(username, DemoAccounts.PASSWORD);
            long periodId = given().auth().oauth2(client).get("/api/v1/periods").then().statusCode(200).extract().jsonPath()
                    .getLong("[0].id");
            JsonPath days = given().auth().oauth2(specialist).get("/api/v1/periods/" + periodId + "/remote-days").then()
                    .statusCode(200).extract().jsonPath();
            List<String> outcomes = days.getList("days.outcome");
            assertEquals(username.equals("demo-client") ? 3 : 4, outcomes.size(), days.prettify());
            assertTrue(days.getList("days.content").toString().contains("GROUP_SESSION"), days.prettify());
            assertEquals(username.equals("demo-client2"), outcomes.contains("NO_SHOW"));
        }
        String client = Api.login("demo-client", DemoAccounts.PASSWORD);
        long periodId = given().auth().oauth2(client).get("/api/v1/periods").then().extract().jsonPath().getLong("[0].id");
        List<Object> proposed = given().auth().oauth2(specialist).get("/api/v1/periods/" + periodId + "/remote-days/proposals")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(proposed.isEmpty(), "the exercise diary's days wait for confirmation");

        String admin = Api.login("demo-admin", DemoAccounts.PASSWORD);
        JsonPath all = given().auth().oauth2(admin).get("/api/v1/admin/surveys/summary").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(13, all.getInt("groups.find { it.group == 'ALL' }.answers"));
        assertTrue(all.getString("chartSvg").contains("<svg"));
        JsonPath individual = given().auth().oauth2(admin).get("/api/v1/admin/surveys/summary?serviceType=INDIVIDUAL").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, individual.getInt("groups.find { it.group == 'ALL' }.answers"));
        assertTrue(individual.getBoolean("groups.find { it.group == 'ALL' }.suppressed"));
    }
}
