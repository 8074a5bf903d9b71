package fi.askel.bench;

/**
 * How many rows of each kind a data set of a given scale holds. Scale 1 is a provider with 200 specialists and
 * 5,000 clients (README, "Data set"); each count is rounded and at least 1, so a tiny scale still has one of each.
 */
public record Scale(double factor, int specialists, int clients, int groups, int posts, int assignments, int answers,
        int accessEvents) {

    /** Posts per discussion thread: the benchmark's thread page shows 20. */
    public static final int POSTS_PER_THREAD = 20;
    /** Access-log events per assignment: assigned, the list read, answers read, the review written. */
    public static final int EVENTS_PER_ASSIGNMENT = 4;

    public static Scale of(double factor) {
        if (!(factor > 0) || factor > 100) {
            throw new IllegalArgumentException("--scale must be above 0 and at most 100, not " + factor);
        }
        int assignments = count(50_000, factor);
        return new Scale(factor, count(200, factor), count(5_000, factor), count(250, factor), count(100_000, factor),
                assignments, count(500_000, factor), assignments * EVENTS_PER_ASSIGNMENT);
    }

    /** Threads hold {@link #POSTS_PER_THREAD} posts each; the last one of the set may hold fewer. */
    public int threads() {
        return (posts + POSTS_PER_THREAD - 1) / POSTS_PER_THREAD;
    }

    private static int count(int atScaleOne, double factor) {
        return (int) Math.max(1, Math.round(atScaleOne * factor));
    }
}
