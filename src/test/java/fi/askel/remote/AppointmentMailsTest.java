package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.remote.appointment.AppointmentMails;
import fi.askel.support.Api;
import fi.askel.support.AtOnce;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import fi.askel.support.SmtpTestResource.Received;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Emails to the client about their video calls, through a real SMTP server, in the client's language. */
@QuarkusTest
class AppointmentMailsTest {

    private static final String BOOKED_FI = "Sinulle on varattu videovastaanotto";
    private static final String MOVED_FI = "Videovastaanottosi aika muuttui";
    private static final String CANCELLED_FI = "Videovastaanottosi on peruttu";
    private static final String DAY_BEFORE_FI = "Muistutus: videovastaanotto lähestyy";
    private static final String SOON_FI = "Videovastaanottosi alkaa pian";

    @Inject
    AppointmentMails mails;

    private static String address(Api.Account account) {
        return account.username() + "@example.org";
    }

    private static long count(List<Received> mail, String subject) {
        return mail.stream().filter(m -> subject.equals(m.subject())).count();
    }

    private static Received only(List<Received> mail, String subject) {
        List<Received> matching = mail.stream().filter(m -> subject.equals(m.subject())).toList();
        assertEquals(1, matching.size(), "one \"" + subject + "\" in " + mail.stream().map(Received::subject).toList());
        return matching.get(0);
    }

    @Test
    void booking_moving_and_cancelling_email_the_client_in_finnish() {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        OffsetDateTime start = Calls.in(Duration.ofDays(3)).withHour(14).withMinute(30);
        long id = Calls.book(team.specialist(), team.client().id(), start, 45, "Kotiharjoitteet");

        Received booked = only(SmtpTestResource.await(address, 1), BOOKED_FI);
        assertTrue(booked.text().contains("Hei Test " + team.client().username()), booked.text());
        assertTrue(booked.text().contains("Test " + team.specialist().username() + " on varannut sinulle videovastaanoton"), booked.text());
        assertTrue(booked.text().contains("klo 14.30"), booked.text());
        assertTrue(booked.text().contains("Aihe: Kotiharjoitteet."), booked.text());
        assertTrue(booked.text().contains("http://localhost:8080/calls/" + id), booked.text());

        // Editing only the topic is no news to email about; moving is.
        team.specialist().as().body(Map.of("startsAt", start.toString(), "durationMinutes", 45, "topic", "Kotiharjoitteet ja uni"))
                .put("/api/v1/appointments/" + id).then().statusCode(200);
        OffsetDateTime later = start.plusDays(1).withHour(9).withMinute(0);
        team.specialist().as().body(Map.of("startsAt", later.toString(), "durationMinutes", 45, "topic", "Kotiharjoitteet ja uni"))
                .put("/api/v1/appointments/" + id).then().statusCode(200);
        Received moved = only(SmtpTestResource.await(address, 2), MOVED_FI);
        assertTrue(moved.text().contains("Uusi aika:") && moved.text().contains("klo 9.00"), moved.text());
        assertTrue(moved.text().contains("http://localhost:8080/calls/" + id), moved.text());

        Calls.cancel(team.specialist(), id, "Olen koulutuksessa sinä päivänä.");
        List<Received> all = SmtpTestResource.await(address, 3);
        Received cancelled = only(all, CANCELLED_FI);
        assertTrue(cancelled.text().contains("perui videovastaanottosi"), cancelled.text());
        assertTrue(cancelled.text().contains("Olen koulutuksessa sinä päivänä."), cancelled.text());
        assertTrue(!cancelled.text().contains("/calls/" + id), "a cancelled call has no link to join: " + cancelled.text());
        assertEquals(3, all.size(), all.stream().map(Received::subject).toList().toString());
    }

    @Test
    void a_swedish_client_is_emailed_in_swedish() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT", "sv");
        OffsetDateTime start = Calls.in(Duration.ofDays(2)).withHour(13).withMinute(0);
        Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", start.toLocalDate().minusDays(1).toString(), "endsOn", start.toLocalDate().plusDays(5).toString()));
        long id = Calls.book(specialist, client.id(), start, 30, "Uppföljning");
        Received booked = only(SmtpTestResource.await(address(client), 1), "En videomottagning har bokats åt dig");
        assertTrue(booked.text().contains("Hej Test " + client.username()), booked.text());
        assertTrue(booked.text().contains("kl. 13.00"), booked.text());
        assertTrue(booked.text().contains("Ämne: Uppföljning."), booked.text());
        assertTrue(booked.text().contains("http://localhost:8080/calls/" + id), booked.text());
    }

    @Test
    void the_day_before_reminder_goes_out_once() {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofHours(20)), 30, "Huominen");
        SmtpTestResource.await(address, 1);
        mails.run();
        mails.run();
        List<Received> mail = SmtpTestResource.await(address, 2);
        Received reminder = only(mail, DAY_BEFORE_FI);
        assertTrue(reminder.text().contains("Aihe: Huominen."), reminder.text());
        assertTrue(reminder.text().contains("http://localhost:8080/calls/" + id), reminder.text());
        assertTrue(reminder.text().contains("Valmistaudu näin"), reminder.text());
        assertEquals(0, count(mail, SOON_FI));
        assertEquals(2, mail.size(), mail.stream().map(Received::subject).toList().toString());
    }

    @Test
    void the_soon_reminder_goes_out_once() {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Pian");
        SmtpTestResource.await(address, 1);
        mails.run();
        mails.run();
        List<Received> mail = SmtpTestResource.await(address, 2);
        Received soon = only(mail, SOON_FI);
        assertTrue(soon.text().contains("http://localhost:8080/calls/" + id), soon.text());
        assertTrue(soon.text().contains("alkaa klo " + start.atZoneSameInstant(Calls.HELSINKI).getHour() + "."), soon.text());
        assertEquals(0, count(mail, DAY_BEFORE_FI), "a call booked for less than two hours ahead gets no day-before reminder");
        assertEquals(2, mail.size(), mail.stream().map(Received::subject).toList().toString());
    }

    /** Two instances' reminder jobs firing at the same moment still send each reminder once. */
    @Test
    void two_instances_running_the_reminders_at_once_send_each_once() throws Exception {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(11)), 30, "Yhtä aikaa");
        SmtpTestResource.await(address, 1);
        AtOnce.twice(mails::run);
        AtOnce.twice(mails::run);
        List<Received> mail = SmtpTestResource.await(address, 2);
        only(mail, SOON_FI);
        assertEquals(2, mail.size(), mail.stream().map(Received::subject).toList().toString());
    }

    @Test
    void a_moved_call_is_reminded_of_again_at_its_new_time() {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        OffsetDateTime start = Calls.in(Duration.ofHours(20));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Siirtyvä");
        SmtpTestResource.await(address, 1);
        mails.run();
        assertEquals(1, count(SmtpTestResource.await(address, 2), DAY_BEFORE_FI));

        team.specialist().as().body(Map.of("startsAt", start.plusHours(1).toString(), "durationMinutes", 30, "topic", "Siirtyvä"))
                .put("/api/v1/appointments/" + id).then().statusCode(200);
        SmtpTestResource.await(address, 3);
        mails.run();
        mails.run();
        List<Received> mail = SmtpTestResource.await(address, 4);
        assertEquals(2, count(mail, DAY_BEFORE_FI), mail.stream().map(Received::subject).toList().toString());
        assertEquals(1, count(mail, MOVED_FI));
        assertEquals(4, mail.size(), mail.stream().map(Received::subject).toList().toString());
    }

    @Test
    void a_cancelled_call_gets_no_reminder() {
        Rehab.Team team = Rehab.team();
        String address = address(team.client());
        long dayAhead = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofHours(20)), 30, "Peruttava");
        long soon = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(11)), 5, "Peruttava pian");
        Calls.cancel(team.specialist(), dayAhead, "Peruttu");
        Calls.cancel(team.specialist(), soon, "Peruttu");
        SmtpTestResource.await(address, 4);
        mails.run();
        List<Received> mail = SmtpTestResource.await(address, 4);
        assertEquals(0, count(mail, DAY_BEFORE_FI) + count(mail, SOON_FI), mail.stream().map(Received::subject).toList().toString());
        assertEquals(2, count(mail, BOOKED_FI));
        assertEquals(2, count(mail, CANCELLED_FI));
    }
}
