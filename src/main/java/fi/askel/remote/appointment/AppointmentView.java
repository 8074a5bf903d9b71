package fi.askel.remote.appointment;

import java.time.Instant;

/**
 * A video call as the API shows it. {@code joinOpensAt}/{@code joinClosesAt} tell when the call can be
 * joined; {@code tookPlace} and {@code callMinutes} what happened (both joined, how long together).
 */
public record AppointmentView(Long id, Long clientId, String clientName, Long specialistId, String specialistName,
        Long periodId, Instant startsAt, Instant endsAt, int durationMinutes, String topic, String note, String status,
        String cancelReason, Instant joinOpensAt, Instant joinClosesAt, Attendance attendance) {

    public record Attendance(Instant clientJoinedAt, Instant specialistJoinedAt, boolean tookPlace, Instant callStartedAt,
            Instant callEndedAt, int callMinutes) {}
}
