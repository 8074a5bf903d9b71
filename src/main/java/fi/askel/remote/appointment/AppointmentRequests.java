package fi.askel.remote.appointment;

import java.time.OffsetDateTime;

/** What the API and the pages send to book, move and cancel a video call. */
public final class AppointmentRequests {

    private AppointmentRequests() {}

    /** {@code startsAt} with its offset, e.g. {@code 2026-12-07T14:30:00+02:00}. */
    public record CreateAppointmentRequest(Long clientId, OffsetDateTime startsAt, Integer durationMinutes, String topic,
            String note) {}

    /** Every field as it should be after the change. */
    public record UpdateAppointmentRequest(OffsetDateTime startsAt, Integer durationMinutes, String topic, String note) {}

    public record CancelAppointmentRequest(String reason) {}
}
