package fi.askel.followup;

/**
 * Why a client may need the specialist's attention now, in order of urgency: pain is a safety
 * matter, a worse questionnaire result a clinical one, and inactivity a question of adherence.
 */
public enum Flag {
    HIGH_PAIN(3), QUESTIONNAIRE_WORSENING(2), NO_ACTIVITY_7_DAYS(1);

    /** Pain at or above this (on 0–10) is flagged. */
    public static final int HIGH_PAIN_LEVEL = 7;
    /** How far back a high pain log still flags the client. */
    public static final int PAIN_WINDOW_DAYS = 14;
    /** Days without any activity in a current period before the client is flagged. */
    public static final int INACTIVE_DAYS = 7;

    private final int severity;

    Flag(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }
}
