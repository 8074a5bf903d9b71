package fi.askel.support;

import fi.askel.common.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fixtures for rehabilitation work: a specialist with a client in a current period, and valid answers. */
public final class Rehab {

    public record Team(Api.Account specialist, Api.Account client, long periodId) {}

    private Rehab() {}

    /** A new specialist and client, and a period (today ± 60 days) with the specialist responsible. */
    public static Team team() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long periodId = Json.id(specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().minusDays(10).toString(),
                        "endsOn", Dates.today().plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201));
        assessSuitable(specialist, periodId);
        return new Team(specialist, client, periodId);
    }

    /**
     * Records, as the responsible specialist, that remote rehabilitation suits the client in the period: remote
     * work (assignments, video calls) waits for it. The client's own consent comes from {@link Api#acknowledge}.
     */
    /** Opens a period (the request body as for POST /api/v1/periods) and assesses it suitable; answers its id. */
    public static long suitablePeriod(Api.Account specialist, Map<String, Object> period) {
        long periodId = Json.id(specialist.as().body(period).post("/api/v1/periods").then().statusCode(201));
        assessSuitable(specialist, periodId);
        return periodId;
    }

    public static void assessSuitable(Api.Account specialist, long periodId) {
        specialist.as().body(suitable()).post("/api/v1/periods/" + periodId + "/suitability").then().statusCode(201);
    }

    /** A complete assessment that finds remote rehabilitation suitable; tests change what they need. */
    public static Map<String, Object> suitable() {
        Map<String, Object> body = new HashMap<>();
        body.put("testCall", "YES");
        body.put("privateSpace", "YES");
        body.put("digitalSkills", "INDEPENDENT");
        body.put("handsOnNeeded", false);
        body.put("clientWish", "WANTS_REMOTE");
        body.put("interpreterNeeded", false);
        body.put("clientConsented", true);
        body.put("decision", "SUITABLE");
        return body;
    }

    public static long assign(Team team, String slug) {
        return Json.id(team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", slug))
                .post("/api/v1/assignments").then().statusCode(201));
    }

    /** A complete, valid answer for a step as the module API shows it (answered by its answerShape). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> validAnswer(Map<String, Object> step) {
        String type = (String) step.get("answerShape");
        List<Map<String, Object>> items = (List<Map<String, Object>>) step.get("items");
        Map<String, Object> answer = new HashMap<>();
        switch (type) {
            case "read" -> answer.put("read", true);
            case "reflection" -> answer.put("text", "Minulle tärkeintä on jaksaa arjessa.");
            case "scale" -> {
                Map<String, Object> values = new HashMap<>();
                items.forEach(i -> values.put((String) i.get("key"), i.get("min")));
                answer.put("values", values);
            }
            case "checklist" -> answer.put("checked", List.of(items.get(0).get("key")));
            case "exercise" -> answer.put("logs", List.of(Map.of("date", Dates.today().toString(), "sets", 2,
                    "reps", 10, "effort", 4, "pain", 2)));
            case "quiz" -> {
                Map<String, Object> answers = new HashMap<>();
                for (Map<String, Object> q : (List<Map<String, Object>>) step.get("questions")) {
                    answers.put((String) q.get("key"), List.of(((List<Map<String, Object>>) q.get("choices")).get(0).get("key")));
                }
                answer.put("answers", answers);
            }
            case "goal" -> answer.putAll(Map.of("title", "Kävelen kauppaan", "levels", Map.of("-2", "En lainkaan", "-1", "Kerran",
                    "0", "Kahdesti viikossa", "1", "Kolmesti", "2", "Joka päivä")));
            case "questionnaire" -> {
                Map<String, Object> values = new HashMap<>();
                Object option = ((List<Map<String, Object>>) step.get("options")).get(0).get("value");
                items.forEach(i -> values.put((String) i.get("key"), option));
                answer.put("values", values);
            }
            case "diary" -> answer.put("logs", List.of(diaryEntry((String) step.get("instrument"), Dates.today())));
            case "plan" -> {
                Map<String, Object> texts = new HashMap<>();
                items.forEach(i -> texts.put((String) i.get("key"), "Kävelen kauppaan kahdesti viikossa."));
                answer.put("texts", texts);
            }
            default -> throw new IllegalArgumentException(type);
        }
        return answer;
    }

    /** A valid entry of a diary step (its {@code instrument}: sleep, glucose, weekly-check-in) for the day. */
    public static Map<String, Object> diaryEntry(String log, LocalDate day) {
        return switch (log) {
            case "sleep" -> Map.of("date", day.toString(), "bedtime", "22:30", "minutesToSleep", 20, "wakings", 1,
                    "riseTime", "06:45", "rested", 3);
            case "glucose" -> Map.of("date", day.toString(), "time", "07:30", "mmol", 6.2, "situation", "fasting");
            case "weekly-check-in" -> Map.of("week", day.toString(), "howWent", 4, "helped", "Iltakävelyt");
            default -> throw new IllegalArgumentException(log);
        };
    }

    /** Marks every step of the assignment done with a valid answer. */
    @SuppressWarnings("unchecked")
    public static List<String> completeAll(Api.Account client, long assignmentId, String slug) {
        List<Map<String, Object>> steps = Json.objects(Json.field(Json.of(client.as().get("/api/v1/modules/" + slug)
                .then().statusCode(200)), "steps"));
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            client.as().body(Map.of("answer", validAnswer(step), "final", true))
                    .put("/api/v1/assignments/" + assignmentId + "/steps/" + step.get("key")).then().statusCode(200);
            keys.add((String) step.get("key"));
        }
        return keys;
    }
}
