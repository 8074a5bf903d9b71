package fi.askel.followup;

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
        return clientIds.isEmpty() ? 0 : Assignment.count("status = ?1 and clientId in ?2", AssignmentStatus.SUBMITTED, clientIds);
    }
}
