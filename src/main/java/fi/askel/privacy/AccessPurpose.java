package fi.askel.privacy;

/**
 * Why client data was processed, as the client reads it in their access log. Each {@link AccessKind}
 * has a default; a caller that knows better names one. Labels: {@code accesslog.purpose.<NAME>}.
 */
public enum AccessPurpose {
    /** Providing and following up the client's rehabilitation. */
    CARE,
    /** The rehabilitation summary for hand-over (e.g. the rehabilitation report to Kela). */
    HANDOVER,
    /** Moderating a peer group the client belongs to. */
    PEER_MODERATION,
    /** Supervising the use of client data (reading the access log itself). */
    AUDIT,
    /** Fulfilling the client's request for their data (export). */
    DATA_REQUEST
}
