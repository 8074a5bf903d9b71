package fi.askel.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.rehab.ExerciseLog;
import fi.askel.support.Rehab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What {@link ReadOnlySession} promises: rows persisted after it are written at commit; loaded entities are not. */
@QuarkusTest
class ReadOnlySessionTest {

    @Test
    void persisted_rows_are_written_and_changes_to_loaded_ones_are_not() {
        Rehab.Team team = Rehab.team();
        long assignment = Rehab.assign(team, "stress-and-relaxation");
        long clientId = team.client().id();
        long first = QuarkusTransaction.requiringNew().call(() -> log(assignment, clientId, 5).id);

        QuarkusTransaction.requiringNew().run(() -> {
            ReadOnlySession.begin();
            ExerciseLog loaded = ExerciseLog.findById(first);
            loaded.minutesDone = 50;
            log(assignment, clientId, 7);
        });

        QuarkusTransaction.requiringNew().run(() -> assertEquals(java.util.List.of(5, 7),
                ExerciseLog.listByClient(clientId).stream().map(l -> l.minutesDone).toList()));
    }

    private static ExerciseLog log(long assignment, long clientId, int minutes) {
        ExerciseLog l = new ExerciseLog();
        l.assignmentId = assignment;
        l.clientId = clientId;
        l.stepKey = "calm-breathing";
        l.doneOn = LocalDate.of(2026, 11, 2);
        l.minutesDone = minutes;
        l.persist();
        return l;
    }
}
