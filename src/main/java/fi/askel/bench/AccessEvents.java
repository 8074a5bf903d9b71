package fi.askel.bench;

import fi.askel.privacy.AccessKind;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The access log of the generated work, four events per assignment by its responsible specialist: the
 * assignment made, the client's assignments read, the answers read, the review written (or the client's page
 * read). Written unsealed, as requests write them (the content columns only); the service's sealer
 * ({@code privacy.AccessSealer}) puts them into the hash chain once the service runs on the database.
 */
final class AccessEvents {

    private AccessEvents() {
    }

    static void write(Context c, Work work, String[] specialistNames) throws SQLException {
        int n = c.scale().assignments();
        try (Rows rows = c.rows("access_event", "occurred_at,actor_id,actor_username,actor_name,actor_role,client_id,kind,"
                + "purpose,route,remote_address", c.scale().accessEvents())) {
            for (int j = 0; j < n; j++) {
                int k = work.specialistOf(j);
                long client = work.clientIdOf(j);
                long assignment = work.assignmentId(j);
                boolean reviewed = work.statusOf(j).equals("APPROVED") || work.statusOf(j).equals("NEEDS_WORK");
                double ago = 27 - (j % 10) * 2.5;
                Object[] actor = {c.specialistId(k), c.specialistUsername(k), specialistNames[k], "SPECIALIST"};
                event(rows, actor, client, AccessKind.ASSIGNMENT_CREATED, "POST /api/v1/assignments", c.daysAgo(ago), k);
                event(rows, actor, client, AccessKind.ASSIGNMENTS_READ, "GET /clients/" + client, c.daysAgo(ago - 1), k);
                event(rows, actor, client, AccessKind.ANSWERS_READ, "GET /reviews/" + assignment, c.daysAgo(ago - 2.5), k);
                if (reviewed) {
                    event(rows, actor, client, AccessKind.REVIEW_WRITTEN, "POST /reviews/" + assignment, c.daysAgo(ago - 3), k);
                } else {
                    event(rows, actor, client, AccessKind.OVERVIEW_READ, "GET /clients/" + client, c.daysAgo(ago - 3), k);
                }
            }
        }
    }

    private static void event(Rows rows, Object[] actor, long client, AccessKind kind, String route, LocalDateTime at, int k)
            throws SQLException {
        rows.add(at, actor[0], actor[1], actor[2], actor[3], client, kind.name(), kind.defaultPurpose().name(), route,
                "192.0.2." + (1 + k % 250));
    }
}
