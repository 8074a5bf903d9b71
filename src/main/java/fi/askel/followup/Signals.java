package fi.askel.followup;

import fi.askel.common.Dates;
import fi.askel.followup.FollowupViews.QuestionnaireTrend;
import fi.askel.followup.FollowupViews.ScorePoint;
import fi.askel.rehab.QuestionnaireResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules behind the flags, shared by the client list and the client overview so both say the same. */
final class Signals {

    static final ZoneId ZONE = Dates.ZONE;

    private Signals() {}

    static LocalDate today() {
        return Dates.today();
    }

    /** The first day whose pain logs still count for {@link Flag#HIGH_PAIN}. */
    static LocalDate painWindowStart(LocalDate today) {
        return today.minusDays(Flag.PAIN_WINDOW_DAYS - 1L);
    }

    static Long daysSince(Instant at, LocalDate today) {
        return at == null ? null : ChronoUnit.DAYS.between(at.atZone(ZONE).toLocalDate(), today);
    }

    /**
     * The client's flags. Inactivity counts only in a current period: from the last activity, or
     * from the period's start when the client has not done anything yet.
     */
    static List<Flag> flags(LocalDate today, LocalDate currentPeriodStart, Instant lastActivity, Integer recentMaxPain,
            List<QuestionnaireTrend> trends) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (recentMaxPain != null && recentMaxPain >= Flag.HIGH_PAIN_LEVEL) {
            flags.add(Flag.HIGH_PAIN);
        }
        if (trends.stream().anyMatch(QuestionnaireTrend::worsening)) {
            flags.add(Flag.QUESTIONNAIRE_WORSENING);
        }
        if (currentPeriodStart != null) {
            LocalDate since = lastActivity != null ? lastActivity.atZone(ZONE).toLocalDate() : currentPeriodStart;
            if (ChronoUnit.DAYS.between(since, today) >= Flag.INACTIVE_DAYS) {
                flags.add(Flag.NO_ACTIVITY_7_DAYS);
            }
        }
        return List.copyOf(flags);
    }

    /** One trend per instrument, from results in the order they were recorded. */
    static List<QuestionnaireTrend> trends(List<QuestionnaireResult> results) {
        Map<String, List<QuestionnaireResult>> byInstrument = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparing((QuestionnaireResult r) -> r.recordedAt).thenComparing(r -> r.assignmentId))
                .forEach(r -> byInstrument.computeIfAbsent(r.instrument, k -> new ArrayList<>()).add(r));
        List<QuestionnaireTrend> trends = new ArrayList<>();
        byInstrument.forEach((instrument, list) -> {
            QuestionnaireResult first = list.get(0);
            QuestionnaireResult latest = list.get(list.size() - 1);
            int change = latest.score - first.score;
            boolean worsening = list.size() > 1 && (latest.higherIsBetter ? change < 0 : change > 0);
            trends.add(new QuestionnaireTrend(instrument, latest.maxScore, latest.higherIsBetter, point(first),
                    point(latest), change, worsening, list.stream().map(Signals::point).toList()));
        });
        return trends;
    }

    private static ScorePoint point(QuestionnaireResult r) {
        return new ScorePoint(r.score, r.recordedAt);
    }
}
