package fi.askel.remote.suitability;

import fi.askel.common.ApiException;
import fi.askel.rehab.RemoteWorkGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remote work in a period (assigning modules, booking or moving a video call) waits for the period's latest
 * assessment to find remote rehabilitation suitable and for the client's own consent (see
 * {@link SuitabilityService} for why both). Joining a booked call is not checked again.
 */
@ApplicationScoped
public class SuitabilityGate implements RemoteWorkGate {

    private final SuitabilityService service;

    public SuitabilityGate(SuitabilityService service) {
        this.service = service;
    }

    @Override
    @Transactional
    public void requireRemoteWorkAllowed(Long periodId, Long clientId) {
        SuitabilityAssessment latest = SuitabilityAssessment.findLatestByPeriod(periodId).orElse(null);
        // The consent is only read when the assessment allows remote work: the refusal names the first obstacle.
        Refusal refusal = SuitabilityService.refusal(latest,
                latest != null && latest.decision.allowsRemoteWork() && service.remoteConsent(clientId).given());
        if (refusal != null) {
            throw ApiException.conflict(refusal.problemType, "suitability.refused." + refusal.problemType);
        }
    }

    @Override
    @Transactional
    public Map<Long, Status> statusOf(Long clientId, Collection<Long> periodIds) {
        return statusOf(clientId, periodIds, service.remoteConsents(List.of(clientId)).getOrDefault(clientId, false));
    }

    @Override
    @Transactional
    public Map<Long, Status> statusOf(Long clientId, Collection<Long> periodIds, boolean consent) {
        Map<Long, SuitabilityAssessment> latest = new HashMap<>();
        SuitabilityAssessment.listLatestByPeriods(periodIds).forEach(a -> latest.put(a.periodId, a));
        Map<Long, Status> result = new HashMap<>();
        for (Long periodId : periodIds) {
            SuitabilityAssessment a = latest.get(periodId);
            result.put(periodId, new Status(a == null ? null : a.decision.name(), a == null ? null : a.assessedAt,
                    SuitabilityService.refusal(a, consent)));
        }
        return result;
    }
}
