package fi.askel.privacy;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Video appointments answer for themselves in the client's export and erasure (remote.RemotePersonalData). */
@QuarkusTest
class AppointmentPrivacyTest {

    private static long book(Rehab.Team team, String topic, int hoursAhead) {
        String startsAt = OffsetDateTime.now(Dates.ZONE).plusHours(hoursAhead).truncatedTo(ChronoUnit.MINUTES).toString();
        return team.specialist().as().body(Map.of("clientId", team.client().id(), "startsAt", startsAt, "durationMinutes", 30,
                "topic", topic)).post("/api/v1/appointments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void the_export_holds_the_clients_own_appointments_and_not_another_clients() throws Exception {
        Rehab.Team mine = Rehab.team();
        Rehab.Team theirs = Rehab.team();
        book(mine, "Oman kuntoutuksen vastaanotto", 30);
        book(theirs, "Toisen asiakkaan vastaanotto", 30);

        Map<String, String> files = ExportTest.unzip(mine.client().as().accept("application/zip").get("/api/v1/me/export")
                .then().statusCode(200).extract().asByteArray());
        String appointments = files.get("video-appointments.json");
        assertTrue(appointments.contains("Oman kuntoutuksen vastaanotto"), appointments);
        assertTrue(appointments.contains("Test " + mine.specialist().username()), "the specialist is named");
        assertFalse(appointments.contains("Toisen asiakkaan"), "nothing of another client");
        assertTrue(files.get("summary.html").contains("Videovastaanotot"), "the readable summary has the section in Finnish");
    }

    @Test
    void erasure_keeps_the_appointments_as_rehabilitation_records_and_says_so() {
        Rehab.Team team = Rehab.team();
        long id = book(team, "Tavoitekeskustelu", 40);
        long request = team.client().as().body(Map.of("reason", "Lopetan palvelun")).post("/api/v1/me/erasure-request")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.admin().as().header("Accept-Language", "fi").post("/api/v1/admin/erasure-requests/" + request + "/process")
                .then().statusCode(200)
                .body("kept.item", hasItem("video-appointments"))
                .body("kept.find { it.item == 'video-appointments' }.count", equalTo(1))
                .body("kept.item", hasItem("name"));
        team.specialist().as().get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("topic", equalTo("Tavoitekeskustelu"))
                .body("clientName", equalTo("Test " + team.client().username()));
    }
}
