package fi.askel.identity;

import java.time.Instant;

/** A linked broker identity as the API shows it. */
public record ExternalIdentityView(Long id, String issuer, String subject, Instant createdAt, Long createdBy) {

    public static ExternalIdentityView from(ExternalIdentity e) {
        return new ExternalIdentityView(e.id, e.issuer, e.subject, e.createdAt, e.createdBy);
    }
}
