package fi.askel.rehab;

import fi.askel.identity.Caller;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Whether remote work may be done in a period: assigning modules and booking video calls. Kela requires the
 * provider to assess together with the client whether remote rehabilitation suits them; the remote feature
 * owns that assessment and implements this, so rehabilitation can ask without depending on it (as
 * {@code identity.ClientDirectory} is implemented here).
 */
public interface RemoteWorkGate {

    /** Why remote work is refused; each is a 409 problem type with a message {@code suitability.refused.<type>}. */
    enum Refusal {
        NOT_ASSESSED("remote-not-assessed"), NOT_SUITABLE("remote-not-suitable"), CONSENT_MISSING("remote-consent-missing");

        public final String problemType;

        Refusal(String problemType) {
            this.problemType = problemType;
        }
    }

    /**
     * A period's assessment as pages show it: the decision of its newest assessment (null: none yet), when it
     * was made, and what stops remote work now (null: nothing).
     */
    @TemplateData
    record Status(String decision, Instant assessedAt, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }

        /** {@code allowed} or the refusal's problem type, for labels ({@code suitability.status.<key>}). */
        public String stateKey() {
            return refusal == null ? "allowed" : refusal.problemType;
        }
    }

    /**
     * Fired by the implementation when remote work becomes allowed in a period: inside the transaction that records an
     * assessment allowing it while the client's consent stands, or, when the client consents only after such an
     * assessment, in a transaction of its own right after the consent. Work that waited for it (the course's measures)
     * is assigned then, by the specialist who assessed. May come more than once for a period: observers do their
     * work once.
     */
    record Allowed(Caller by, Long periodId) {}

    /** Throws a 409 with the refusal's problem type unless remote work may be done in the client's period now. */
    void requireRemoteWorkAllowed(Long periodId, Long clientId);

    /** The status of each of the client's periods named, in one go (pages showing several periods). */
    Map<Long, Status> statusOf(Long clientId, Collection<Long> periodIds);

    /**
     * As {@link #statusOf(Long, Collection)}, for a page that has already read the client's consents: whether the
     * client's consent to remote rehabilitation stands now.
     */
    Map<Long, Status> statusOf(Long clientId, Collection<Long> periodIds, boolean remoteConsent);
}
