package fi.askel.remote;

import fi.askel.common.Dates;

import fi.askel.identity.Caller;
import fi.askel.identity.DemoAccounts;
import fi.askel.identity.User;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import fi.askel.remote.appointment.AppointmentService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Demo video calls (askel.demo=true only): demo-client has a call with demo-specialist tomorrow morning,
 * and both demo clients a group session next week. Runs after the demo periods exist (later priority).
 */
@ApplicationScoped
public class RemoteDemoData {

    private final AppointmentService appointments;

    public RemoteDemoData(AppointmentService appointments) {
        this.appointments = appointments;
    }

    void seed(@Observes @Priority(5000) DemoAccounts accounts) {
        Caller specialist = Caller.of(accounts.get("demo-specialist"));
        User client = accounts.get("demo-client");
        User client2 = accounts.get("demo-client2");
        LocalDate tomorrow = Dates.today().plusDays(1);
        appointments.book(specialist, new CreateAppointmentRequest(client.id, tomorrow.atTime(LocalTime.of(10, 0))
                .atZone(AppointmentService.ZONE).toOffsetDateTime(), 45, "Tavoitteiden tarkistus",
                "Pidä harjoituspäiväkirja lähellä, niin käydään viikko yhdessä läpi."));
        appointments.book(specialist, new CreateAppointmentRequest(null, List.of(client.id, client2.id), null,
                tomorrow.plusDays(6).atTime(LocalTime.of(13, 0)).atZone(AppointmentService.ZONE).toOffsetDateTime(), 60,
                "Ryhmätapaaminen: arjen voimavarat", null));
    }
}
