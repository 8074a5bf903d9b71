package fi.askel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.steps.Step;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clients' work: assignments of the stored module versions (each client's in a block, different modules), the
 * answers to their steps in order, and the specialist's review of those approved or sent back. An assignment's
 * status follows its answers: none ASSIGNED, some IN_PROGRESS, all SUBMITTED, APPROVED or NEEDS_WORK.
 */
final class Work {

    /** Answers are at most this share of all steps, so open work stays for step saves and the review queue. */
    static final double MAX_ANSWERED_SHARE = 0.7;

    private final Context c;
    private final List<ModuleAnswers.Version> modules;
    private final int[] answered;
    private final int[] module;
    private final String[] status;
    private final long base;

    Work(Context c, List<ModuleAnswers.Version> modules) throws SQLException {
        this.c = c;
        this.modules = modules;
        int n = c.scale().assignments();
        this.answered = new int[n];
        this.module = new int[n];
        this.status = new String[n];
        this.base = Context.maxId(c.db(), "assignment");
        plan();
    }

    /** How many step answers the set holds: the scale's, or fewer where the modules have too few steps for it. */
    static int answersPossible(Scale s, List<ModuleAnswers.Version> modules) {
        long steps = 0;
        for (int j = 0; j < s.assignments(); j++) {
            steps += modules.get(j % modules.size()).stepKeys().size();
        }
        return (int) Math.min(s.answers(), (long) (steps * MAX_ANSWERED_SHARE));
    }

    int answers() {
        int sum = 0;
        for (int a : answered) {
            sum += a;
        }
        return sum;
    }

    private int clientOf(int j) {
        return (int) ((long) j * c.scale().clients() / c.scale().assignments());
    }

    /** Spreads exactly answersPossible() answers over the assignments, each between none and all of its steps. */
    private void plan() {
        SplittableRandom random = c.random("assignment");
        int n = answered.length;
        long[] capacityAfter = new long[n + 1];
        for (int j = n - 1; j >= 0; j--) {
            module[j] = (j + clientOf(j)) % modules.size(); // a client's ten in a row, from a place of their own
            capacityAfter[j] = capacityAfter[j + 1] + modules.get(module[j]).stepKeys().size();
        }
        long left = answersPossible(c.scale(), modules);
        for (int j = 0; j < n; j++) {
            int steps = modules.get(module[j]).stepKeys().size();
            double share = (double) left / capacityAfter[j];
            int wish = random.nextDouble() < share ? steps : random.nextDouble() < share ? random.nextInt(1, steps) : 0;
            long low = Math.max(0, left - capacityAfter[j + 1]);
            int a = (int) Math.max(low, Math.min(Math.min(wish, steps), left));
            answered[j] = a;
            left -= a;
            int r = random.nextInt(20);
            status[j] = a == 0 ? "ASSIGNED" : a < steps ? "IN_PROGRESS" : r < 8 ? "SUBMITTED" : r < 17 ? "APPROVED" : "NEEDS_WORK";
        }
    }

    void write() throws SQLException {
        SplittableRandom random = c.random("step_answer");
        int n = answered.length;
        try (Rows rows = c.rows("assignment", "id,client_id,period_id,module_slug,module_version,status,opens_on,due_on,note,"
                + "assigned_by,created_at,started_at,submitted_at,reviewed_at,last_activity_at,version", n)) {
            for (int j = 0; j < n; j++) {
                int client = clientOf(j);
                ModuleAnswers.Version v = modules.get(module[j]);
                double ago = 27 - (j % 10) * 2.5; // each client's assignments over the four weeks since the assessment
                LocalDateTime created = c.daysAgo(ago);
                LocalDateTime started = answered[j] == 0 ? null : c.daysAgo(ago - 0.5);
                LocalDateTime submitted = answered[j] < v.stepKeys().size() ? null : c.daysAgo(ago - 2);
                LocalDateTime reviewed = submitted == null || status[j].equals("SUBMITTED") ? null : c.daysAgo(ago - 3);
                LocalDateTime last = reviewed != null ? reviewed : submitted != null ? submitted : started;
                rows.add(base + 1 + j, c.clientId(client), c.periodId(client), v.slug(), v.version(), status[j], null,
                        c.today().plusDays(7 + random.nextInt(21)), null, c.specialistId(c.specialistOfClient(client)),
                        created, started, submitted, reviewed, last, 0);
            }
        }
        try (Rows rows = c.rows("step_answer", "assignment_id,step_key,answer,is_final,revision,saved_at", answers())) {
            for (int j = 0; j < n; j++) {
                ModuleAnswers.Version v = modules.get(module[j]);
                for (int k = 0; k < answered[j]; k++) {
                    rows.add(base + 1 + j, v.stepKeys().get(k), answer(j, k).toString(), true, 1 + random.nextInt(3),
                            savedAt(j));
                }
            }
        }
        reviews();
    }

    private void reviews() throws SQLException {
        long reviewed = java.util.Arrays.stream(status).filter(s -> s.equals("APPROVED") || s.equals("NEEDS_WORK")).count();
        long reviewBase = Context.maxId(c.db(), "review");
        long id = reviewBase;
        try (Rows rows = c.rows("review", "id,assignment_id,reviewer_id,decision,comment,created_at", reviewed)) {
            for (int j = 0; j < status.length; j++) {
                if (status[j].equals("APPROVED") || status[j].equals("NEEDS_WORK")) {
                    boolean ok = status[j].equals("APPROVED");
                    rows.add(++id, base + 1 + j, c.specialistId(c.specialistOfClient(clientOf(j))), status[j],
                            ok ? "Kiitos vastauksista. Palataan näihin tapaamisessa." : "Tee vielä harjoituspäiväkirja viikon ajalta.",
                            c.daysAgo(27 - (j % 10) * 2.5 - 3));
                }
            }
        }
    }

    /** The answer assignment {@code j} has at its step {@code k} (one of the step's checked answers). */
    JsonNode answer(int j, int k) {
        return modules.get(module[j]).answers().get(k).get(ModuleAnswers.variant(c.seed(), j, k));
    }

    Step step(int j, int k) {
        return modules.get(module[j]).steps().get(k);
    }

    int answered(int j) {
        return answered[j];
    }

    LocalDateTime savedAt(int j) {
        return c.daysAgo(27 - (j % 10) * 2.5 - 1);
    }

    /** Client and responsible specialist of each assignment, for the access log. */
    long clientIdOf(int j) {
        return c.clientId(clientOf(j));
    }

    int specialistOf(int j) {
        return c.specialistOfClient(clientOf(j));
    }

    long assignmentId(int j) {
        return base + 1 + j;
    }

    String statusOf(int j) {
        return status[j];
    }
}
