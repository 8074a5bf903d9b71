package fi.askel.followup;

import fi.askel.common.db.Counts;
import fi.askel.common.db.IdList;
import fi.askel.rehab.Assignment;
import fi.askel.rehab.AssignmentStatus;
import java.util.List;

/** How much is waiting for review, for the queue's page count. */
final class ReviewCounts {

    private ReviewCounts() {}

    /** Submitted assignments of the given clients; {@code null} means every client (admin). */
    static long pending(List<Long> clientIds) {
        if (clientIds == null) {
            return Counts.of("select count(*) from Assignment where status = ?1", AssignmentStatus.SUBMITTED);
        }
        if (clientIds.isEmpty()) {
            return 0;
        }
        IdList in = IdList.of(clientIds, 2);
        return Counts.of("select count(*) from Assignment where status = ?1 and " + in.in("clientId"), in.after(AssignmentStatus.SUBMITTED));
    }
}
