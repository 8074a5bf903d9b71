package fi.askel.rehab;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.JobLock;
import fi.askel.support.Api;
import fi.askel.support.AtOnce;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reminder emails go through a real SMTP server, in the client's language, once per event, with an opt-out. */
@QuarkusTest
class RemindersTest {

    @Inject
    Reminders reminders;

    @Inject
    JobLock jobLock;

    @Inject
    EntityManager em;

    @Test
    void due_in_two_days_is_emailed_once_in_the_clients_language() throws Exception {
        Rehab.Team team = Rehab.team();
        LocalDate today = Dates.today();
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
        reminders.run(Dates.today());
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
        reminders.run(Dates.today());
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
    void clients_without_email_or_active_work_get_nothing_while_one_with_email_gets_one() {
        LocalDate today = Dates.today();
        Rehab.Team withEmail = Rehab.team();
        Rehab.Team withoutEmail = teamWithoutEmail();
        Api.Account idle = Api.create("CLIENT"); // an address, but no exercise to remind of
        for (Rehab.Team team : List.of(withEmail, withoutEmail)) {
            team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "sleep-and-recovery",
                    "dueDate", today.plusDays(2).toString())).post("/api/v1/assignments").then().statusCode(201);
        }

        SmtpTestResource.Window window = SmtpTestResource.window();
        reminders.run(today);
        List<SmtpTestResource.Delivered> sent = window.delivered();

        assertEquals(1, sent.stream().filter(m -> m.to().equals(address(withEmail.client()))).count(), sent.toString());
        assertEquals(List.of(), sent.stream().filter(m -> m.text().contains("opt-out?c=" + withoutEmail.client().id() + "&")
                || m.text().contains(withoutEmail.client().username())).toList(), "nobody gets the reminder of a client without email");
        assertEquals(0, sent.stream().filter(m -> m.to().equals(address(idle))).count(), "no reminder without open work");
    }

    @Test
    void the_daily_job_started_twice_at_once_sends_one_mail_per_person() throws Exception {
        ZoneId helsinki = Dates.ZONE;
        LocalDate today = LocalDate.now(helsinki);
        // The scheduler is off in tests; no other test runs today's job, but a rerun in the same database would have.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM job_run WHERE name = ?1 AND run_date = ?2")
                .setParameter(1, Reminders.JOB).setParameter(2, java.sql.Date.valueOf(today)).executeUpdate());
        Rehab.Team first = Rehab.team();
        Rehab.Team second = Rehab.team();
        for (Rehab.Team team : List.of(first, second)) {
            team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "sleep-and-recovery",
                    "dueDate", today.plusDays(2).toString())).post("/api/v1/assignments").then().statusCode(201);
            Rehab.assign(team, "eating-well"); // a second event for the same person, made old below
        }
        QuarkusTransaction.requiringNew().run(() -> Assignment.update("createdAt = ?1 where clientId in ?2 and moduleSlug = ?3",
                Instant.now().minus(Duration.ofDays(9)), List.of(first.client().id(), second.client().id()), "eating-well"));

        SmtpTestResource.Window window = SmtpTestResource.window();
        AtOnce.twice(reminders::daily);
        List<SmtpTestResource.Delivered> sent = window.delivered();

        Map<String, Long> perAddress = sent.stream().collect(Collectors.groupingBy(SmtpTestResource.Delivered::to, Collectors.counting()));
        assertEquals(1L, perAddress.get(address(first.client())), perAddress.toString());
        assertEquals(1L, perAddress.get(address(second.client())), perAddress.toString());
        assertTrue(perAddress.values().stream().allMatch(n -> n == 1), "one mail per person: " + perAddress);
        String body = sent.stream().filter(m -> m.to().equals(address(first.client()))).findFirst().orElseThrow().text();
        assertEquals(2, body.lines().filter(l -> l.startsWith("•")).count(), "both events in the one mail: " + body);
    }

    private static String address(Api.Account account) {
        return account.username() + "@example.org";
    }

    /** A client who gave no email address, with a specialist and a current period like {@link Rehab#team()}. */
    private static Rehab.Team teamWithoutEmail() {
        Api.Account specialist = Api.create("SPECIALIST");
        String username = Api.unique("noemail");
        long id = Api.admin().as().body(Map.of("username", username, "displayName", "Test " + username, "role", "CLIENT",
                        "locale", "fi", "password", Api.PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.Account client = new Api.Account(id, username, "CLIENT", Api.login(username, Api.PASSWORD));
        Api.acknowledge(client);
        long periodId = Rehab.suitablePeriod(specialist, Map.of("clientId", id, "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().minusDays(10).toString(), "endsOn", Dates.today().plusDays(60).toString()));
        return new Rehab.Team(specialist, client, periodId);
    }
}
