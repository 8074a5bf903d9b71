package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.SweepHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation /q/openapi publishes, called as anonymous, client, specialist, admin and a signed-out
 * caller (the token of a session that has logged out), with bad bodies (malformed JSON, wrong types, null,
 * an empty object, an array, an oversized body) and bad ids (not a number, past a long, negative, zero,
 * someone else's). Nothing may answer 5xx, and nothing outside the explicit public list may answer 2xx
 * to a caller who is not signed in.
 */
@QuarkusTest
class OpenApiSweepTest {

    /**
     * What a caller who is not signed in may use (DESIGN.md: signing in and refreshing a token, the privacy
     * notice anyone may read before agreeing to it; README "API": the pages to sign in, reset a password, read
     * the notice and get help, choose a language, static files, and the reminder opt-out a signed email link opens).
     */
    private static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "GET /api/v1/privacy/notice",
            "POST /api/v1/password-strength/reset",
            "GET /login", "POST /login", "POST /login/code", "GET /login/broker",
            "GET /password-reset/{token}", "POST /password-reset/{token}",
            "GET /help", "GET /help/emergency", "GET /help/support", "GET /help/accessibility", "GET /help/{role}",
            "GET /privacy/notice",
            "GET /reminders/opt-out", "POST /reminders/opt-out", "POST /language",
            "GET /static/{file}");

    /** Ending the caller's own sign-in: called only by those not signed in, so the sweep keeps its callers. */
    private static final Set<String> ENDS_OWN_SIGN_IN = Set.of("POST /api/v1/auth/logout", "POST /logout");

    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final String OVERSIZED = "{\"body\":\"" + "x".repeat(1_100_000) + "\"}";

    /**
     * Operations swept at once. Measured on the loaded 2-core machine, one JVM: 62 s with 1 in flight (the first pass,
     * so with warm-up), 20 s and 11 s with 4, 21 s with 2, 9 s with 8. The service admits 8 at once
     * (askel.http.concurrent-requests) and has 10 connections: 4 never waits for admission or a connection.
     */
    private static final int IN_FLIGHT = 4;

    private record Caller(String name, String token, boolean signedIn) {}

    private record Probe(Caller caller, String variant, SweepHttp.Request request) {}

    @Test
    void no_operation_answers_5xx_and_none_but_the_public_ones_answer_2xx_to_callers_not_signed_in() {
        Api.admin(); // signed in once, before the accounts are made at once (each a few password hashes)
        List<Api.Account> made = SweepHttp.inParallel(List.of(() -> Api.create("CLIENT"), () -> Api.create("SPECIALIST"),
                () -> Api.create("ADMIN"), () -> Api.create("CLIENT"), () -> Api.create("CLIENT")), 2);
        Api.Account client = made.get(0);
        Api.Account specialist = made.get(1);
        Api.Account admin = made.get(2);
        Api.Account other = made.get(3);
        Api.Account gone = made.get(4);
        given().auth().oauth2(gone.token()).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204);
        List<Caller> callers = List.of(new Caller("anonymous", null, false), new Caller("signed-out", gone.token(), false),
                new Caller("client", client.token(), true), new Caller("specialist", specialist.token(), true),
                new Caller("admin", admin.token(), true));
        List<String> badIds = List.of("abc", "99999999999999999999", "-1", "0", String.valueOf(other.id()));

        Map<String, Object> spec = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = spec.get("components") instanceof Map<?, ?> c && c.get("schemas") instanceof Map<?, ?> s
                ? (Map<String, Object>) s : Map.of();

        // One job per operation, its requests in the order above; a few operations at a time (SweepHttp: measured).
        List<Callable<List<String>>> jobs = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                String name = method + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String contentType = contentType(operation);
                List<String> bodies = new ArrayList<>();
                if (contentType != null) {
                    bodies.add(contentType.contains("json") ? "{\"a\":" : "%%%=&=");
                    bodies.add(contentType.contains("json") ? wrongTypes(operation, schemas) : "a=b&id=x");
                    bodies.add("null");
                    bodies.add("{}");
                    bodies.add("[]");
                }
                String badQuery = queryParams(operation).stream().map(q -> q + "=abc").reduce((a, b) -> a + "&" + b)
                        .map(q -> "?" + q).orElse("");
                String otherId = String.valueOf(other.id());
                List<Probe> probes = new ArrayList<>();
                for (Caller caller : callers) {
                    if (caller.signedIn() && ENDS_OWN_SIGN_IN.contains(name)) {
                        continue;
                    }
                    // Without any body at all, with someone else's id and nonsense in every query parameter.
                    probes.add(new Probe(caller, "no body, bad query",
                            request(caller, method, fill(path.getKey(), otherId) + badQuery, null, null)));
                    // Callers not signed in are turned away before their input is read: one bad body is enough.
                    List<String> ids = !caller.signedIn() || !PARAM.matcher(path.getKey()).find() ? List.of() : badIds;
                    List<String> tried = contentType == null ? List.of() : caller.signedIn() ? bodies : bodies.subList(0, 1);
                    for (String id : ids) {
                        probes.add(new Probe(caller, "id=" + id,
                                request(caller, method, fill(path.getKey(), id), contentType, contentType == null ? null : "{}")));
                    }
                    for (String body : tried) {
                        probes.add(new Probe(caller, "body=" + abbreviate(body),
                                request(caller, method, fill(path.getKey(), otherId), contentType, body)));
                    }
                }
                SweepHttp.Request big = contentType == null ? null
                        : request(callers.get(2), method, fill(path.getKey(), "1"), contentType, OVERSIZED);
                requests += probes.size() + (big == null ? 0 : 1);
                jobs.add(() -> sweep(name, probes, callers.get(2), big));
            }
        }
        List<String> failures = SweepHttp.inParallel(jobs, IN_FLIGHT).stream().flatMap(List::stream).toList();
        System.out.printf("OpenAPI sweep: %d operations, %d requests%n", operations, requests);
        assertTrue(operations > 50, "the sweep found the API in /q/openapi (" + operations + " operations)");
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the rules:\n" + String.join("\n", failures));
    }

    /** The refresh token of a signed-out session (with or without its access token) is refused as such, not a 500. */
    @Test
    void refreshing_a_signed_out_session_is_401_problem_json() {
        Api.Account client = Api.create("CLIENT");
        var login = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        String token = login.getString("token");
        String refresh = login.getString("refreshToken");
        given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://askel.fi/problems/session-ended"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/v1/auth/refresh")
                .then().statusCode(401).contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }

    private static void check(List<String> failures, String name, Caller caller, String variant, SweepHttp.Answer r) {
        int status = r.status();
        if (status >= 500) {
            failures.add(name + " as " + caller.name() + " (" + variant + ") → " + status + " " + r.contentType() + " "
                    + abbreviate(r.body()));
        } else if (!caller.signedIn() && status >= 200 && status < 300 && !PUBLIC.contains(name)) {
            failures.add(name + " as " + caller.name() + " (" + variant + ") → " + status + " to a caller not signed in");
        }
    }

    /** One operation's requests, one after another; the oversized body last, on a connection of its own. */
    private static List<String> sweep(String name, List<Probe> probes, Caller bigSender, SweepHttp.Request big)
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            check(failures, name, p.caller(), p.variant(), SweepHttp.send(p.request()));
        }
        if (big != null) {
            try {
                check(failures, name, bigSender, "oversized body", SweepHttp.sendAlone(big));
            } catch (IOException e) {
                // Refused while it was still being sent (413, then the connection closed): no answer, so not a 5xx.
            }
        }
        return failures;
    }

    private static SweepHttp.Request request(Caller caller, String method, String path, String contentType, String body) {
        return new SweepHttp.Request(method, path, caller.token(), body == null ? null : contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String fill(String template, String id) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String contentType(Map<String, Object> operation) {
        if (!(operation.get("requestBody") instanceof Map<?, ?> body) || !(body.get("content") instanceof Map<?, ?> content)
                || content.isEmpty()) {
            return null;
        }
        return content.containsKey("application/json") ? "application/json" : (String) content.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryParams(Map<String, Object> operation) {
        List<String> names = new ArrayList<>();
        if (operation.get("parameters") instanceof List<?> params) {
            for (Object p : params) {
                Map<String, Object> param = (Map<String, Object>) p;
                if ("query".equals(param.get("in"))) {
                    names.add((String) param.get("name"));
                }
            }
        }
        return names;
    }

    /** A JSON object whose every property has a value of the wrong type for its schema. */
    @SuppressWarnings("unchecked")
    private static String wrongTypes(Map<String, Object> operation, Map<String, Object> schemas) {
        Object schema = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) operation.get("requestBody"))
                .get("content")).get("application/json")).get("schema");
        Map<String, Object> resolved = resolve(schema, schemas);
        if (!(resolved.get("properties") instanceof Map<?, ?> properties)) {
            return "\"not an object\"";
        }
        Map<String, Object> wrong = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Map<String, Object> p = resolve(value, schemas);
            Object type = p.get("type");
            wrong.put((String) key, switch (type == null ? "object" : type.toString()) {
                case "string" -> List.of(1, 2);
                case "integer", "number" -> "many";
                case "boolean" -> "maybe";
                case "array" -> "not a list";
                default -> 42;
            });
        });
        return toJson(wrong);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Object schema, Map<String, Object> schemas) {
        if (!(schema instanceof Map<?, ?> map)) {
            return Map.of();
        }
        if (map.get("$ref") instanceof String ref) {
            Object target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return target instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
        }
        return (Map<String, Object>) map;
    }

    private static String toJson(Map<String, Object> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "none" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
