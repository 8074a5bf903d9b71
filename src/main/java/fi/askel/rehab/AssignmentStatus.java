package fi.askel.rehab;

/** ASSIGNED → IN_PROGRESS → SUBMITTED → APPROVED or NEEDS_WORK (→ IN_PROGRESS again). */
public enum AssignmentStatus {
    ASSIGNED, IN_PROGRESS, SUBMITTED, APPROVED, NEEDS_WORK;

    /** The client may still change answers. */
    public boolean isOpenForAnswers() {
        return this == ASSIGNED || this == IN_PROGRESS || this == NEEDS_WORK;
    }
}
