package fi.askel.remote.suitability;

import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.privacy.ConsentKind;
import fi.askel.privacy.ConsentRecorded;
import fi.askel.rehab.RemoteWorkGate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A client may give their remote-rehabilitation consent after the assessment found remote rehabilitation suitable.
 * Then the gate is asked again for each of the client's periods, and where it now allows remote work the same
 * {@link RemoteWorkGate.Allowed} is fired as when an assessment allows it, by the specialist who assessed: the work
 * that waited (the course's measures) is assigned, once (the assigner skips what the period already has).
 *
 * <p>After the consent has committed and in a transaction of its own: the client's consent stands even if assigning
 * fails (say the specialist who assessed has left); that is logged, and the specialist can still assign by hand.
 */
@ApplicationScoped
class ConsentFollowUp {

    private static final Logger LOG = Logger.getLogger(ConsentFollowUp.class);

    private final SuitabilityService service;
    private final Event<RemoteWorkGate.Allowed> allowed;

    ConsentFollowUp(SuitabilityService service, Event<RemoteWorkGate.Allowed> allowed) {
        this.service = service;
        this.allowed = allowed;
    }

    void onConsent(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentRecorded consent) {
        if (consent.kind() != ConsentKind.REMOTE_REHAB || !consent.given()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> allowWaitingWork(consent.clientId()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Work waiting for client %d's remote rehabilitation consent was not started", consent.clientId());
        }
    }

    private void allowWaitingWork(long clientId) {
        boolean consentNow = service.remoteConsent(clientId).given();
        Map<Long, SuitabilityAssessment> latest = new LinkedHashMap<>();
        for (SuitabilityAssessment a : SuitabilityAssessment.listByClient(clientId)) {
            latest.putIfAbsent(a.periodId, a); // newest first
        }
        for (SuitabilityAssessment a : latest.values()) {
            if (SuitabilityService.refusal(a, consentNow) == null) {
                allowed.fire(new RemoteWorkGate.Allowed(Caller.of(User.findById(a.specialistId)), a.periodId));
            }
        }
    }
}
