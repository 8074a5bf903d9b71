package fi.askel.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.content.Module;
import fi.askel.content.steps.AnswerCheck;
import fi.askel.content.steps.Step;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** A stored module version and, per step (in order), its answers in their normal form. */
    record Version(String slug, int version, List<Step> steps, List<String> stepKeys, List<List<JsonNode>> answers) {}

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
                        Map<String, Object> answer = step.sampleAnswer(random, today.minusDays(1 + v));
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
}
