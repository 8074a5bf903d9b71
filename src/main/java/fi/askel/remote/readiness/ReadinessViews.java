package fi.askel.remote.readiness;

import fi.askel.common.web.ProviderTexts.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
     * {@code statement…}: the provider's own parts of that statement; {@code statementConformance} (FULL, PARTIAL,
     * NONE), the two dates (2026-12-05) and {@code statementResponseDays} (1–14) are the same in every language.
     * The components are in the order of {@link Field}, one each.
     */
    public record TextsRequest(String supportPhone, String supportEmail, String supportHours,
            String emergencyInstructions, String technicalInstructions, String accessibilityGaps,
            String statementProvider, String statementConformance, String statementDate, String statementAssessedOn,
            String statementMethod, String statementFeedback, String statementResponseDays) {

        private static final RecordComponent[] COMPONENTS = TextsRequest.class.getRecordComponents();

        /** The name of a field in this request, in the API and in the form. */
        static String name(Field field) {
            return COMPONENTS[field.ordinal()].getName();
        }

        /** The value of a field as given. */
        String get(Field field) {
            try {
                return (String) COMPONENTS[field.ordinal()].getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        static TextsRequest of(Map<Field, String> texts) {
            String[] v = new String[COMPONENTS.length];
            texts.forEach((field, text) -> v[field.ordinal()] = text);
            return new TextsRequest(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
        }
    }

    /** One language's texts: what the admin saved (null where nothing is), the defaults, and what clients see. */
    public record TextsView(String lang, TextsRequest saved, TextsRequest defaults, TextsRequest shown) {}
}
