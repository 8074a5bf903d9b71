package fi.askel.privacy;

import fi.askel.identity.SignInFact;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the signed-in person has acknowledged the current privacy notice, read with the sign-in check
 * (no query of its own): PrivacyGate reads it from the identity. Two primary-key lookups.
 */
@ApplicationScoped
public class NoticeAcknowledged implements SignInFact {

    public static final String ATTRIBUTE = "askel.privacy.acknowledged";

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public String sql() {
        return "EXISTS (SELECT 1 FROM privacy_acknowledgement a WHERE a.user_id = u.id"
                + " AND a.notice_version = (SELECT MAX(n.version) FROM privacy_notice n))";
    }
}
