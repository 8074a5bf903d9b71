package fi.askel.privacy;

import java.time.Instant;

/** One row of the access log as the chain sees it (hashing, verifying, CSV). */
public record AccessRecord(long id, Instant occurredAt, long actorId, String actorUsername, String actorName,
        String actorRole, long clientId, String kind, String purpose, String route, String remoteAddress,
        String prevHash, String hash) {

    /** An event about to be appended: everything but its place in the chain. */
    public record Draft(long actorId, String actorUsername, String actorName, String actorRole, long clientId,
            String kind, String purpose, String route, String remoteAddress) {

        AccessRecord at(long id, Instant occurredAt, String prevHash) {
            AccessRecord unsealed = new AccessRecord(id, occurredAt, actorId, actorUsername, actorName, actorRole, clientId,
                    kind, purpose, route, remoteAddress, prevHash, null);
            return unsealed.withHash(AccessChain.hash(unsealed));
        }
    }

    AccessRecord withHash(String newHash) {
        return new AccessRecord(id, occurredAt, actorId, actorUsername, actorName, actorRole, clientId, kind, purpose, route,
                remoteAddress, prevHash, newHash);
    }
}
