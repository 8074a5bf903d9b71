package fi.askel.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's export says how their specialist adapted an exercise for them, next to the answers it touches. */
@QuarkusTest
class AdaptationExportTest {

    @Test
    void answers_json_and_adaptations_json_carry_the_adaptation() throws Exception {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        team.client().as().body(Map.of("answer", Map.of("text", "Ihan hyvin"), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/how-did-it-go").then().statusCode(200);
        team.specialist().as().body(Map.of("note", "Aamuisin rauhassa", "steps", Map.of(
                        "how-did-it-go", Map.of("skipped", true),
                        "chin-tuck", Map.of("dose", Map.of("sets", 3))))).put("/api/v1/assignments/" + id + "/adaptation")
                .then().statusCode(200);
        Map<String, String> files = ExportTest.unzip(team.client().as().accept("application/zip").get("/api/v1/me/export")
                .then().statusCode(200).extract().asByteArray());
        String answers = files.get("answers.json").replaceAll("\\s", "");
        assertTrue(answers.contains("\"stepKey\":\"how-did-it-go\"") && answers.contains("\"adaptation\":{\"skipped\":true}"), answers);
        String adaptations = files.get("adaptations.json").replaceAll("\\s", "");
        assertTrue(adaptations.contains("\"assignmentId\":" + id) && adaptations.contains("Aamuisinrauhassa")
                && adaptations.contains("\"chin-tuck\":{\"skipped\":false,\"dose\":{\"sets\":3}}"), adaptations);
    }
}
