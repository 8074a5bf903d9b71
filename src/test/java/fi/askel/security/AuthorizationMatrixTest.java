package fi.askel.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation under /api/v1 that the OpenAPI document lists (so a new endpoint is
 * covered the day it is added) as five callers: nobody, the client who owns the data, another
 * client, a specialist of another client and an admin. Ids in paths point at the first client's
 * data. What must hold:
 * <ul>
 * <li>nobody gets anything but 401, except on the few public operations;</li>
 * <li>the other client and the other specialist get 403 or 404 for the first client's things, and
 * no answer they get anywhere contains the first client's name or words; their writes change
 * nothing;</li>
 * <li>the owner and the admin are never turned away as strangers, and the admin can read
 * everything;</li>
 * <li>nobody ever gets a 5xx.</li>
 * </ul>
 * The result table is printed, so a reviewer sees the whole matrix.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Operations anyone may call; README's list of public endpoints says the same. */
    static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "GET /api/v1/privacy/notice");

    /**
     * Reads only the two participants of a video call make (joining the call itself): an admin, like any
     * non-participant, is answered 404 there.
     */
    static final Set<String> PARTICIPANTS_ONLY = Set.of("GET /api/v1/appointments/{id}/call");

    /** Operations that end the caller's own sign-in: run last for each caller. */
    static final Set<String> ENDS_SIGN_IN = Set.of("POST /api/v1/auth/logout");

    @Test
    void every_api_operation_answers_each_kind_of_caller_as_it_should() {
        World world = World.build();
        List<MatrixOperation> operations = MatrixOperation.fromOpenApi();
        assertTrue(operations.size() > 40, "the OpenAPI document lists the API (found " + operations.size() + ")");
        for (String open : PUBLIC) {
            assertTrue(operations.stream().anyMatch(o -> o.key().equals(open)), open + " is listed in OpenAPI");
        }

        MatrixReport report = new MatrixReport(operations);
        List<String> problems = new ArrayList<>();
        String before = world.ownerView();

        for (MatrixOperation op : operations) {
            int status = call(null, op, world).statusCode();
            report.put(op, "anonymous", status);
            boolean open = PUBLIC.contains(op.key());
            if (!open && status != 401) {
                problems.add("anonymous " + op.key() + " → " + status + " (expected 401)");
            }
            if (status >= 500) {
                problems.add("anonymous " + op.key() + " → " + status);
            }
        }

        for (Caller stranger : List.of(new Caller("other client", world.otherClient),
                new Caller("other specialist", world.otherSpecialist))) {
            for (MatrixOperation op : ordered(operations)) {
                Response r = call(stranger.account().token(), op, world);
                int status = r.statusCode();
                report.put(op, stranger.name(), status);
                String who = stranger.name() + " " + op.key() + " → " + status;
                if (status >= 500 || (status == 401 && !PUBLIC.contains(op.key()))) {
                    problems.add(who);
                } else if (op.touchesOwnersData() && status != 403 && status != 404) {
                    problems.add(who + " (expected 403 or 404 for the first client's data"
                            + (status == 400 ? "; add a valid sample body to MatrixOperation.SAMPLE_BODIES" : "") + ")");
                }
                String leak = world.leakIn(r.asString());
                if (leak != null) {
                    problems.add(who + " shows the first client's " + leak);
                }
            }
        }
        assertEquals(before, world.ownerView(), "other people's attempts changed nothing of the first client's data");

        for (Caller insider : List.of(new Caller("owner", world.client), new Caller("admin", world.admin))) {
            for (MatrixOperation op : ordered(operations)) {
                int status = call(insider.account().token(), op, world).statusCode();
                report.put(op, insider.name(), status);
                String who = insider.name() + " " + op.key() + " → " + status;
                if (status >= 500 || (status == 401 && !PUBLIC.contains(op.key()))) {
                    problems.add(who);
                } else if (insider.name().equals("admin") && op.method().equals("GET") && op.touchesOwnersData() && status != 200
                        && !(PARTICIPANTS_ONLY.contains(op.key()) && status == 404)) {
                    problems.add(who + " (an admin reads every client's data)");
                } else if (insider.name().equals("owner") && op.method().equals("GET") && op.touchesOwnersData()
                        && status == 404 && !op.staffOnlyRead()) {
                    problems.add(who + " (the owner must find their own data)");
                }
            }
        }

        System.out.println(report);
        assertTrue(problems.isEmpty(), "authorization problems:\n" + String.join("\n", problems) + "\n\n" + report);
    }

    private record Caller(String name, Api.Account account) {}

    /** Reads before writes, and whatever ends the caller's sign-in last. */
    private static List<MatrixOperation> ordered(List<MatrixOperation> operations) {
        List<MatrixOperation> result = new ArrayList<>();
        operations.stream().filter(o -> o.method().equals("GET")).forEach(result::add);
        operations.stream().filter(o -> !o.method().equals("GET") && !ENDS_SIGN_IN.contains(o.key())).forEach(result::add);
        operations.stream().filter(o -> ENDS_SIGN_IN.contains(o.key())).forEach(result::add);
        return result;
    }

    private static Response call(String token, MatrixOperation op, World world) {
        RequestSpecification spec = given().redirects().follow(false).contentType("application/json").accept("*/*");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        String body = op.sampleBody(world);
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            spec = spec.body(body);
        }
        return spec.request(op.method(), op.concretePath(world));
    }

    /** Every path variable the API uses has a fixture; a new one fails here until it gets one. */
    @Test
    void every_path_variable_has_a_fixture() {
        Set<String> unknown = new TreeSet<>();
        for (MatrixOperation op : MatrixOperation.fromOpenApi()) {
            unknown.addAll(op.unknownVariables());
        }
        assertTrue(unknown.isEmpty(), "path variables without a fixture in MatrixOperation.resolve: " + unknown);
    }
}
