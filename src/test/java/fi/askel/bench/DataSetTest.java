package fi.askel.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data set generator at scale 0.002 on the shared test database (other classes' rows are there too, so the
 * set has a prefix of its own): the promised rows, a refused second run, and pages that work on the rows.
 */
@QuarkusTest
class DataSetTest {

    /** One set per test JVM: generating it is what the first test to run does. */
    private static final String PREFIX = "dst" + (System.currentTimeMillis() % 1_000_000);
    private static final DataSet.Options OPTIONS = new DataSet.Options(0.002, 42, PREFIX);
    private static DataSet.Summary summary;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void generateOnce() throws Exception {
        synchronized (DataSetTest.class) {
            if (summary == null) {
                try (Connection db = dataSource.getConnection()) {
                    summary = DataSet.generate(db, OPTIONS, System.err);
                }
            }
        }
    }

    @Test
    void the_database_holds_what_the_scale_promises() throws Exception {
        Scale s = Scale.of(0.002);
        assertEquals(Map.of("specialists", 1L, "clients", 10L, "groups", 1L, "posts", 200L, "assignments", 100L,
                "accessEvents", 400L, "answers", summary.planned().get("answers")), summary.planned());
        assertEquals(s.posts() / Scale.POSTS_PER_THREAD, s.threads());
        // the modules have 4–9 steps, so 100 assignments hold at most 70 % of their steps' answers, not 1,000
        long answers = summary.planned().get("answers");
        assertTrue(answers >= 300 && answers <= 1000, "answers " + answers);
        assertEquals(summary.planned(), summary.rows());
        // what a save copies out of the answers for the specialist's charts and flags is there too
        assertTrue(count("SELECT COUNT(*) FROM exercise_log l JOIN app_user u ON u.id = l.client_id WHERE u.username LIKE ?") > 0);
        assertTrue(count("SELECT COUNT(*) FROM diary_entry d JOIN app_user u ON u.id = d.client_id WHERE u.username LIKE ?") > 0);
        assertTrue(count("SELECT COUNT(*) FROM questionnaire_result r JOIN app_user u ON u.id = r.client_id"
                + " WHERE u.username LIKE ?") > 0);
    }

    @Test
    void the_same_seed_gives_the_same_answers_under_another_prefix() throws Exception {
        String other = PREFIX + "b";
        try (Connection db = dataSource.getConnection()) {
            DataSet.generate(db, new DataSet.Options(0.002, 42, other), System.err);
        }
        String answers = "SELECT a.step_key, a.answer, s.status, s.module_slug FROM step_answer a JOIN assignment s"
                + " ON s.id = a.assignment_id JOIN app_user u ON u.id = s.client_id WHERE u.username LIKE ? ORDER BY s.id, a.step_key";
        List<String> first = texts(answers, PREFIX + "-%");
        assertEquals(summary.rows().get("answers"), (long) first.size());
        assertEquals(first, texts(answers, other + "-%"));
    }

    @Test
    void a_second_run_with_the_prefix_is_refused_and_writes_nothing() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DataSet.generate(db, OPTIONS, System.err));
            assertTrue(refused.getMessage().contains("already holds a data set with the prefix '" + PREFIX + "'"),
                    refused.getMessage());
            assertEquals(summary.rows(), DataSet.counts(db, PREFIX));
        }
    }

    @Test
    void a_generated_client_signs_in_and_opens_the_dashboard() {
        String username = PREFIX + "-c00001";
        String token = Api.login(username, DataSet.PASSWORD);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(username));
        String page = given().cookie("askel_token", token).redirects().follow(false).get("/")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("/assignments/"), "the dashboard lists the client's assignments");
    }

    @Test
    void a_generated_specialist_lists_their_generated_clients() throws Exception {
        String token = Api.login(PREFIX + "-s0001", DataSet.PASSWORD); // enrols the second factor staff must have
        List<Long> listed = given().auth().oauth2(token).get("/api/v1/clients").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        List<Long> generated = ids("SELECT id FROM app_user WHERE role = 'CLIENT' AND username LIKE ?", PREFIX + "-c%");
        assertEquals(10, generated.size());
        assertTrue(listed.containsAll(generated), "listed " + listed + ", generated " + generated);
    }

    @Test
    void a_generated_thread_page_shows_its_twenty_posts() throws Exception {
        long thread = ids("SELECT t.id FROM peer_thread t JOIN app_user u ON u.id = t.author_id WHERE u.username LIKE ?"
                + " ORDER BY t.id", PREFIX + "-%").get(0);
        String token = Api.login(PREFIX + "-c00002", DataSet.PASSWORD);
        String page = given().cookie("askel_token", token).redirects().follow(false).get("/threads/" + thread)
                .then().statusCode(200).extract().asString();
        Matcher posts = Pattern.compile("<li id=\"post-\\d+\"").matcher(page);
        int shown = 0;
        while (posts.find()) {
            shown++;
        }
        assertEquals(Scale.POSTS_PER_THREAD, shown);
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(texts(sql, PREFIX + "-%").get(0));
    }

    /** Each row's columns joined by a tab. */
    private List<String> texts(String sql, String like) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, like);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                    }
                    rows.add(sb.toString());
                }
            }
            return rows;
        }
    }

    private List<Long> ids(String sql, String like) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, like);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
