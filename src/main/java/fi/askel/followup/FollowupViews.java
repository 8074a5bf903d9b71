package fi.askel.followup;

import fi.askel.rehab.AssignmentStatus;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.GoalService.GasView;
import fi.askel.rehab.PeriodView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the follow-up API and pages show of the clients a specialist follows. */
public final class FollowupViews {

    private FollowupViews() {}

    public record PeriodSummary(Long id, String serviceType, LocalDate startsOn, LocalDate endsOn) {}

    /** One row of the client list: enough to decide whom to look at first. */
    public record ClientListItem(Long id, String name, String username, PeriodSummary currentPeriod,
            Map<AssignmentStatus, Long> counts, Instant lastActivityAt, Long daysSinceLastActivity, List<Flag> flags) {

        /** The most urgent flag's severity, 0 without flags. */
        public int urgency() {
            return flags.stream().mapToInt(Flag::severity).max().orElse(0);
        }
    }

    /** The highest pain and effort the client logged on one day, and how many sessions they logged. */
    public record PainEffortPoint(LocalDate date, int pain, int effort, int sessions) {}

    public record ScorePoint(int score, Instant recordedAt) {}

    /**
     * One instrument's results over time. {@code change} is latest minus first; worsening means the
     * latest result is worse than the first in the instrument's own direction.
     */
    public record QuestionnaireTrend(String instrument, int maxScore, boolean higherIsBetter, ScorePoint first,
            ScorePoint latest, int change, boolean worsening, List<ScorePoint> results) {}

    public record ClientOverview(Long id, String name, String username, PeriodView currentPeriod,
            List<PeriodView> periods, Map<AssignmentStatus, Long> counts, Instant lastActivityAt,
            Long daysSinceLastActivity, List<Flag> flags, List<AssignmentView> assignments,
            List<PainEffortPoint> painEffort, List<QuestionnaireTrend> questionnaires, GasView gas) {

        public boolean hasCurrentPeriod() {
            return currentPeriod != null;
        }
    }
}
