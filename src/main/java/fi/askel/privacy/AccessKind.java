package fi.askel.privacy;

/**
 * What was done with a client's data. Labels for the client and the admin:
 * {@code accesslog.kind.<NAME>}. Stored by name: never rename a constant, add new ones.
 */
public enum AccessKind {
    /** A list of the client's assignments with their progress. */
    ASSIGNMENTS_READ(AccessPurpose.CARE),
    /** One assignment with the client's answers (the API detail or the review page). */
    ANSWERS_READ(AccessPurpose.CARE),
    ASSIGNMENT_CREATED(AccessPurpose.CARE),
    REVIEW_WRITTEN(AccessPurpose.CARE),
    /** The client's submitted exercise shown in a review queue. */
    REVIEW_QUEUE(AccessPurpose.CARE),
    /** The client's name and status flags shown in a client list (a list, the dashboard). */
    CLIENT_LIST(AccessPurpose.CARE),
    /** The client's page or overview: periods, assignments, diary, questionnaires, goals. */
    OVERVIEW_READ(AccessPurpose.CARE),
    GOALS_READ(AccessPurpose.CARE),
    GOAL_CHANGED(AccessPurpose.CARE),
    PERIODS_READ(AccessPurpose.CARE),
    PERIOD_CHANGED(AccessPurpose.CARE),
    SUMMARY_READ(AccessPurpose.HANDOVER),
    SUMMARY_PDF(AccessPurpose.HANDOVER),
    /** A moderator saw the real name behind the client's pseudonym in a peer group. */
    PSEUDONYM_REVEALED(AccessPurpose.PEER_MODERATION),
    GROUP_MEMBERSHIP_CHANGED(AccessPurpose.PEER_MODERATION),
    /** Everything about the client, exported (by an admin on the client's request). */
    EXPORT(AccessPurpose.DATA_REQUEST),
    /** An admin read the access log of this client. */
    AUDIT_READ(AccessPurpose.AUDIT),
    /** The client's video-call appointments (a list, one appointment, its calendar file). */
    APPOINTMENTS_READ(AccessPurpose.CARE),
    /** A video call booked, moved or cancelled. */
    APPOINTMENT_CHANGED(AccessPurpose.CARE),
    /** The assessment of whether remote rehabilitation suits the client (a period's latest and its history). */
    SUITABILITY_READ(AccessPurpose.CARE),
    /** A suitability assessment recorded (a first one or a reassessment). */
    SUITABILITY_CHANGED(AccessPurpose.CARE),
    /** The client's remote-rehabilitation days of a period (the table, the CSV, the proposals). */
    REMOTE_DAYS_READ(AccessPurpose.CARE),
    /** A remote-rehabilitation day recorded, confirmed or corrected. */
    REMOTE_DAY_CHANGED(AccessPurpose.CARE),
    /** The client's answers to the experience survey, free texts included. */
    SURVEYS_READ(AccessPurpose.CARE),
    /** An assignment adapted for the client (steps skipped, doses changed, personal notes). */
    ADAPTATION_CHANGED(AccessPurpose.CARE);

    private final AccessPurpose purpose;

    AccessKind(AccessPurpose purpose) {
        this.purpose = purpose;
    }

    public AccessPurpose defaultPurpose() {
        return purpose;
    }

    /**
     * True when an event of this kind already tells what {@code other} would, within one request: the
     * overview includes the client's assignments, goals and periods; the summary includes the overview.
     * Lets a page that reads through several services write one event, not four.
     */
    public boolean covers(AccessKind other) {
        if (this == other) {
            return true;
        }
        return switch (this) {
            case OVERVIEW_READ -> other == ASSIGNMENTS_READ || other == GOALS_READ || other == PERIODS_READ;
            case SUMMARY_READ, SUMMARY_PDF -> other == OVERVIEW_READ || OVERVIEW_READ.covers(other);
            case GOAL_CHANGED -> other == GOALS_READ;
            case APPOINTMENT_CHANGED -> other == APPOINTMENTS_READ;
            case SUITABILITY_CHANGED -> other == SUITABILITY_READ;
            case REMOTE_DAY_CHANGED -> other == REMOTE_DAYS_READ;
            case ADAPTATION_CHANGED -> other == ASSIGNMENTS_READ;
            default -> false;
        };
    }
}
