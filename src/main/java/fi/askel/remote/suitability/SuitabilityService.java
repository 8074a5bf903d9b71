package fi.askel.remote.suitability;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.privacy.ConsentKind;
import fi.askel.privacy.ConsentService;
import fi.askel.privacy.PrivacyViews.ConsentView;
import fi.askel.rehab.Period;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.RemoteWorkGate;
import fi.askel.rehab.RemoteWorkGate.Refusal;
import fi.askel.remote.suitability.Choices.ClientWish;
import fi.askel.remote.suitability.Choices.Decision;
import fi.askel.remote.suitability.Choices.DigitalSkills;
import fi.askel.remote.suitability.Choices.PrivateSpace;
import fi.askel.remote.suitability.Choices.TestCall;
import fi.askel.remote.suitability.SuitabilityViews.AssessRequest;
import fi.askel.remote.suitability.SuitabilityViews.AssessmentView;
import fi.askel.remote.suitability.SuitabilityViews.SuitabilityView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The suitability assessment: a specialist responsible for the period records, with the client, whether
 * remote rehabilitation suits them; the client, the specialists following them and admins read it, anyone
 * else is answered as if the period did not exist (404).
 *
 * <p>Consent. The client's informed consent to remote rehabilitation is the client's own act, recorded by
 * privacy as a {@link ConsentKind#REMOTE_REHAB} consent event: dated, tied to the privacy-notice version
 * (the consent text) the client was shown, and withdrawable by the client at any time. The assessment does
 * not record consent on the client's behalf (staff asserting a client's consent would be weaker evidence and
 * would split withdrawal across two places). Instead the specialist confirms in the assessment that they went
 * through remote rehabilitation with the client and the client agreed ({@code clientConsented}, required for
 * a positive decision), and the assessment keeps a snapshot of the client's own consent as it stood then
 * (notice version and date). Remote work needs both: a positive latest assessment and the client's own
 * consent standing <em>now</em>, so a withdrawal stops new remote work at once.
 */
@ApplicationScoped
public class SuitabilityService {

    static final int NOTE_MAX = 1000;
    static final int TEXT_MAX = 2000;
    static final int LANGUAGE_MAX = 60;

    private final RehabAccess access;
    private final ConsentService consents;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Event<RemoteWorkGate.Allowed> allowed;

    public SuitabilityService(RehabAccess access, ConsentService consents, AccessLog accessLog, Clock clock,
            Event<RemoteWorkGate.Allowed> allowed) {
        this.allowed = allowed;
        this.access = access;
        this.consents = consents;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public SuitabilityAssessment assess(Caller caller, Long periodId, AssessRequest req) {
        Period period = visiblePeriod(caller, periodId);
        if (caller.role() != Role.SPECIALIST || !period.specialistIds.contains(caller.id())) {
            throw ApiException.forbidden("suitability.responsible-only");
        }
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        SuitabilityAssessment a = new SuitabilityAssessment();
        a.testCall = choice(TestCall.class, "testCall", req.testCall(), errors);
        a.testCallNote = text("testCallNote", req.testCallNote(), NOTE_MAX, errors);
        a.privateSpace = choice(PrivateSpace.class, "privateSpace", req.privateSpace(), errors);
        a.privateSpaceNote = text("privateSpaceNote", req.privateSpaceNote(), NOTE_MAX, errors);
        a.digitalSkills = choice(DigitalSkills.class, "digitalSkills", req.digitalSkills(), errors);
        a.handsOnNeeded = yesNo("handsOnNeeded", req.handsOnNeeded(), errors);
        a.handsOnNote = text("handsOnNote", req.handsOnNote(), NOTE_MAX, errors);
        a.clientWish = choice(ClientWish.class, "clientWish", req.clientWish(), errors);
        a.interpreterNeeded = yesNo("interpreterNeeded", req.interpreterNeeded(), errors);
        a.interpreterLanguage = text("interpreterLanguage", req.interpreterLanguage(), LANGUAGE_MAX, errors);
        if (a.interpreterNeeded && a.interpreterLanguage == null) {
            errors.add(new FieldError("interpreterLanguage", "suitability.error.language-required"));
        } else if (!a.interpreterNeeded) {
            a.interpreterLanguage = null;
        }
        a.clientConsented = yesNo("clientConsented", req.clientConsented(), errors);
        a.decision = choice(Decision.class, "decision", req.decision(), errors);
        a.reasons = text("reasons", req.reasons(), TEXT_MAX, errors);
        a.supportMeasures = text("supportMeasures", req.supportMeasures(), TEXT_MAX, errors);
        if (a.decision != null) {
            if (a.decision == Decision.SUITABLE && Boolean.TRUE.equals(req.handsOnNeeded())) {
                errors.add(new FieldError("decision", "suitability.error.hands-on"));
            }
            if (a.decision != Decision.SUITABLE && a.reasons == null) {
                errors.add(new FieldError("reasons", "suitability.error.reasons-required"));
            }
            if (a.decision == Decision.SUITABLE_WITH_SUPPORT && a.supportMeasures == null) {
                errors.add(new FieldError("supportMeasures", "suitability.error.support-required"));
            }
            if (a.decision.allowsRemoteWork() && Boolean.FALSE.equals(req.clientConsented())) {
                errors.add(new FieldError("clientConsented", "suitability.error.consent-required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ConsentView consent = remoteConsent(period.clientId);
        a.periodId = period.id;
        a.clientId = period.clientId;
        a.specialistId = caller.id();
        a.assessedAt = clock.instant();
        a.consentNoticeVersion = consent.given() ? consent.noticeVersion() : null;
        a.consentGivenAt = consent.given() ? consent.since() : null;
        a.persist();
        accessLog.record(caller, a.clientId, AccessKind.SUITABILITY_CHANGED);
        if (refusal(a, consent.given()) == null) {
            allowed.fire(new RemoteWorkGate.Allowed(caller, period.id));
        }
        return a;
    }

    /** The period's latest assessment and its history; staff reads are logged. */
    @Transactional
    public SuitabilityView view(Caller caller, Long periodId) {
        Period period = visiblePeriod(caller, periodId);
        accessLog.record(caller, period.clientId, AccessKind.SUITABILITY_READ);
        return view(period);
    }

    /** The client's own assessments, one view per period that has any, newest period first. */
    @Transactional
    public List<SuitabilityView> ownViews(Caller client) {
        if (client.role() != Role.CLIENT) {
            throw ApiException.forbidden("suitability.client-only");
        }
        return Period.listByClient(client.id()).stream().map(this::view).filter(v -> v.latest() != null).toList();
    }

    /** The period, if the caller may see its client; otherwise 404. */
    Period visiblePeriod(Caller caller, Long periodId) {
        Period p = periodId == null ? null : Period.findById(periodId);
        if (p == null || !access.canSeeClient(caller, p.clientId)) {
            throw ApiException.notFound("period");
        }
        return p;
    }

    SuitabilityView view(Period period) {
        List<SuitabilityAssessment> all = SuitabilityAssessment.listByPeriod(period.id);
        Map<Long, String> names = User.displayNames(all.stream().map(a -> a.specialistId).toList(), null);
        List<AssessmentView> history = all.stream().map(a -> AssessmentView.from(a, names.get(a.specialistId))).toList();
        ConsentView consent = remoteConsent(period.clientId);
        Refusal refusal = refusal(all.isEmpty() ? null : all.get(0), consent.given());
        return new SuitabilityView(period.id, period.clientId, history.isEmpty() ? null : history.get(0), history,
                consent.given(), consent.since(), refusal == null, refusal == null ? null : refusal.problemType);
    }

    /** What stops remote work given a period's latest assessment and whether the client's consent stands. */
    static Refusal refusal(SuitabilityAssessment latest, boolean consentGiven) {
        if (latest == null) {
            return Refusal.NOT_ASSESSED;
        }
        if (!latest.decision.allowsRemoteWork()) {
            return Refusal.NOT_SUITABLE;
        }
        return consentGiven ? null : Refusal.CONSENT_MISSING;
    }

    /** The client's remote-rehabilitation consent as it stands now. */
    ConsentView remoteConsent(Long clientId) {
        return consents.consentsOf(clientId).stream().filter(c -> c.kind().equals(ConsentKind.REMOTE_REHAB.slug))
                .findFirst().orElse(new ConsentView(ConsentKind.REMOTE_REHAB.slug, false, null, null));
    }

    Map<Long, Boolean> remoteConsents(Collection<Long> clientIds) {
        return consents.consentsOf(clientIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ConsentService.given(e.getValue(), ConsentKind.REMOTE_REHAB)));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<FieldError> errors) {
        Optional<E> parsed = Choices.parse(type, value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, isBlank(value) ? "suitability.error.choose" : "suitability.error.unknown-choice",
                    String.join(", ", Choices.names(type))));
        }
        return parsed.orElse(null);
    }

    private static boolean yesNo(String field, Boolean value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "suitability.error.choose", "true, false"));
            return false;
        }
        return value;
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            errors.add(new FieldError(field, "suitability.error.too-long", max));
        }
        return s;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
