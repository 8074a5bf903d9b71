package fi.askel.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.SweepHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation under /api/v1 that the OpenAPI document lists (so a new endpoint is
 * covered the day it is added) as five callers: nobody, the client who owns the data, another
 * client, a specialist of another client and an admin; the module editor's operations also as the
 * first client's specialist, whom the admin has let author modules (everyone else gets 403 there). Ids in paths point at the first client's
 * data. What must hold:
 * <ul>
 * <li>nobody gets anything but 401, except on the few public operations;</li>
 * <li>the other client and the other specialist get 403 or 404 for the first client's things, and
 * no answer they get anywhere contains the first client's name or words; their writes change
 * nothing;</li>
 * <li>the owner reads every one of their own things (2xx; staff-only reads aside) and makes the
 * changes a client makes to their own things; the admin reads everything and makes the changes an
 * admin makes; neither is ever turned away as a stranger;</li>
 * <li>nobody ever gets a 5xx.</li>
 * </ul>
 * The result table is printed, so a reviewer sees the whole matrix.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /**
     * Operations anyone may call; README's list of public endpoints says the same. The reset page's strength check
     * has the reset link's token as its credential (410 without a usable one).
     */
    static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "GET /api/v1/privacy/notice", "POST /api/v1/password-strength/reset");

    /**
     * Reads only the two participants of a video call make (joining the call itself): an admin, like any
     * non-participant, is answered 404 there.
     */
    static final Set<String> PARTICIPANTS_ONLY = Set.of("GET /api/v1/appointments/{id}/call");

    /**
     * The owner's reads of their own things that answer a 4xx other than "not yours" for a reason of time, not of
     * access: a video call opens shortly before it starts (409 until then, for the owner only; strangers get 404).
     */
    static final Map<String, Integer> OWNER_READS_NOT_YET = Map.of("GET /api/v1/appointments/{id}/call", 409);

    /** Writes the owner makes on their own things (answers, goals, posts, group settings, consents): each must succeed. */
    static final Set<String> OWNER_WRITES = Set.of(
            "PUT /api/v1/assignments/{id}/steps/{stepKey}",
            "POST /api/v1/clients/{clientId}/goals",
            "POST /api/v1/goals/{id}/ratings",
            "POST /api/v1/groups/{groupId}/threads",
            "PUT /api/v1/groups/{id}/me",
            "POST /api/v1/groups/{id}/rules/accept",
            "POST /api/v1/threads/{id}/posts",
            "PUT /api/v1/posts/{id}",
            "DELETE /api/v1/posts/{id}",
            "POST /api/v1/notifications/{id}/read",
            "PUT /api/v1/me/consents/{kind}",
            "POST /api/v1/me/surveys/{periodId}/{phase}/later");

    /** Writes an admin makes on a client's things and the provider's groups: each must succeed. */
    static final Set<String> ADMIN_WRITES = Set.of(
            "POST /api/v1/admin/erasure-requests/{id}/process",
            "POST /api/v1/assignments",
            "PUT /api/v1/assignments/{id}/adaptation",
            "POST /api/v1/clients/{clientId}/goals",
            "POST /api/v1/goals/{id}/ratings",
            "POST /api/v1/groups/{groupId}/members",
            "POST /api/v1/groups/{groupId}/threads",
            "PUT /api/v1/groups/{id}",
            "POST /api/v1/groups/{id}/archive",
            "POST /api/v1/groups/{id}/reopen",
            "POST /api/v1/threads/{id}/posts",
            "POST /api/v1/threads/{id}/lock",
            "POST /api/v1/threads/{id}/unlock",
            "POST /api/v1/threads/{id}/pin",
            "POST /api/v1/threads/{id}/unpin",
            "POST /api/v1/periods/{id}/specialists",
            "POST /api/v1/posts/{id}/hide",
            "POST /api/v1/posts/{id}/unhide",
            "POST /api/v1/reports/{id}/dismiss",
            "POST /api/v1/users/{id}/external-identities",
            "POST /api/v1/users/{id}/mfa-reset");

    /** Operations that end the caller's own sign-in: run last for each caller. */
    static final Set<String> ENDS_SIGN_IN = Set.of("POST /api/v1/auth/logout");

    /**
     * Module zips (ModuleZipTest): authoring operations like the rest, so only the author gets past them (the author's
     * downloads answer 200 as every authoring read; the import, sent JSON here, answers 415 after the permission check).
     */
    static final Set<String> AUTHORING_ZIPS = Set.of("GET /api/v1/authoring/modules/{slug}/export",
            "GET /api/v1/authoring/drafts/{id}/export", "POST /api/v1/authoring/drafts/import");

    /** A draft's pictures (DraftPictureUploadTest): authoring operations too, only the author gets past them. */
    static final Set<String> AUTHORING_PICTURES = Set.of("POST /api/v1/authoring/drafts/{id}/steps/{index}/images",
            "DELETE /api/v1/authoring/drafts/{id}/steps/{index}/images/{file}");

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
            int status = call(null, op, world).status();
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
                SweepHttp.Answer r = call(stranger.account().token(), op, world);
                int status = r.status();
                report.put(op, stranger.name(), status);
                String who = stranger.name() + " " + op.key() + " → " + status;
                if (status >= 500 || (status == 401 && !PUBLIC.contains(op.key()))) {
                    problems.add(who);
                } else if (op.touchesOwnersData() && status != 403 && status != 404) {
                    problems.add(who + " (expected 403 or 404 for the first client's data"
                            + (status == 400 ? "; add a valid sample body to MatrixOperation.SAMPLE_BODIES" : "") + ")");
                }
                if (op.authoring() && status != 403) {
                    problems.add(who + " (authoring needs the permission: expected 403)");
                }
                String leak = world.leakIn(r.body());
                if (leak != null) {
                    problems.add(who + " shows the first client's " + leak);
                }
            }
        }
        assertEquals(before, world.ownerView(), "other people's attempts changed nothing of the first client's data");

        for (Caller insider : List.of(new Caller("owner", world.client), new Caller("admin", world.admin))) {
            for (MatrixOperation op : ordered(operations)) {
                int status = call(insider.account().token(), op, world).status();
                report.put(op, insider.name(), status);
                String who = insider.name() + " " + op.key() + " → " + status;
                if (status >= 500 || (status == 401 && !PUBLIC.contains(op.key()))) {
                    problems.add(who);
                } else if (op.authoring() && status != 403) {
                    problems.add(who + " (authoring needs the permission, which an admin gives and does not hold: expected 403)");
                } else if (insider.name().equals("admin") && op.method().equals("GET") && op.touchesOwnersData() && status != 200
                        && !op.path().startsWith("/api/v1/me/")
                        && !(PARTICIPANTS_ONLY.contains(op.key()) && status == 404)) {
                    problems.add(who + " (an admin reads every client's data)");
                } else if (insider.name().equals("owner") && op.method().equals("GET") && op.touchesOwnersData()) {
                    Integer notYet = OWNER_READS_NOT_YET.get(op.key());
                    if (op.staffOnlyRead() ? status != 403 && status != 404
                            : (status < 200 || status > 299) && !Integer.valueOf(status).equals(notYet)) {
                        problems.add(who + (op.staffOnlyRead() ? " (a staff-only read: expected 403 or 404)"
                                : " (the owner reads their own data: expected 2xx)"));
                    }
                } else if ((insider.name().equals("owner") ? OWNER_WRITES : ADMIN_WRITES).contains(op.key())
                        && (status < 200 || status > 299)) {
                    problems.add(who + " (the " + insider.name() + " may make this change: expected 2xx)");
                }
            }
            if (insider.name().equals("owner")) {
                // Their change of their own answer landed (read in a new sign-in: the matrix signed them out; and
                // before the admin's turn, which processes their erasure request).
                String answer = given().auth().oauth2(Api.login(world.client.username(), Api.PASSWORD))
                        .get("/api/v1/assignments/" + world.assignmentId).asString();
                if (!answer.contains("Changed")) {
                    problems.add("the owner's PUT of their answer did not change it: " + answer);
                }
            }
        }
        // The specialist the admin let author modules: every authoring read answers, nothing fails.
        for (MatrixOperation op : ordered(operations).stream().filter(MatrixOperation::authoring).toList()) {
            int status = call(world.specialist.token(), op, world).status();
            report.put(op, "author", status);
            if (status >= 500 || status == 401 || status == 403 || (op.method().equals("GET") && (status < 200 || status > 299))) {
                problems.add("author " + op.key() + " → " + status + " (the author reads and writes drafts)");
            }
        }
        for (String zip : union(AUTHORING_ZIPS, AUTHORING_PICTURES)) {
            if (operations.stream().noneMatch(o -> o.key().equals(zip))) {
                problems.add(zip + " is not in the OpenAPI document, so the matrix does not check it");
            }
        }
        for (String write : union(OWNER_WRITES, ADMIN_WRITES)) {
            if (operations.stream().noneMatch(o -> o.key().equals(write))) {
                problems.add(write + " is expected to succeed but is not in the OpenAPI document");
            }
        }
        System.out.println(report);
        assertTrue(problems.isEmpty(), "authorization problems:\n" + String.join("\n", problems) + "\n\n" + report);
    }

    private record Caller(String name, Api.Account account) {}

    /** Reads before writes, deletions after the other writes (an edit needs its post), and whatever ends the caller's sign-in last. */
    private static List<MatrixOperation> ordered(List<MatrixOperation> operations) {
        List<MatrixOperation> result = new ArrayList<>();
        operations.stream().filter(o -> o.method().equals("GET")).forEach(result::add);
        operations.stream().filter(o -> !o.method().equals("GET") && !o.method().equals("DELETE") && !ENDS_SIGN_IN.contains(o.key()))
                .forEach(result::add);
        operations.stream().filter(o -> o.method().equals("DELETE")).forEach(result::add);
        operations.stream().filter(o -> ENDS_SIGN_IN.contains(o.key())).forEach(result::add);
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** One after another, in order: the matrix's callers change things (SweepHttp: much less time per request). */
    private static SweepHttp.Answer call(String token, MatrixOperation op, World world) {
        boolean withBody = !op.method().equals("GET") && !op.method().equals("DELETE");
        try {
            return SweepHttp.send(new SweepHttp.Request(op.method(), op.concretePath(world), token, "application/json",
                    withBody ? op.sampleBody(world).getBytes(StandardCharsets.UTF_8) : null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
