package fi.askel.remote.suitability;

import fi.askel.rehab.RehabDemoData.DemoPeriodOpened;
import fi.askel.remote.suitability.SuitabilityViews.AssessRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Demo periods (askel.demo=true only) are assessed as suitable right after they open, as the specialist
 * would with the client, so the demo shows assignments and calls. The demo clients' own consent comes from
 * the privacy demo data.
 */
@ApplicationScoped
public class SuitabilityDemoData {

    private final SuitabilityService service;

    public SuitabilityDemoData(SuitabilityService service) {
        this.service = service;
    }

    void assess(@Observes DemoPeriodOpened opened) {
        service.assess(opened.specialist(), opened.periodId(), new AssessRequest("YES", null, "YES",
                "Oma työhuone, jossa voi sulkea oven.", "SOME_HELP", false, null, "WANTS_REMOTE", false, null, true,
                "SUITABLE", null, null));
    }
}
