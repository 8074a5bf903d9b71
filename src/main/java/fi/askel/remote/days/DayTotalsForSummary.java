package fi.askel.remote.days;

import fi.askel.common.Messages;
import fi.askel.followup.RemoteDayTotals;
import fi.askel.remote.days.DayViews.Totals;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The rehabilitation summary's section on remote days, over all the client's periods. */
@ApplicationScoped
public class DayTotalsForSummary implements RemoteDayTotals {

    private final Messages messages;

    public DayTotalsForSummary(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<DaysInBrief> forClient(long clientId, String lang) {
        var days = DayService.views(RemoteDay.listByClient(clientId));
        if (days.isEmpty()) {
            return Optional.empty();
        }
        Totals t = DayService.totals(days);
        return Optional.of(new DaysInBrief(t.days(), t.minutes(), t.byContent().stream()
                .map(c -> new ContentLine(messages.get(lang, "days.content." + c.content()), c.days(), c.minutes())).toList(),
                t.noShows(), t.cancelled()));
    }
}
