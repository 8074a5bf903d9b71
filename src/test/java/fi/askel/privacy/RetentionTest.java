package fi.askel.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daily retention run anonymises old peer posts and, after a warning, unused accounts. */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;

    @Inject
    EntityManager em;

    @Test
    void posts_past_their_retention_lose_text_and_author_and_newer_ones_stay() {
        Rehab.Team team = Rehab.team();
        Api.Account other = Api.create("CLIENT");
        long group = ExportTest.group(team.specialist(), team.client(), other);
        long thread = team.client().as().body(Map.of("title", "Vanha otsikko Liisasta", "body", "Vanha viesti, jossa kerron itsestäni"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        long newPost = other.as().body(Map.of("body", "Uusi viesti")).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        team.client().as().body(Map.of("body", "Vanha viesti, jossa kerron itsestäni (korjattu)"))
                .put("/api/v1/posts/" + firstPost(team.client(), thread)).then().statusCode(200);
        Instant old = Instant.now().minus(Duration.ofDays(800));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE peer_post SET created_at = ?1 WHERE thread_id = ?2 AND id <> ?3")
                    .setParameter(1, Timestamp.from(old)).setParameter(2, thread).setParameter(3, newPost).executeUpdate();
            em.createNativeQuery("UPDATE peer_thread SET created_at = ?1 WHERE id = ?2")
                    .setParameter(1, Timestamp.from(old)).setParameter(2, thread).executeUpdate();
        });

        RetentionJob.Result result = retention.run(Instant.now());
        assertTrue(result.postsAnonymised() >= 1, result.toString());

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT p.body, p.author_id, t.title, t.author_id, (SELECT COUNT(*) FROM peer_post_revision r WHERE r.post_id = p.id)"
                        + " FROM peer_post p JOIN peer_thread t ON t.id = p.thread_id WHERE p.thread_id = ?1 ORDER BY p.id LIMIT 1")
                .setParameter(1, thread).getSingleResult());
        assertEquals("", row[0]);
        assertNull(row[1]);
        assertEquals("#" + thread, row[2]);
        assertNull(row[3]);
        assertEquals(0, ((Number) row[4]).intValue(), "earlier versions go too");

        other.as().get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("title", equalTo("#" + thread))
                .body("posts.items[0].removed", equalTo(true))
                .body("posts.items[0].author.former", equalTo(true))
                .body("posts.items[0].author.name", equalTo("Entinen jäsen"))
                .body("posts.items[1].body", equalTo("Uusi viesti"))
                .body("posts.items[1].author.former", equalTo(false));
        team.specialist().as().get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("posts.items[0].author.realName", org.hamcrest.Matchers.nullValue());
        new Browser().signIn(other.username(), Api.PASSWORD).get("/threads/" + thread).then().statusCode(200)
                .body(containsString("Viesti poistettiin tietosuojasyistä")).body(not(containsString("kerron itsestäni")));
        // Replying to the anonymised thread still works and notifies nobody who is gone.
        other.as().body(Map.of("body", "Vastaus vanhaan")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201);
    }

    @Test
    void an_unused_account_is_flagged_with_a_warning_then_anonymised_and_a_sign_in_clears_the_flag() throws Exception {
        Rehab.Team team = Rehab.team();
        Api.Account returning = Api.create("CLIENT");
        Instant longAgo = Instant.now().minus(Duration.ofDays(800));
        for (long id : new long[] {team.client().id(), returning.id()}) {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE app_user SET created_at = ?1 WHERE id = ?2").setParameter(1, Timestamp.from(longAgo))
                        .setParameter(2, id).executeUpdate();
                em.createNativeQuery("UPDATE auth_session SET created_at = ?1 WHERE user_id = ?2").setParameter(1, Timestamp.from(longAgo))
                        .setParameter(2, id).executeUpdate();
            });
        }
        retention.run(Instant.now());
        Api.admin().as().get("/api/v1/admin/privacy/inactive").then().statusCode(200)
                .body("find { it.userId == " + team.client().id() + " }.username", equalTo(team.client().username()));
        String mail = SmtpTestResource.text(SmtpTestResource.messagesTo(team.client().username() + "@example.org").get(0));
        assertTrue(mail.contains("ei ole kirjauduttu pitkään aikaan"), mail);

        Api.login(returning.username(), Api.PASSWORD); // the owner signs in: the flag goes at the next run
        retention.run(Instant.now().plus(Duration.ofDays(61)));
        team.client().as().get("/api/v1/me").then().statusCode(401);
        Api.admin().as().get("/api/v1/users/" + team.client().id()).then().statusCode(200)
                .body("username", equalTo("erased-" + team.client().id())).body("active", equalTo(false))
                .body("email", org.hamcrest.Matchers.nullValue());
        Api.admin().as().get("/api/v1/admin/erasure-requests").then()
                .body("find { it.userId == " + team.client().id() + " }.origin", equalTo("INACTIVITY"));
        returning.as().get("/api/v1/me").then().statusCode(200).body("active", equalTo(true));
        Api.admin().as().get("/api/v1/admin/privacy/inactive").then()
                .body("find { it.userId == " + returning.id() + " }", org.hamcrest.Matchers.nullValue());
    }

    static long firstPost(Api.Account reader, long thread) {
        return reader.as().get("/api/v1/threads/" + thread).then().statusCode(200).extract().jsonPath().getLong("posts.items[0].id");
    }
}
