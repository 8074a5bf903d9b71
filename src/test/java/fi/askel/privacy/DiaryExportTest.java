package fi.askel.privacy;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's export holds their diary entries, as a file of their own and among the answers. */
@QuarkusTest
class DiaryExportTest {

    @Test
    void the_export_holds_the_diary_entries() throws IOException {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "type-2-diabetes");
        LocalDate day = Dates.today().minusDays(1);
        Map<String, Object> reading = new java.util.HashMap<>(Rehab.diaryEntry("glucose", day));
        reading.put("mmol", 7.9);
        reading.put("note", "Syntymäpäiväkakku");
        team.client().as().body(reading).put("/api/v1/assignments/" + id + "/steps/glucose-log/entries/" + day + "T07:30")
                .then().statusCode(200);
        Map<String, String> files = ExportTest.unzip(team.client().as().accept("application/zip").get("/api/v1/me/export")
                .then().statusCode(200).extract().asByteArray());
        String diaries = files.get("diary-entries.json");
        assertTrue(diaries != null && diaries.contains("\"glucose\"") && diaries.contains("7.9") && diaries.contains("Syntymäpäiväkakku")
                && diaries.contains(day + "T07:30"), String.valueOf(diaries));
        assertTrue(files.get("answers.json").contains("Syntymäpäiväkakku"), files.get("answers.json"));
    }
}
