package fi.askel.remote.appointment;

import java.time.OffsetDateTime;
import java.util.List;

/** What the API and the pages send to book, move and cancel a video call. */
public final class AppointmentRequests {

    private AppointmentRequests() {}

    /**
     * {@code startsAt} with its offset, e.g. {@code 2026-12-07T14:30:00+02:00}. An individual call names
     * {@code clientId}; a group session names {@code clientIds} (two to six) and optionally the peer group it is for.
     */
    public record CreateAppointmentRequest(Long clientId, List<Long> clientIds, Long peerGroupId, OffsetDateTime startsAt,
            Integer durationMinutes, String topic, String note) {

        /** An individual call. */
        public CreateAppointmentRequest(Long clientId, OffsetDateTime startsAt, Integer durationMinutes, String topic, String note) {
            this(clientId, null, null, startsAt, durationMinutes, topic, note);
        }
    }

    /** Every field as it should be after the change. */
    public record UpdateAppointmentRequest(OffsetDateTime startsAt, Integer durationMinutes, String topic, String note) {}

    public record CancelAppointmentRequest(String reason) {}
}
