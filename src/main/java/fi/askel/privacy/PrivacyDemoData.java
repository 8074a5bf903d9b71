package fi.askel.privacy;

import fi.askel.identity.Caller;
import fi.askel.identity.DemoAccounts;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Demo clients (askel.demo=true only) have acknowledged the first privacy notice and consented to
 * remote rehabilitation, and demo-client also to disclosure to Kela, so the demo opens on the platform
 * itself. Publishing a new notice version as demo-admin shows the acknowledgement step.
 */
@ApplicationScoped
public class PrivacyDemoData {

    private final PrivacyNoticeService notices;
    private final ConsentService consents;

    public PrivacyDemoData(PrivacyNoticeService notices, ConsentService consents) {
        this.notices = notices;
        this.consents = consents;
    }

    /** Before the other features' demo data: remote work is only assigned to clients who have consented to it. */
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION) DemoAccounts accounts) {
        notices.ensureFirstVersion();
        consents.acknowledgeAsDemo(Caller.of(accounts.get("demo-client")), true);
        consents.acknowledgeAsDemo(Caller.of(accounts.get("demo-client2")), false);
    }
}
