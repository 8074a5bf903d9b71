package fi.askel.followup;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.content.steps.Step;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every step type's own templates render on the pages that include them: the client's form, empty and
 * with a saved answer, and the specialist's review of the answer, for every step of every shipped module.
 */
@QuarkusTest
class StepTemplatesTest {

    @Test
    void every_step_of_every_shipped_module_shows_its_form_and_its_review() {
        Rehab.Team team = Rehab.team();
        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);
        Browser specialist = ClientPagesTest.signIn(team.specialist());
        Set<String> types = new HashSet<>();
        List<Map<String, Object>> modules = team.client().as().get("/api/v1/modules").then().statusCode(200)
                .extract().jsonPath().getList("");
        for (Map<String, Object> module : modules) {
            String slug = (String) module.get("slug");
            long id = Rehab.assign(team, slug);
            List<Map<String, Object>> steps = team.client().as().get("/api/v1/modules/" + slug).then().statusCode(200)
                    .extract().jsonPath().getList("steps");
            for (Map<String, Object> step : steps) {
                client.get("/assignments/" + id + "/steps/" + step.get("key")).then().statusCode(200)
                        .body(containsString("action=\"/assignments/" + id + "/steps/" + step.get("key") + "\""));
                types.add((String) step.get("type"));
            }
            Rehab.completeAll(team.client(), id, slug);
            for (Map<String, Object> step : steps) {
                client.get("/assignments/" + id + "/steps/" + step.get("key")).then().statusCode(200);
            }
            team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
            var review = specialist.get("/reviews/" + id).then().statusCode(200).body(containsString("id=\"decision\""));
            for (Map<String, Object> step : steps) {
                review.body(containsString("id=\"step-" + step.get("key") + "\""));
            }
        }
        assertEquals(Set.copyOf(Step.TYPES), types, "the shipped modules use every type");
    }
}
