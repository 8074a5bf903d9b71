package fi.askel.privacy;

import java.time.Instant;

/**
 * One row of the access log as the chain sees it (hashing, verifying, CSV). {@code seq}, {@code prevHash} and
 * {@code hash} are null until the sealer has put the event into the chain ({@link AccessSealer}).
 */
public record AccessRecord(long id, Long seq, Instant occurredAt, long actorId, String actorUsername, String actorName,
        String actorRole, long clientId, String kind, String purpose, String route, String remoteAddress,
        String prevHash, String hash) {

    /** An event about to be written: everything but its id, time and place in the chain. */
    public record Draft(long actorId, String actorUsername, String actorName, String actorRole, long clientId,
            String kind, String purpose, String route, String remoteAddress) {}

    boolean sealed() {
        return seq != null;
    }

    /** This event at place {@code newSeq} of the chain, after {@code newPrevHash}. */
    AccessRecord sealedAt(long newSeq, String newPrevHash) {
        AccessRecord placed = new AccessRecord(id, newSeq, occurredAt, actorId, actorUsername, actorName, actorRole, clientId,
                kind, purpose, route, remoteAddress, newPrevHash, null);
        return placed.withHash(AccessChain.hash(placed, false));
    }

    AccessRecord withHash(String newHash) {
        return new AccessRecord(id, seq, occurredAt, actorId, actorUsername, actorName, actorRole, clientId, kind, purpose, route,
                remoteAddress, prevHash, newHash);
    }
}
