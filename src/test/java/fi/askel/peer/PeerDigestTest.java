package fi.askel.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.JobLock;
import fi.askel.support.Api;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The daily digest goes once a day, in the member's language, with counts only; JobLock lets one instance win. */
@QuarkusTest
class PeerDigestTest {

    @Inject
    DigestJob digest;

    @Inject
    JobLock lock;


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
