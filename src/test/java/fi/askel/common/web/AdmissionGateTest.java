package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond askel.http.concurrent-requests wait their turn in arrival order and are answered 503 only after
 * askel.http.admission-wait. The profile allows one request at a time; the test holds that place with a sign-in
 * whose body it never finishes sending, as a client on a bad connection would.
 */
@QuarkusTest
@TestProfile(SmallCapacity.class)
class AdmissionGateTest {

    @TestHTTPResource("/")
    URL base;

    /** On the management port, as in production; the path is under its root, /q. */
    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Inject
    AdmissionGate gate;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_request_that_waits_too_long_gets_503_with_retry_after_in_the_persons_language() throws Exception {
        Api.Account client = Api.create("CLIENT", "sv");
        client.as().get("/api/v1/me").then().statusCode(200);

        try (Socket slow = holdThePlace()) {
            // The page waits its turn alongside the API call rather than after it: the same 2 s, once.
            CompletableFuture<Void> page = CompletableFuture.runAsync(() -> given().redirects().follow(false)
                    .cookie("askel_token", client.token()).header("Accept-Language", "sv")
                    .get("/").then().statusCode(503).header("Retry-After", "7").contentType(startsWith("text/html"))
                    .body(containsString("Tjänsten är överbelastad just nu"))
                    .header("X-Frame-Options", "DENY"));
            long began = System.nanoTime();
            client.as().get("/api/v1/me").then().statusCode(503).header("Retry-After", "7")
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://askel.fi/problems/busy"));
            long waitedMs = (System.nanoTime() - began) / 1_000_000;
            assertTrue(waitedMs >= 1_900 && waitedMs < 10_000, "waited askel.http.admission-wait: " + waitedMs + " ms");
            page.get(10, TimeUnit.SECONDS);
            // Health checks and static files are not queued: monitoring still sees the service.
            given().get(live).then().statusCode(200);
            given().get("/static/askel.css").then().statusCode(200);
        }
        // The held request's connection closed: its place is free again.
        client.as().get("/api/v1/me").then().statusCode(200);
        assertEquals(0, gate.waiting());
    }

    @Test
    void waiting_requests_are_served_first_come_first_served_with_their_bodies_intact() throws Exception {
        List<Api.Account> clients = List.of(Api.create("CLIENT"), Api.create("CLIENT"), Api.create("CLIENT"));
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> finished = new ArrayList<>();
            try (Socket slow = holdThePlace()) {
                for (Api.Account c : clients) {
                    finished.add(pool.submit(() ->
                            // A sign-in's JSON body, sent in full while the request waits: it must arrive whole.
                            Api.loginResponse(c.username(), Api.PASSWORD).then().statusCode(200)
                                    .body("user.username", equalTo(c.username()))));
                    waitUntilWaiting(finished.size());
                }
            }
            for (Future<?> f : finished) {
                f.get();
            }
            // The order the service signed them in (each account's newest sign-in), not when this test's threads woke.
            List<String> signedIn = new ArrayList<>();
            try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(
                    "SELECT u.username FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.username IN (?, ?, ?)"
                            + " GROUP BY u.username ORDER BY MAX(s.created_at)")) {
                for (int i = 0; i < clients.size(); i++) {
                    q.setString(i + 1, clients.get(i).username());
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        signedIn.add(rs.getString(1));
                    }
                }
            }
            assertEquals(clients.stream().map(Api.Account::username).toList(), signedIn, "served in the order they came");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, gate.waiting());
        Api.create("CLIENT").as().get("/api/v1/me").then().statusCode(200);
    }

    /** Starts a sign-in that announces a body and never sends it: it holds the only place until the socket closes. */
    private Socket holdThePlace() throws Exception {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 200\r\n\r\n{\"username\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long deadline = System.currentTimeMillis() + 5_000;
        while (gate.working() < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, gate.working(), "the slow sign-in holds the place");
        return socket;
    }

    private void waitUntilWaiting(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (gate.waiting() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, gate.waiting(), "requests waiting their turn");
    }
}
