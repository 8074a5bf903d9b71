package fi.askel.remote.suitability;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/** Requests and views of the suitability assessment. */
public final class SuitabilityViews {

    private SuitabilityViews() {}

    /**
     * An assessment as the specialist records it. Choices are sent by name (see {@link Choices}); an unknown
     * one is a 400 naming the field, like a missing one.
     */
    public record AssessRequest(String testCall, String testCallNote, String privateSpace, String privateSpaceNote,
            String digitalSkills, Boolean handsOnNeeded, String handsOnNote, String clientWish, Boolean interpreterNeeded,
            String interpreterLanguage, Boolean clientConsented, String decision, String reasons, String supportMeasures) {}

    @TemplateData
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssessmentView(Long id, Long periodId, Long clientId, Long specialistId, String specialistName,
            Instant assessedAt, String testCall, String testCallNote, String privateSpace, String privateSpaceNote,
            String digitalSkills, boolean handsOnNeeded, String handsOnNote, String clientWish, boolean interpreterNeeded,
            String interpreterLanguage, boolean clientConsented, Integer consentNoticeVersion, Instant consentGivenAt,
            String decision, String reasons, String supportMeasures) {

        static AssessmentView from(SuitabilityAssessment a, String specialistName) {
            return new AssessmentView(a.id, a.periodId, a.clientId, a.specialistId, specialistName, a.assessedAt,
                    a.testCall.name(), a.testCallNote, a.privateSpace.name(), a.privateSpaceNote, a.digitalSkills.name(),
                    a.handsOnNeeded, a.handsOnNote, a.clientWish.name(), a.interpreterNeeded, a.interpreterLanguage,
                    a.clientConsented, a.consentNoticeVersion, a.consentGivenAt, a.decision.name(), a.reasons,
                    a.supportMeasures);
        }
    }

    /**
     * A period's assessment: the one that counts ({@code latest}, null before the first), every assessment
     * newest first ({@code history}, including the latest), whether the client's own remote-rehabilitation
     * consent stands now, and whether remote work may be done (else {@code refusal}, a problem type).
     */
    @TemplateData
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SuitabilityView(Long periodId, Long clientId, AssessmentView latest, List<AssessmentView> history,
            boolean consentGiven, Instant consentSince, boolean remoteWorkAllowed, String refusal) {

        /** {@code allowed} or the refusal's problem type: the key of the state's label. */
        public String state() {
            return remoteWorkAllowed ? "allowed" : refusal;
        }
    }
}
