package fi.askel.remote.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A video call as the API shows it. An individual call names its client ({@code clientId}, {@code clientName});
 * a group session ({@code kind} GROUP) lists its clients in {@code clients} — all of them to staff, only
 * themselves to a client — and how many take part. {@code joinOpensAt}/{@code joinClosesAt} tell when the
 * call can be joined; {@code attendance} what happened. {@code skipped} is only in the answer to booking a session
 * for a peer group: the group's members left out, and why.
 */
public record AppointmentView(Long id, String kind, Long clientId, String clientName, List<Person> clients,
        int clientCount, Long peerGroupId, Long specialistId, String specialistName, Long periodId, Instant startsAt,
        Instant endsAt, int durationMinutes, String topic, String note, String status, String cancelReason,
        Instant joinOpensAt, Instant joinClosesAt, Attendance attendance,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SkippedMember> skipped) {

    /** The view of a group session just filled from its peer group, with the members left out. */
    public AppointmentView withSkipped(List<SkippedMember> left) {
        return new AppointmentView(id, kind, clientId, clientName, clients, clientCount, peerGroupId, specialistId,
                specialistName, periodId, startsAt, endsAt, durationMinutes, topic, note, status, cancelReason, joinOpensAt,
                joinClosesAt, attendance, left);
    }

    public record Person(Long id, String name) {}

    public record Attendance(Instant clientJoinedAt, Instant specialistJoinedAt, boolean tookPlace, Instant callStartedAt,
            Instant callEndedAt, int callMinutes) {}
}
