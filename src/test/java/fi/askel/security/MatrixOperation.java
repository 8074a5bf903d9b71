package fi.askel.security;

import fi.askel.common.Dates;
import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One method + path of the API as the OpenAPI document lists it, with its variables filled from the {@link World}. */
record MatrixOperation(String method, String path) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** A value for a path variable, and whether it is the first client's data. */
    record Value(String text, boolean owners) {}

    /**
     * Bodies that would be accepted from the right caller, so a stranger's request reaches the
     * access check instead of stopping at validation.
     */
    static final Map<String, Function<World, String>> SAMPLE_BODIES = Map.ofEntries(
            Map.entry("PUT /api/v1/assignments/{id}/steps/{stepKey}", w -> "{\"answer\":{\"text\":\"Changed\"},\"final\":false}"),
            Map.entry("PUT /api/v1/assignments/{id}/steps/{stepKey}/entries/{entryKey}", w -> "{\"date\":\""
                    + Dates.today() + "\",\"bedtime\":\"22:30\",\"minutesToSleep\":20,\"wakings\":1,"
                    + "\"riseTime\":\"06:45\",\"rested\":3}"),
            Map.entry("PUT /api/v1/assignments/{id}/adaptation", w -> "{\"note\":\"Changed\",\"steps\":{}}"),
            Map.entry("POST /api/v1/assignments/{id}/review", w -> "{\"decision\":\"NEEDS_WORK\",\"comment\":\"Changed\"}"),
            Map.entry("POST /api/v1/assignments", w -> "{\"clientId\":" + w.client.id() + ",\"moduleSlug\":\"" + World.MODULE + "\"}"),
            Map.entry("POST /api/v1/periods", w -> "{\"clientId\":" + w.client.id() + ",\"serviceType\":\"REHAB_COURSE\",\"startsOn\":\""
                    + Dates.today() + "\",\"endsOn\":\"" + Dates.today().plusDays(30) + "\"}"),
            Map.entry("POST /api/v1/periods/{id}/specialists", w -> "{\"userId\":" + w.otherSpecialist.id() + "}"),
            Map.entry("POST /api/v1/periods/{periodId}/suitability", w -> "{\"testCall\":\"YES\",\"privateSpace\":\"YES\","
                    + "\"digitalSkills\":\"INDEPENDENT\",\"handsOnNeeded\":false,\"clientWish\":\"WANTS_REMOTE\","
                    + "\"interpreterNeeded\":false,\"clientConsented\":true,\"decision\":\"NOT_SUITABLE\",\"reasons\":\"Changed\"}"),
            Map.entry("POST /api/v1/clients/{clientId}/goals", w -> "{\"title\":\"Changed\",\"weight\":1,\"levels\":"
                    + "{\"-2\":\"a\",\"-1\":\"b\",\"0\":\"c\",\"1\":\"d\",\"2\":\"e\"}}"),
            Map.entry("POST /api/v1/goals/{id}/ratings", w -> "{\"score\":1,\"phase\":\"MIDPOINT\"}"),
            Map.entry("PUT /api/v1/groups/{id}", w -> "{\"name\":\"Changed\",\"description\":\"Changed\",\"rules\":\"Changed\"}"),
            Map.entry("PUT /api/v1/groups/{id}/me", w -> "{\"pseudonym\":\"Changed\",\"emailDigest\":false}"),
            Map.entry("POST /api/v1/groups/{groupId}/members", w -> "{\"userId\":" + w.otherClient.id() + "}"),
            Map.entry("POST /api/v1/groups/{groupId}/threads", w -> "{\"title\":\"Changed\",\"body\":\"Changed\"}"),
            Map.entry("POST /api/v1/threads/{id}/posts", w -> "{\"body\":\"Changed\"}"),
            Map.entry("PUT /api/v1/posts/{id}", w -> "{\"body\":\"Changed\"}"),
            Map.entry("POST /api/v1/posts/{id}/report", w -> "{\"reason\":\"Changed\"}"),
            Map.entry("POST /api/v1/posts/{id}/hide", w -> "{\"reason\":\"Changed\"}"),
            Map.entry("PUT /api/v1/me/consents/{kind}", w -> "{\"given\":true}"),
            Map.entry("POST /api/v1/appointments", w -> "{\"clientId\":" + w.client.id() + ",\"startsAt\":\""
                    + java.time.OffsetDateTime.now().plusDays(3).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    + "\",\"durationMinutes\":30,\"topic\":\"Changed\"}"),
            Map.entry("PUT /api/v1/appointments/{id}", w -> "{\"startsAt\":\""
                    + java.time.OffsetDateTime.now().plusDays(4).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    + "\",\"durationMinutes\":30,\"topic\":\"Changed\"}"),
            Map.entry("POST /api/v1/appointments/{id}/cancel", w -> "{\"reason\":\"Changed\"}"),
            Map.entry("POST /api/v1/authoring/drafts", w -> "{\"slug\":\"matrix-" + System.nanoTime() + "\"}"),
            Map.entry("PUT /api/v1/authoring/drafts/{id}", w -> "{\"revision\":0,\"definition\":{\"slug\":\"changed\"}}"),
            Map.entry("POST /api/v1/authoring/drafts/{id}/review/return", w -> "{\"comment\":\"Changed\"}"),
            Map.entry("POST /api/v1/authoring/markdown-preview", w -> "{\"markdown\":\"**Changed**\"}"),
            Map.entry("PUT /api/v1/users/{id}/authoring", w -> "{\"granted\":true}"),
            Map.entry("POST /api/v1/users/{id}/external-identities",
                    w -> "{\"issuer\":\"https://broker.example\",\"subject\":\"matrix-" + System.nanoTime() + "\"}"));

    static List<MatrixOperation> fromOpenApi() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<MatrixOperation> result = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/")) {
                operations.keySet().stream().filter(METHODS::contains)
                        .forEach(m -> result.add(new MatrixOperation(m.toUpperCase(), path)));
            }
        });
        result.sort(Comparator.comparing(MatrixOperation::path).thenComparing(MatrixOperation::method));
        return result;
    }

    String key() {
        return method + " " + path;
    }

    /** The module editor's operations: only a specialist with the authoring permission gets past their door. */
    boolean authoring() {
        return path.startsWith("/api/v1/authoring/");
    }

    String concretePath(World world) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Value v = resolve(segmentBefore(m.start()), m.group(1), world);
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "1" : v.text()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether any id in the path is the first client's. */
    boolean touchesOwnersData() {
        return variables().stream().anyMatch(v -> resolve(v[0], v[1], PROBE) != null && resolve(v[0], v[1], PROBE).owners());
    }

    /**
     * Reads only staff may make even about the owner's own things (the owner gets 403 or 404 there): a post's edit
     * history, the account record and its broker links, the specialist's overview and survey view, and the
     * specialist's proposals of remote days (the client sees the days themselves), a group session's members
     * preview (who joined or left the peer group: the specialist's tool; the client sees the session), an assignment's
     * adaptation (the specialist's tool; the client sees it in the assignment itself), and everything under /admin
     * (the client reads their own surveys and export at /api/v1/me/…).
     */
    boolean staffOnlyRead() {
        return path.startsWith("/api/v1/admin/") || Set.of("GET /api/v1/posts/{id}/revisions", "GET /api/v1/users/{id}", "GET /api/v1/clients/{id}/overview",
                "GET /api/v1/clients/{id}/diaries",
                "GET /api/v1/users/{id}/external-identities", "GET /api/v1/clients/{clientId}/surveys",
                "GET /api/v1/periods/{periodId}/remote-days/proposals", "GET /api/v1/appointments/{id}/members",
                "GET /api/v1/assignments/{id}/adaptation").contains(key());
    }

    String sampleBody(World world) {
        Function<World, String> sample = SAMPLE_BODIES.get(key());
        return sample == null ? "{}" : sample.apply(world);
    }

    List<String> unknownVariables() {
        List<String> unknown = new ArrayList<>();
        for (String[] v : variables()) {
            if (resolve(v[0], v[1], PROBE) == null) {
                unknown.add(key() + " {" + v[1] + "}");
            }
        }
        return unknown;
    }

    private List<String[]> variables() {
        List<String[]> vars = new ArrayList<>();
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            vars.add(new String[] {segmentBefore(m.start()), m.group(1)});
        }
        return vars;
    }

    private String segmentBefore(int index) {
        String head = path.substring(0, index - 1);
        return head.substring(head.lastIndexOf('/') + 1);
    }

    /** A world whose ids are all zero: enough to tell which variables are known and whose they are. */
    private static final World PROBE = new World();

    /** The fixture for a path variable: named by the collection it follows (e.g. {@code assignments/{id}}). */
    static Value resolve(String collection, String variable, World w) {
        switch (collection + "/" + variable) {
            case "appointments/id": return new Value(String.valueOf(w.appointmentId), true);
            case "assignments/id": return new Value(String.valueOf(w.assignmentId), true);
            case "steps/stepKey": return new Value(w.stepKey == null ? "x" : w.stepKey, true);
            case "entries/entryKey": return new Value(Dates.today().toString(), false);
            case "clients/id":
            case "clients/clientId":
            case "users/id":
            case "members/userId": return new Value(String.valueOf(w.client == null ? 0 : w.client.id()), true);
            case "goals/id": return new Value(String.valueOf(w.goalId), true);
            case "periods/id": return new Value(String.valueOf(w.periodId), true);
            case "periods/periodId":
            case "surveys/periodId": return new Value(String.valueOf(w.periodId), true);
            case "remote-days/date": return new Value(Dates.today().toString(), false);
            case "{periodId}/phase": return new Value("MIDPOINT", false);
            case "groups/id":
            case "groups/groupId": return new Value(String.valueOf(w.groupId), true);
            case "threads/id": return new Value(String.valueOf(w.threadId), true);
            case "posts/id": return new Value(String.valueOf(w.postId), true);
            case "reports/id": return new Value(String.valueOf(w.reportId), true);
            case "notifications/id": return new Value(String.valueOf(w.notificationId), true);
            case "erasure-requests/id": return new Value(String.valueOf(w.erasureRequestId), true);
            case "consents/kind": return new Value("kela", false);
            case "external-identities/linkId": return new Value("0", false);
            case "modules/slug": return new Value(World.MODULE, false);
            // A module's illustration: shipped content, nobody's personal data (no such picture: 404 to everyone signed in).
            case "{slug}/version": return new Value("1", false);
            case "images/hash": return new Value("0123456789abcdef", false);
            case "{hash}/file": return new Value("no-such.svg", false);
            // A module draft: the provider's content, nobody's personal data; only authors may touch it.
            case "drafts/id": return new Value(String.valueOf(w.draftId), false);
            // A draft's step and one of its pictures (none of that name: 404 to the author).
            case "steps/index": return new Value("0", false);
            case "images/file": return new Value("no-such.png", false);
            // A module's history: the provider's content (version 3 of World.MODULE is stored from the files).
            case "versions/from":
            case "diff/to": return new Value("3", false);
            // Readiness: the provider's checklist and texts, nobody's personal data (0: no such item).
            case "items/id": return new Value("0", false);
            case "texts/lang": return new Value("en", false);
            // A course no test opens periods of; the admin's empty sample body is refused (400), so nothing is set.
            case "course-measures/serviceType": return new Value("OTHER", false);
            default: return null;
        }
    }
}
