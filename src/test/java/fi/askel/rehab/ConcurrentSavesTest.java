package fi.askel.rehab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Json;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Saves of one client's work that arrive at the same moment: a retry over a slow connection while the first try is
 * still running, autosave and the "ready" button, or two devices. Each is answered (no 5xx) and none undoes another:
 * every diary entry stays, and every changed answer counts one revision.
 */
@QuarkusTest
class ConcurrentSavesTest {

    private static final int SAVES = 8;

    private static String step(long id, String step) {
        return "/api/v1/assignments/" + id + "/steps/" + step;
    }

    /** Runs {@code SAVES} requests at once and returns their status codes. */
    private static List<Integer> atOnce(IntFunction<Function<RequestSpecification, io.restassured.response.Response>> request,
            Api.Account client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SAVES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < SAVES; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    RequestSpecification spec = client.as();
                    start.await();
                    return request.apply(n).apply(spec).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> night(int daysAgo, int minutesToSleep) {
        Map<String, Object> entry = new HashMap<>(Rehab.diaryEntry("sleep", Dates.today().minusDays(daysAgo)));
        entry.put("minutesToSleep", minutesToSleep);
        return entry;
    }

    private static JsonNode savedStep(Api.Account client, long id, String key) {
        for (JsonNode step : Json.of(client.as().get("/api/v1/assignments/" + id).then().statusCode(200)).path("steps")) {
            if (key.equals(step.path("key").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + key);
    }

    @Test
    void diary_entries_sent_at_once_are_all_kept() throws Exception {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        List<Integer> codes = atOnce(n -> spec -> spec.body(night(n + 1, 20)).put(step(id, "sleep-diary") + "/entries/"
                + Dates.today().minusDays(n + 1)), team.client());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), codes, "every entry answered");
        TreeSet<String> expected = new TreeSet<>();
        for (int n = 0; n < SAVES; n++) {
            expected.add(Dates.today().minusDays(n + 1).toString());
        }
        TreeSet<String> kept = new TreeSet<>();
        savedStep(team.client(), id, "sleep-diary").path("answer").path("logs").forEach(l -> kept.add(l.path("date").asText()));
        assertEquals(expected, kept, "no entry written over by another sent at the same moment");
    }

    @Test
    void answers_saved_at_once_each_count_one_revision() throws Exception {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        List<Integer> codes = atOnce(n -> spec -> spec.body(Map.of("answer", Map.of("logs", List.of(night(1, 10 + n))),
                "final", false)).put(step(id, "sleep-diary")), team.client());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), codes, "every save answered, the first ones too");
        assertEquals(SAVES, savedStep(team.client(), id, "sleep-diary").path("revision").asInt(),
                "each of the different answers is one revision");
    }

    @Test
    void a_rating_sent_several_times_at_once_is_saved_each_time_in_turn() throws Exception {
        Rehab.Team team = Rehab.team();
        long goal = Json.id(team.specialist().as().body(Map.of("title", "Kävelen kauppaan", "weight", 2, "levels",
                Map.of("-2", "En lainkaan", "-1", "Kerran kuussa", "0", "Kerran viikossa", "1", "Kahdesti viikossa", "2",
                        "Joka päivä"))).post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(201));
        // A double click, or a retry while the first try still runs: both find no rating yet, both add one.
        List<Integer> codes = atOnce(n -> spec -> spec.body(Map.of("score", n % 2, "phase", "MIDPOINT"))
                .post("/api/v1/goals/" + goal + "/ratings"), team.specialist());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), codes, "each rating saved in turn, none refused");
        int stored = Json.of(team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/gas").then().statusCode(200))
                .path("goals").path(0).path("ratings").path("MIDPOINT").asInt(-9);
        assertTrue(stored == 0 || stored == 1, "one of the sent ratings is kept: " + stored);
    }
}
