package fi.askel.peer;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.JobLock;
import fi.askel.support.Api;
import fi.askel.support.AtOnce;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The daily digest goes once a day, in the member's language, with counts only; JobLock lets one instance win. */
@QuarkusTest
class PeerDigestTest {

    @Inject
    DigestJob digest;

    @Inject
    JobLock lock;

    @Inject
    EntityManager em;


    private static LocalDate someDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1, 300_000));
    }

    @Test
    void members_who_asked_get_one_digest_a_day_in_their_language() {
        String email = Api.unique("greta") + "@askel.example";
        String username = Api.unique("greta");
        long id = Api.admin().as().body(Map.of("username", username, "displayName", "Greta Lindholm", "role", "CLIENT",
                "locale", "sv", "email", email, "password", Api.PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.Account subscriber = new Api.Account(id, username, "CLIENT", Api.login(username, Api.PASSWORD));
        Api.acknowledge(subscriber);
        Api.Account writer = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");
        long group = Peer.group(specialist, subscriber, writer);
        String groupName = subscriber.as().get("/api/v1/groups/" + group).jsonPath().getString("name");
        subscriber.as().body(Map.of("emailDigest", true)).put("/api/v1/groups/" + group + "/me").then().statusCode(200);
        long thread = Peer.thread(writer, group, "Secret health matter", "My blood sugar was 14 today.");
        Peer.post(writer, thread, "And my knee hurts.");

        LocalDate day = someDay();
        assertTrue(digest.sendDaily(day) >= 1);
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(email, 1);
        assertEquals(1, mails.size());
        SmtpTestResource.Received mail = mails.get(0);
        assertTrue(mail.subject().contains("nya inlägg"), mail.subject());
        assertTrue(mail.text().contains(groupName + ": 2 nya"), mail.text());
        assertTrue(mail.text().contains("/groups/" + group), mail.text());
        for (String secret : List.of("blood sugar", "Secret health matter", writer.username(), "Test C.")) {
            assertFalse(mail.text().contains(secret), secret);
        }

        // The same day again (another instance, or a restart): nothing more is sent.
        assertEquals(0, digest.sendDaily(day));
        // The next day: nothing new has been posted since, so no mail.
        digest.sendDaily(day.plusDays(1));
        assertEquals(1, SmtpTestResource.messagesTo(email).size());
        // Turned off: no more digests.
        subscriber.as().body(Map.of("emailDigest", false)).put("/api/v1/groups/" + group + "/me").then().statusCode(200);
        Peer.post(writer, thread, "Anyone there?");
        digest.sendDaily(day.plusDays(2));
        assertEquals(1, SmtpTestResource.messagesTo(email).size());
    }

    @Test
    void the_daily_job_started_twice_at_once_sends_one_digest_per_member() throws Exception {
        LocalDate today = Dates.today();
        // The scheduler is off in tests and no other test runs today's digest; a rerun in the same database would have.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM job_run WHERE name = ?1 AND run_date = ?2")
                .setParameter(1, DigestJob.JOB).setParameter(2, java.sql.Date.valueOf(today)).executeUpdate());
        Api.Account first = Api.create("CLIENT");
        Api.Account second = Api.create("CLIENT");
        Api.Account writer = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");
        long group = Peer.group(specialist, first, second, writer);
        long otherGroup = Peer.group(specialist, first, writer);
        for (Api.Account member : List.of(first, second)) {
            member.as().body(Map.of("emailDigest", true)).put("/api/v1/groups/" + group + "/me").then().statusCode(200);
        }
        first.as().body(Map.of("emailDigest", true)).put("/api/v1/groups/" + otherGroup + "/me").then().statusCode(200);
        Peer.thread(writer, group, "Aamulenkki", "Kävin lenkillä.");
        Peer.thread(writer, otherGroup, "Iltalenkki", "Kävin taas.");

        SmtpTestResource.Window window = SmtpTestResource.window();
        AtOnce.twice(digest::daily);
        List<SmtpTestResource.Delivered> sent = window.delivered();

        Map<String, Long> perAddress = sent.stream().collect(Collectors.groupingBy(SmtpTestResource.Delivered::to, Collectors.counting()));
        assertEquals(1L, perAddress.get(first.username() + "@example.org"), "one digest for both groups: " + perAddress);
        assertEquals(1L, perAddress.get(second.username() + "@example.org"), perAddress.toString());
        assertTrue(perAddress.values().stream().allMatch(n -> n == 1), "one mail per person: " + perAddress);
        assertEquals(null, perAddress.get(writer.username() + "@example.org"), "the writer did not ask for digests");
    }

    @Test
    void job_lock_lets_exactly_one_of_many_concurrent_runs_win() throws Exception {
        LocalDate day = someDay();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> attempt = () -> lock.tryAcquire("test-job", day);
            List<Future<Boolean>> results = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
            long winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(lock.tryAcquire("test-job", day));
        assertTrue(lock.tryAcquire("test-job", day.plusDays(1)));
        assertTrue(lock.tryAcquire("other-job", day));
        lock.finish("test-job", day);
    }
}
