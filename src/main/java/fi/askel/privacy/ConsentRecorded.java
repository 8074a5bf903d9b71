package fi.askel.privacy;

/**
 * Fired inside the transaction that records a client's consent being given or withdrawn, so that what waited for the
 * consent (the work the suitability assessment allows) can go ahead once it stands. Privacy knows nothing of that
 * work; the features that wait observe this.
 */
public record ConsentRecorded(long clientId, ConsentKind kind, boolean given) {}
