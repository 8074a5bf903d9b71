package fi.askel.rehab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Rehab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-statement read of a client's progress gives what the three entity reads give: the same rows, fields and
 * order, with missing numbers as missing (not 0), and nothing of another client's.
 */
@QuarkusTest
class ProgressRowsTest {

    @Test
    void gives_the_same_rows_in_the_same_order_as_the_entity_reads() {
        Rehab.Team team = Rehab.team();
        long assignment = Rehab.assign(team, "stress-and-relaxation");
        long clientId = team.client().id();
        Rehab.Team other = Rehab.team();
        long othersAssignment = Rehab.assign(other, "stress-and-relaxation");
        LocalDate day = LocalDate.of(2026, 11, 2);
        Instant at = Instant.parse("2026-11-02T07:15:30.123Z");
        QuarkusTransaction.requiringNew().run(() -> {
            // logged out of order, one without effort and pain, one with every number
            log(assignment, clientId, "calm-breathing", day.plusDays(2), null, null, 5, null, null);
            log(assignment, clientId, "body-relaxation", day, 3, 10, 20, 4, 2);
            log(assignment, clientId, "calm-breathing", day, null, null, 7, null, null);
            log(othersAssignment, other.client().id(), "calm-breathing", day, null, null, 9, null, null);
            result(assignment, clientId, "stress-now", at.plus(3, ChronoUnit.DAYS), 12, 40, false);
            result(assignment, clientId, "stress-before", at, 18, 40, true);
            diary(assignment, clientId, "sleep", "night-2", day.plusDays(1), "{\"hours\":7}", at);
            diary(assignment, clientId, "glucose", "morning", day, "{\"mmol\":5.6}", at.plusSeconds(60));
            diary(assignment, clientId, "sleep", "night-1", day, "{\"hours\":6.5}", at.plusSeconds(120));
            diary(assignment, clientId, "sleep", "nap", day, "{\"minutes\":20}", at.plusSeconds(180));
        });

        QuarkusTransaction.requiringNew().run(() -> {
            ProgressRows rows = ProgressRows.of(clientId);
            assertEquals(ExerciseLog.listByClient(clientId).stream().map(ProgressRowsTest::of).toList(),
                    rows.logs().stream().map(ProgressRowsTest::of).toList());
            assertEquals(QuestionnaireResult.listByClient(clientId).stream().map(ProgressRowsTest::of).toList(),
                    rows.results().stream().map(ProgressRowsTest::of).toList());
            assertEquals(DiaryEntry.listByClient(clientId).stream().map(ProgressRowsTest::of).toList(),
                    rows.diary().stream().map(ProgressRowsTest::of).toList());
            assertEquals(List.of(20, 7, 5), rows.logs().stream().map(l -> l.minutesDone).toList());
            assertEquals(List.of("glucose", "sleep", "sleep", "sleep"), rows.diary().stream().map(d -> d.logKind).toList());
            assertEquals(at, rows.results().get(0).recordedAt);
        });
    }

    private static List<Object> of(ExerciseLog l) {
        return java.util.Arrays.asList(l.id, l.assignmentId, l.clientId, l.stepKey, l.doneOn, l.setsDone, l.repsDone,
                l.minutesDone, l.effort, l.pain);
    }

    private static List<Object> of(QuestionnaireResult r) {
        return java.util.Arrays.asList(r.assignmentId, r.stepKey, r.clientId, r.instrument, r.score, r.maxScore,
                r.higherIsBetter, r.recordedAt);
    }

    private static List<Object> of(DiaryEntry d) {
        return java.util.Arrays.asList(d.id, d.assignmentId, d.clientId, d.stepKey, d.logKind, d.entryKey, d.entryOn,
                d.entry, d.savedAt);
    }

    private static void log(long assignment, long client, String step, LocalDate on, Integer sets, Integer reps,
            Integer minutes, Integer effort, Integer pain) {
        ExerciseLog l = new ExerciseLog();
        l.assignmentId = assignment;
        l.clientId = client;
        l.stepKey = step;
        l.doneOn = on;
        l.setsDone = sets;
        l.repsDone = reps;
        l.minutesDone = minutes;
        l.effort = effort;
        l.pain = pain;
        l.persist();
    }

    private static void result(long assignment, long client, String step, Instant at, int score, int max, boolean higher) {
        QuestionnaireResult r = new QuestionnaireResult();
        r.assignmentId = assignment;
        r.stepKey = step;
        r.clientId = client;
        r.instrument = "PSS-10";
        r.score = score;
        r.maxScore = max;
        r.higherIsBetter = higher;
        r.recordedAt = at;
        r.persist();
    }

    private static void diary(long assignment, long client, String log, String key, LocalDate on, String entry, Instant at) {
        DiaryEntry d = new DiaryEntry();
        d.assignmentId = assignment;
        d.clientId = client;
        d.stepKey = log + "-diary";
        d.logKind = log;
        d.entryKey = key;
        d.entryOn = on;
        d.entry = entry;
        d.savedAt = at;
        d.persist();
    }
}
