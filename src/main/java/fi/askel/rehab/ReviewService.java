package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.db.IdList;
import fi.askel.content.ModuleCatalog;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.AssignmentViews.PendingReview;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The specialist's follow-up: a queue of submitted work, oldest first, and a decision on each. */
@ApplicationScoped
public class ReviewService {

    public static final int MAX_COMMENT = 4000;

    private final RehabAccess access;
    private final ModuleCatalog catalog;
    private final AccessLog accessLog;

    public ReviewService(RehabAccess access, ModuleCatalog catalog, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.access = access;
        this.catalog = catalog;
    }

    @Transactional
    public Assignment review(Caller caller, Long assignmentId, String decision, String comment) {
        Assignment a = access.requireAssignment(caller, assignmentId);
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("rehab.review.staff-only");
        }
        if (!"APPROVED".equals(decision) && !"NEEDS_WORK".equals(decision)) {
            throw ApiException.invalid("decision", "rehab.review.decision-invalid");
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment", "answer.text.too-long", MAX_COMMENT);
        }
        if ("NEEDS_WORK".equals(decision) && text.isEmpty()) {
            throw ApiException.invalid("comment", "rehab.review.comment-required");
        }
        if (a.status != AssignmentStatus.SUBMITTED) {
            throw ApiException.conflict("illegal-transition", "rehab.review.not-submitted." + a.status.name());
        }
        Review r = new Review();
        r.assignmentId = a.id;
        r.reviewerId = caller.id();
        r.decision = decision;
        r.comment = text;
        r.createdAt = Instant.now();
        r.persist();
        a.status = AssignmentStatus.valueOf(decision);
        a.reviewedAt = r.createdAt;
        accessLog.record(caller, a.clientId, AccessKind.REVIEW_WRITTEN);
        return a;
    }

    private static PanacheQuery<Assignment> byClients(List<Long> clientIds) {
        IdList in = IdList.of(clientIds, 2);
        return Assignment.find("status = ?1 and " + in.in("clientId") + " order by submittedAt, id", in.after(AssignmentStatus.SUBMITTED));
    }

    /** Submitted assignments of the caller's clients, the longest-waiting first. */
    public List<PendingReview> pending(Caller caller, int page, int size, String lang) {
        List<Long> followed = access.followedClientIds(caller);
        if (followed != null && followed.isEmpty()) {
            return List.of();
        }
        PanacheQuery<Assignment> query = followed == null
                ? Assignment.find("status = ?1 order by submittedAt, id", AssignmentStatus.SUBMITTED)
                : byClients(followed);
        List<Assignment> list = query.page(page, size).list();
        accessLog.recordEach(caller, list.stream().map(a -> a.clientId).toList(), AccessKind.REVIEW_QUEUE);
        Map<Long, String> names = User.displayNames(list.stream().map(a -> a.clientId).toList(), caller);
        Instant now = Instant.now();
        return list.stream().map(a -> new PendingReview(a.id, a.clientId, names.get(a.clientId), a.moduleSlug,
                catalog.find(a.moduleSlug, a.moduleVersion).map(m -> m.title().get(lang)).orElse(a.moduleSlug),
                a.submittedAt, Duration.between(a.submittedAt, now).toDays())).toList();
    }
}
