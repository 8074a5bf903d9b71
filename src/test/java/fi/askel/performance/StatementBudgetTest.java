package fi.askel.performance;

import fi.askel.common.Dates;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.peer.Peer;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statement budgets of the pages a provider's day is made of (issue 12), counted by the database server
 * itself (support.Statements): a signed-in request pays one statement for its sign-in and gates, and each
 * page a fixed number for its own data however long its lists are (no N+1: each list grows from 2 to many
 * rows and the count must not change).
 */
@QuarkusTest
class StatementBudgetTest {

    /** Pages are read as the browser does, with the sign-in cookie. */
    private static RequestSpecification page(Api.Account account) {
        return given().cookie("askel_token", account.token()).redirects().follow(false);
    }

    private static Statements.Count pageCount(Api.Account account, String path) {
        page(account).get(path).then().statusCode(200); // warm: templates, caches, module catalogue
        Statements.Count count = Statements.fewest(3, () -> page(account).get(path).then().statusCode(200));
        System.out.printf("StatementBudgetTest: %s %s as %s: %s%n", "GET", path, account.role(), count);
        return count;
    }

    @Test
    void signing_in_and_every_gate_cost_one_statement_per_request() {
        Api.Account client = Api.create("CLIENT");
        Statements.Count help = pageCount(client, "/help");
        assertEquals(1, help.statements(), "a signed-in page that reads nothing itself: " + help);
        assertEquals(0, help.autocommitSwitches(), "no transaction for the sign-in check: " + help);
    }

    @Test
    void the_client_dashboard_stays_within_eight_statements_however_much_there_is() {
        Rehab.Team team = Rehab.team();
        Rehab.assign(team, "sleep-and-recovery");
        Rehab.assign(team, "getting-ready");
        Statements.Count few = pageCount(team.client(), "/");
        for (String slug : List.of("living-with-pain", "physical-activity", "back-and-neck", "stress-and-relaxation")) {
            long id = Rehab.assign(team, slug);
            if (slug.equals("back-and-neck")) {
                // An adapted assignment (its progress counts only the steps left in) is read with the others, in the same query.
                team.specialist().as().body(Map.of("steps", Map.of("how-did-it-go", Map.of("skipped", true))))
                        .put("/api/v1/assignments/" + id + "/adaptation").then().statusCode(200);
            }
        }
        long group = Peer.group(team.specialist(), team.client());
        Peer.thread(team.specialist(), group, "Hello", "First post");
        Statements.Count many = pageCount(team.client(), "/");
        assertTrue(many.statements() <= 8, "client dashboard: " + many);
        assertEquals(few.statements(), many.statements(), "more assignments and a group cost no more statements: "
                + few + " then " + many);
    }

    @Test
    void the_specialist_dashboard_stays_within_ten_statements_however_many_clients() {
        Api.Account specialist = Api.create("SPECIALIST");
        List<Api.Account> clients = new ArrayList<>();
        addClients(specialist, clients, 2);
        Statements.Count few = pageCount(specialist, "/");
        addClients(specialist, clients, 10);
        Statements.Count many = pageCount(specialist, "/");
        assertTrue(many.statements() <= 10, "specialist dashboard: " + many);
        assertEquals(few.statements(), many.statements(), "more clients cost no more statements: " + few + " then " + many);
    }

    @Test
    void a_thread_page_with_twenty_posts_costs_at_most_six_statements() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account reader = Api.create("CLIENT");
        Api.Account writer = Api.create("CLIENT");
        long group = Peer.group(specialist, reader, writer);
        long thread = Peer.thread(writer, group, "Sleep", "How do you sleep?");
        Peer.post(reader, thread, "Badly.");
        Statements.Count few = pageCount(reader, "/threads/" + thread);
        for (int i = 0; i < 18; i++) {
            Peer.post(i % 2 == 0 ? writer : specialist, thread, "Post number " + i);
        }
        Statements.Count many = pageCount(reader, "/threads/" + thread);
        assertTrue(many.statements() <= 6, "thread page with 20 posts: " + many);
        assertEquals(few.statements(), many.statements(), "twenty posts cost what two do: " + few + " then " + many);
    }

    @Test
    void saving_a_step_answer_costs_at_most_four_statements_besides_the_sign_in() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        List<Map<String, Object>> steps = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().statusCode(200)
                .extract().jsonPath().getList("steps.findAll { it.answerShape != null }");
        for (Map<String, Object> step : steps.subList(0, 2)) {
            String path = "/api/v1/assignments/" + id + "/steps/" + step.get("key");
            Map<String, Object> answer = Rehab.validAnswer(step);
            team.client().as().body(Map.of("answer", answer, "final", false)).put(path).then().statusCode(200); // inserts
            // Each counted save changes the stored row (done, then not done again): an update, as autosave and "ready" do.
            boolean[] done = {false};
            Statements.Count save = Statements.fewest(3, () -> {
                done[0] = !done[0];
                team.client().as().body(Map.of("answer", answer, "final", done[0])).put(path).then().statusCode(200);
            });
            assertTrue(save.writes() >= 1, "the counted saves wrote: " + save);
            System.out.printf("StatementBudgetTest: PUT %s (%s) as CLIENT: %s%n", path, step.get("type"), save);
            assertTrue(save.statements() <= 5, "a step save: the sign-in's one statement and at most four of its own: " + save);
        }
    }

    @Test
    void the_review_queue_stays_within_eight_statements() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        Rehab.completeAll(team.client(), id, "sleep-and-recovery");
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        Statements.Count queue = pageCount(team.specialist(), "/reviews");
        assertTrue(queue.statements() <= 8, "review queue: " + queue);
    }

    @Test
    void a_clients_page_for_their_specialist_costs_the_same_however_many_periods_and_assignments() {
        Rehab.Team team = Rehab.team();
        Rehab.assign(team, "sleep-and-recovery");
        Statements.Count few = pageCount(team.specialist(), "/clients/" + team.client().id());
        Rehab.suitablePeriod(team.specialist(), Map.of("clientId", team.client().id(), "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().minusDays(300).toString(),
                "endsOn", Dates.today().minusDays(200).toString()));
        for (String slug : List.of("getting-ready", "living-with-pain", "physical-activity")) {
            long id = Rehab.assign(team, slug);
            team.specialist().as().body(Map.of("note", "Rauhassa")).put("/api/v1/assignments/" + id + "/adaptation").then().statusCode(200);
        }
        Statements.Count many = pageCount(team.specialist(), "/clients/" + team.client().id());
        // Not yet an issue budget: 10 here and with the demo data (was 22: the responsibility check ran four times, each
        // period's specialists one query; then 16 with the demo data: the consents were read again for the suitability
        // column, and the course measures' scores again after the overview had read them; then 15: the client's account
        // and the responsibility check were two queries, and the reader's own name was read as a period's specialist;
        // then 13: exercise sessions, questionnaire results and diary entries were three reads, now ProgressRows; then
        // 11: the assignments' done steps were a read of their own, now in the assignments' query).
        assertTrue(many.statements() <= 10, "a client's page: " + many);
        assertEquals(few.statements(), many.statements(), "more periods and assignments cost no more statements: "
                + few + " then " + many);
    }

    private static void addClients(Api.Account specialist, List<Api.Account> clients, int count) {
        for (int i = 0; i < count; i++) {
            Api.Account client = Api.create("CLIENT");
            Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                    "startsOn", Dates.today().minusDays(3).toString(),
                    "endsOn", Dates.today().plusDays(30).toString()));
            clients.add(client);
        }
    }
}
