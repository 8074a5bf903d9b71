package fi.askel.rehab;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.JobLock;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminder emails go through a real SMTP server, in the client's language, once per event, with an opt-out. */
@QuarkusTest
class RemindersTest {

    @Inject
    Reminders reminders;

    @Inject
    JobLock jobLock;

    @Test
    void due_in_two_days_is_emailed_once_in_the_clients_language() throws Exception {
        Rehab.Team team = Rehab.team();
        LocalDate today = LocalDate.now();
        long id = team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "sleep-and-recovery",
                        "dueDate", today.plusDays(2).toString()))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        String address = team.client().username() + "@example.org";
        reminders.run(today);
        List<MimeMessage> mail = SmtpTestResource.messagesTo(address);
        assertEquals(1, mail.size());
        assertEquals("Muistutus kuntoutusharjoituksistasi", mail.get(0).getSubject());
        String body = SmtpTestResource.text(mail.get(0));
        assertTrue(body.contains("Unen ja palautumisen") || body.contains("määräpäivä on " + today.plusDays(2)), body);
        assertTrue(body.contains("/assignments/" + id), body);
        assertTrue(body.contains("/reminders/opt-out?c=" + team.client().id() + "&s="), body);
        reminders.run(today);
        assertEquals(1, SmtpTestResource.messagesTo(address).size(), "at most once per event");
    }

    @Test
    void a_week_without_activity_is_emailed_and_the_client_can_opt_out() throws Exception {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "eating-well");
        String address = team.client().username() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment a = Assignment.findById(id);
            a.createdAt = Instant.now().minus(Duration.ofDays(9));
        });
        reminders.run(LocalDate.now());
        List<MimeMessage> mail = SmtpTestResource.messagesTo(address);
        assertEquals(1, mail.size());
        String body = SmtpTestResource.text(mail.get(0));
        String link = body.substring(body.indexOf("http://localhost:8080/reminders/opt-out")).split("\\s")[0];
        String path = link.substring("http://localhost:8080".length());

        Browser browser = new Browser();
        browser.get(path).then().statusCode(200).body(containsString("Lopeta muistutukset"));
        browser.post("/reminders/opt-out", Map.of("c", String.valueOf(team.client().id()),
                "s", path.substring(path.indexOf("&s=") + 3))).then().statusCode(200)
                .body(containsString("Muistutusviestit on lopetettu"));
        // A new event after opting out sends nothing.
        long later = Rehab.assign(team, "wellbeing-who5");
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment a = Assignment.findById(later);
            a.createdAt = Instant.now().minus(Duration.ofDays(9));
        });
        reminders.run(LocalDate.now());
        assertEquals(1, SmtpTestResource.messagesTo(address).size());
        // A forged link does nothing.
        new Browser().get("/reminders/opt-out?c=" + team.client().id() + "&s=forged").then().statusCode(404);
    }

    @Test
    void the_daily_run_is_claimed_by_one_instance_only() {
        LocalDate day = LocalDate.of(2000 + (int) (System.nanoTime() % 900), 1, 1);
        assertTrue(jobLock.tryAcquire(Reminders.JOB, day));
        assertFalse(jobLock.tryAcquire(Reminders.JOB, day), "a second instance must not run the same day's job");
    }

    @Test
    void clients_without_email_or_active_work_get_nothing() {
        Api.Account staff = Api.admin();
        int before = SmtpTestResource.messagesTo(staff.username()).size();
        reminders.run(LocalDate.now());
        assertEquals(before, SmtpTestResource.messagesTo(staff.username()).size());
    }
}
