package fi.askel.rehab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API and pages show of assignments. */
public final class AssignmentViews {

    private AssignmentViews() {}

    public record CreateAssignmentRequest(Long clientId, String moduleSlug, LocalDate dueDate, LocalDate opensOn,
            String note, Long periodId) {}

    /** {@code final} is a Java keyword, hence the property name. */
    public record SaveAnswerRequest(JsonNode answer, @JsonProperty("final") Boolean done) {}

    public record ReviewRequest(String decision, String comment) {}

    public record AssignmentView(Long id, Long clientId, String moduleSlug, int moduleVersion, String moduleTitle,
            AssignmentStatus status, LocalDate opensOn, LocalDate dueOn, String note, Instant createdAt,
            Instant startedAt, Instant submittedAt, Instant reviewedAt, Instant lastActivityAt, int stepCount,
            int stepsDone, int progressPercent, Long periodId, Assignment.Measure measure, boolean adapted) {

        /** Whether it opens on a later day (e.g. a course's end measure): shown, but not answered before then. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean notOpenYet() {
            return opensOn != null && opensOn.isAfter(fi.askel.common.Dates.today());
        }
    }

    /**
     * A step and the client's answer. {@code skipped} (staff only; absent otherwise): the specialist left the step out
     * for this client, whose work no longer shows it (the answer, if any, is kept).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepProgress(String key, String type, String title, boolean required, boolean done, JsonNode answer,
            Integer revision, Instant savedAt, Boolean skipped) {}

    public record ReviewView(String decision, String comment, String reviewerName, Instant createdAt) {}

    /**
     * One assignment: its steps as the client does them (skipped steps left out; staff also get them, marked), and the
     * specialist's adaptation (absent when the module is used as it is).
     */
    public record AssignmentDetailView(@JsonUnwrapped AssignmentView assignment, List<StepProgress> steps,
            List<ReviewView> reviews, @JsonInclude(JsonInclude.Include.NON_NULL) AdaptationView adaptation) {}

    public record SaveResult(String stepKey, boolean done, int revision, Instant savedAt, boolean changed,
            AssignmentStatus status, JsonNode answer) {}

    /** A submitted assignment waiting for review, with who and how long it has waited. */
    public record PendingReview(Long assignmentId, Long clientId, String clientName, String moduleSlug,
            String moduleTitle, Instant submittedAt, long waitingDays) {}
}
