package fi.askel.remote.appointment;

import fi.askel.common.Messages;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A video call as a page shows it to one reader: times in their language, the other person named. */
@TemplateData
public record AppointmentItem(Long id, boolean group, int clientCount, String otherName, String clientName, String specialistName, String topic,
        String note, String day, String time, String endTime, int durationMinutes, boolean cancelled, String cancelReason,
        boolean past, boolean joinable, boolean ownBooking, boolean tookPlace, int callMinutes, String isoDate,
        String isoTime, Long peerGroupId) {

    public static List<AppointmentItem> of(List<AppointmentView> views, Long readerId, Instant now, Messages messages,
            String lang) {
        return views.stream().map(v -> of(v, readerId, now, messages, lang)).toList();
    }

    public static AppointmentItem of(AppointmentView v, Long readerId, Instant now, Messages messages, String lang) {
        ZonedDateTime start = v.startsAt().atZone(AppointmentService.ZONE);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.get(lang, "remote.pattern.date"), AppointmentMails.locale(lang));
        DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.get(lang, "remote.pattern.time"), AppointmentMails.locale(lang));
        boolean cancelled = "CANCELLED".equals(v.status());
        boolean group = "GROUP".equals(v.kind());
        String clients = String.join(", ", v.clients().stream().map(AppointmentView.Person::name).toList());
        String other = readerId.equals(v.specialistId()) ? clients : v.specialistName();
        return new AppointmentItem(v.id(), group, v.clientCount(), other, clients, v.specialistName(), v.topic(), v.note(), day.format(start),
                time.format(start), time.format(v.endsAt().atZone(AppointmentService.ZONE)), v.durationMinutes(), cancelled,
                v.cancelReason(), !v.joinClosesAt().isAfter(now),
                !cancelled && !now.isBefore(v.joinOpensAt()) && now.isBefore(v.joinClosesAt()),
                readerId.equals(v.specialistId()), v.attendance().tookPlace(), v.attendance().callMinutes(),
                start.toLocalDate().toString(), DateTimeFormatter.ofPattern("HH:mm").format(start), v.peerGroupId());
    }

    /** The reader booked this group session for a peer group and may still bring its members up to date with it. */
    public boolean membersRefreshable() {
        return group && peerGroupId != null && editable();
    }

    /** The reader may still move or cancel it. */
    public boolean editable() {
        return ownBooking && !cancelled && !past;
    }
}
