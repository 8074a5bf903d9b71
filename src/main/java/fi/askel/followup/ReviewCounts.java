package fi.askel.followup;

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
            return Assignment.count("status", AssignmentStatus.SUBMITTED);
        }
        if (clientIds.isEmpty()) {
            return 0;
        }
        IdList in = IdList.of(clientIds, 2);
        return Assignment.count("status = ?1 and " + in.in("clientId"), in.after(AssignmentStatus.SUBMITTED));
    }
}
