package fi.askel.remote.days;

import fi.askel.remote.days.RemoteDay.Content;
import fi.askel.remote.days.RemoteDay.Outcome;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and views of remote-rehabilitation days. */
public final class DayViews {

    private DayViews() {}

    /** A day as the specialist records or corrects it; {@code appointmentIds} only for calls of this client. */
    public record SaveDayRequest(LocalDate date, List<Content> content, Integer minutes, Outcome outcome, String note,
            List<Long> appointmentIds) {}

    /** Which proposed days to confirm; none named means all of them. */
    public record ConfirmRequest(List<LocalDate> dates) {}

    @TemplateData
    public record DayView(Long id, Long periodId, LocalDate date, List<Content> content, int minutes, Outcome outcome,
            String note, List<Long> appointmentIds, String recordedBy, Instant recordedAt, String updatedBy,
            Instant updatedAt) {}

    /**
     * A day that is not recorded yet but where something happened: a call that took place, a group session
     * the client joined, exercise logs or answers saved; or a booked call nobody joined (NO_SHOW).
     * {@code sources} say why it is proposed (CALL, GROUP_SESSION, EXERCISE_LOG, ANSWERS, MISSED_CALL).
     */
    @TemplateData
    public record Proposal(LocalDate date, List<Content> content, int minutes, Outcome outcome, List<Long> appointmentIds,
            List<String> sources) {}

    /** The period's days for its page and the JSON list. */
    @TemplateData
    public record PeriodDays(Long periodId, Long clientId, String clientName, LocalDate startsOn, LocalDate endsOn,
            List<DayView> days, Totals totals) {}

    /** How many days and minutes, in all and by content (a day with two kinds counts for both). */
    @TemplateData
    public record Totals(long days, long minutes, List<ContentTotal> byContent, long noShows, long cancelled) {}

    @TemplateData
    public record ContentTotal(Content content, long days, long minutes) {}
}
