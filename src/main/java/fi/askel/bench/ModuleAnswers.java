package fi.askel.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.content.Module;
import fi.askel.content.steps.AnswerCheck;
import fi.askel.content.steps.ChecklistStep;
import fi.askel.content.steps.DiaryStep;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.GoalStep;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.QuizStep;
import fi.askel.content.steps.PlanStep;
import fi.askel.content.steps.ReflectionStep;
import fi.askel.content.steps.ScaleStep;
import fi.askel.content.steps.Step;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The module versions the service stored at its start, each step with a few answers a client could have given.
 * Every answer is checked by the step's own rules ({@link AnswerCheck}, as a save through the API is) and
 * stored in the normal form the service would store, so the review and step pages read them as their own.
 */
final class ModuleAnswers {

    static final int VARIANTS = 6;
    /** An exercise or diary answer holds 1 to this many days' entries. */
    static final int LOGGED_DAYS = 5;

    /** A stored module version and, per step (in order), its answers in their normal form. */
    record Version(String slug, int version, List<Step> steps, List<String> stepKeys, List<List<JsonNode>> answers) {}

    private static final String[] PLANS = {"Kävelen puoli tuntia joka päivä ja venyttelen illalla.",
            "Soitan kuntoutuksen asiantuntijalle, jos kipu palaa.", "Jatkan harjoituksia kolmesti viikossa."};
    private static final String[] REFLECTIONS = {
        "Minulle tärkeintä on jaksaa arjessa ja ehtiä ulos joka päivä.",
        "Huomasin, että lyhyt kävely töiden jälkeen auttaa nukkumaan paremmin.",
        "Jag vill orka leka med barnbarnen utan att ryggen värker.",
        "Stressi kasautuu iltaisin; kokeilen hengitysharjoitusta ennen nukkumaanmenoa.",
        "Det hjälper att planera veckan på söndag kväll.",
        "Kipu on ollut vähäisempää, kun olen tehnyt venyttelyt aamuisin."};

    private ModuleAnswers() {
    }

    /** The newest stored version of every module; none means the service has not started on this database yet. */
    static List<Version> load(Connection db, LocalDate today, long seed) throws SQLException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<Version> versions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT v.slug, v.version, v.definition FROM content_module_version v WHERE v.version ="
                        + " (SELECT MAX(w.version) FROM content_module_version w WHERE w.slug = v.slug) ORDER BY v.slug")) {
            while (rs.next()) {
                Module module;
                try {
                    module = json.readValue(rs.getString(3), Module.class);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot read module " + rs.getString(1) + " v" + rs.getInt(2), e);
                }
                List<String> keys = new ArrayList<>();
                List<List<JsonNode>> answers = new ArrayList<>();
                for (Step step : module.steps()) {
                    keys.add(step.key());
                    List<JsonNode> variants = new ArrayList<>();
                    for (int v = 0; v < VARIANTS; v++) {
                        Map<String, Object> answer = answer(step, random, today.minusDays(1 + v));
                        variants.add(AnswerCheck.check(step, json.valueToTree(answer), true, today));
                    }
                    answers.add(variants);
                }
                versions.add(new Version(rs.getString(1), rs.getInt(2), module.steps(), keys, answers));
            }
        }
        return versions;
    }

    /** Which of a step's answers assignment {@code j} has at step {@code k}: fixed by the seed, the same for every table. */
    static int variant(long seed, int j, int k) {
        return Math.floorMod(Long.hashCode((j * 64L + k + 1) * 0x9E3779B97F4A7C15L ^ seed), VARIANTS);
    }

    /** A complete answer to the step, as the step's form would send it (exercises/README.md names the shapes). */
    static Map<String, Object> answer(Step step, SplittableRandom random, LocalDate day) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (step instanceof ReflectionStep r) {
            String text = REFLECTIONS[random.nextInt(REFLECTIONS.length)];
            a.put("text", text.length() > r.maxLength() ? text.substring(0, r.maxLength()) : text);
        } else if (step instanceof ScaleStep s) {
            Map<String, Object> values = new LinkedHashMap<>();
            s.items().forEach(i -> values.put(i.key(), i.min() + random.nextInt(i.max() - i.min() + 1)));
            a.put("values", values);
        } else if (step instanceof ChecklistStep c) {
            a.put("checked", List.of(c.items().get(random.nextInt(c.items().size())).key()));
        } else if (step instanceof ExerciseStep e) {
            List<Object> logs = new ArrayList<>();
            for (int n = 1 + random.nextInt(LOGGED_DAYS); n > 0; n--) { // one entry a day, every other day
                Map<String, Object> log = new LinkedHashMap<>();
                log.put("date", day.minusDays(2L * n).toString());
                // only what the step asks: a relaxation exercise logs its minutes, not effort or pain
                if (e.asks("sets")) {
                    log.put("sets", e.dose() == null ? null : e.dose().sets());
                }
                if (e.asks("reps")) {
                    log.put("reps", e.dose() == null ? null : e.dose().reps());
                }
                if (e.asks("minutes")) {
                    log.put("minutes", e.dose() == null ? null : e.dose().minutes());
                }
                if (e.asks("effort")) {
                    log.put("effort", random.nextInt(2, 8));
                }
                if (e.asks("pain")) {
                    log.put("pain", random.nextInt(0, 6));
                }
                logs.add(log);
            }
            a.put("logs", logs);
        } else if (step instanceof QuizStep q) {
            Map<String, Object> picked = new LinkedHashMap<>();
            q.questions().forEach(x -> picked.put(x.key(), List.of(x.choices().get(random.nextInt(x.choices().size())).key())));
            a.put("answers", picked);
        } else if (step instanceof GoalStep) {
            a.put("title", "Kävelen kauppaan ilman taukoja");
            a.put("levels", Map.of("-2", "En pysty kävelemään kauppaan", "-1", "Kahdella tauolla", "0", "Yhdellä tauolla",
                    "1", "Ilman taukoa", "2", "Kauppaan ja takaisin ilman taukoa"));
        } else if (step instanceof QuestionnaireStep q) {
            Map<String, Object> values = new LinkedHashMap<>();
            q.items().forEach(i -> values.put(i.key(), q.options().get(random.nextInt(q.options().size())).value()));
            a.put("values", values);
        } else if (step instanceof PlanStep p) {
            Map<String, Object> texts = new LinkedHashMap<>();
            p.parts().forEach(part -> texts.put(part.key(), PLANS[random.nextInt(PLANS.length)]));
            a.put("texts", texts);
        } else if (step instanceof DiaryStep d) {
            List<Object> logs = new ArrayList<>();
            for (int n = 1 + random.nextInt(LOGGED_DAYS); n > 0; n--) { // a week apart: one a night, or one a week
                logs.add(diaryEntry(d.log(), day.minusWeeks(n), random));
            }
            a.put("logs", logs);
        } else {
            a.put("read", true); // read and safety steps: the client has read it
        }
        return a;
    }

    private static Map<String, Object> diaryEntry(DiaryStep.Log log, LocalDate day, SplittableRandom random) {
        return switch (log) {
            case SLEEP -> Map.of("date", day.toString(), "bedtime", "22:30", "minutesToSleep", random.nextInt(5, 60),
                    "wakings", random.nextInt(0, 4), "riseTime", "06:45", "rested", random.nextInt(1, 6));
            case GLUCOSE -> Map.of("date", day.toString(), "time", "07:30", "mmol", 5.0 + random.nextInt(0, 30) / 10.0,
                    "situation", "fasting");
            case WEEKLY -> Map.of("week", day.toString(), "howWent", random.nextInt(1, 6), "helped", "Iltakävelyt");
        };
    }
}
