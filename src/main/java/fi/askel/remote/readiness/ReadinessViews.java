package fi.askel.remote.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the readiness API and pages send and take. */
public final class ReadinessViews {

    private ReadinessViews() {}

    /** How an item stands today. */
    public enum Status { OVERDUE, DUE_SOON, OK }

    /** One checklist item in the caller's language. {@code standard} items keep their title from the bundles. */
    public record ItemView(long id, String code, boolean standard, String title, String explanation, Long ownerId,
            String ownerName, String evidence, LocalDate lastReviewedOn, LocalDate nextReviewOn, Status status,
            boolean overdue) {}

    /** One saved review in an item's history, newest first. */
    public record ReviewView(Instant recordedAt, String recordedByName, String ownerName, String evidence,
            LocalDate lastReviewedOn, LocalDate nextReviewOn) {}

    public record ItemDetail(ItemView item, List<ReviewView> history) {}

    /**
     * A review (or a new item of the provider's own): who owns it, what shows it is in order, when it was
     * last reviewed and when next. {@code title} only for the provider's own items.
     */
    public record SaveItemRequest(String title, Long ownerId, String evidence, LocalDate lastReviewedOn,
            LocalDate nextReviewOn) {}

    /** A staff member who may own an item. */
    public record OwnerOption(long id, String displayName) {

        /** The id as a form sends it back. */
        public String value() {
            return String.valueOf(id);
        }
    }

    /** The checklist with the platform's own evidence beside it. */
    public record Overview(List<ItemView> items, long overdueCount, Evidence evidence) {}

    /** A check the platform makes of itself; {@code REPORTED} is the provider's own statement, not verified. */
    public enum CheckStatus { OK, FAIL, UNKNOWN, REPORTED }

    public record Check(String key, CheckStatus status, String title, String detail, Instant checkedAt) {}

    /** The live evidence for the data-security item, computed when viewed. */
    public record Evidence(String itemCode, List<Check> checks) {}

    /**
     * The client-facing texts of one language. A blank or missing field means "use the default" (the
     * configuration, or the bundles' text). {@code accessibilityGaps}: what the provider itself knows falls short
     * of WCAG in what it adds (its own videos, documents, services), shown in the accessibility statement.
     */
    public record TextsRequest(String supportPhone, String supportEmail, String supportHours,
            String emergencyInstructions, String technicalInstructions, String accessibilityGaps) {}

    /** One language's texts: what the admin saved (null where nothing is), the defaults, and what clients see. */
    public record TextsView(String lang, TextsRequest saved, TextsRequest defaults, TextsRequest shown) {}
}
