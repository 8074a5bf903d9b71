package fi.askel.remote.days;

import fi.askel.common.Dates;
import fi.askel.identity.Caller;
import fi.askel.identity.DemoAccounts;
import fi.askel.identity.User;
import fi.askel.rehab.PeriodService;
import fi.askel.remote.days.DayViews.SaveDayRequest;
import fi.askel.remote.days.RemoteDay.Content;
import fi.askel.remote.days.RemoteDay.Outcome;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo remote-rehabilitation days (askel.demo=true only): the first weeks of both demo clients' periods are
 * recorded (a call, a group session, exercises, one missed call), while the days of demo-client's exercise
 * diary are left for the specialist to confirm from the proposals. Runs after the demo periods exist.
 */
@ApplicationScoped
public class DaysDemoData {

    private final DayService days;
    private final PeriodService periods;

    public DaysDemoData(DayService days, PeriodService periods) {
        this.days = days;
        this.periods = periods;
    }

    void seed(@Observes @Priority(5000) DemoAccounts accounts) {
        Caller specialist = Caller.of(accounts.get("demo-specialist"));
        LocalDate today = Dates.today();
        for (String username : List.of("demo-client", "demo-client2")) {
            User client = accounts.get(username);
            Long periodId = periods.periodCovering(client.id, specialist.id(), today).orElse(null);
            if (periodId == null) {
                continue;
            }
            days.create(specialist, periodId, new SaveDayRequest(today.minusDays(19), List.of(Content.VIDEO_CALL), 45,
                    Outcome.ATTENDED, "Aloituskeskustelu: tavoitteet ja etäkuntoutuksen käytännöt.", List.of()));
            days.create(specialist, periodId, new SaveDayRequest(today.minusDays(12), List.of(Content.GROUP_SESSION), 60,
                    Outcome.ATTENDED, "Ryhmätapaaminen: arjen voimavarat.", List.of()));
            days.create(specialist, periodId, new SaveDayRequest(today.minusDays(9), List.of(Content.ONLINE_EXERCISES), 30,
                    Outcome.ATTENDED, null, List.of()));
            if (username.equals("demo-client2")) {
                days.create(specialist, periodId, new SaveDayRequest(today.minusDays(5), List.of(Content.VIDEO_CALL), 0,
                        Outcome.NO_SHOW, "Ei tavoitettu; uusi aika sovittu puhelimessa.", List.of()));
            }
        }
    }
}
