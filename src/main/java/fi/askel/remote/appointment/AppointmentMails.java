package fi.askel.remote.appointment;

import fi.askel.common.JobLock;
import fi.askel.common.MailSender;
import fi.askel.common.Messages;
import fi.askel.identity.User;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Emails to the client about their video calls, in the client's language: when a call is booked, moved
 * or cancelled, a reminder the day before and a short one 15 minutes before. Each reminder goes out
 * once per call and start time across all instances (its row in {@code remote_appointment_reminder} is
 * claimed first); a moved call is reminded of again at its new time.
 */
@ApplicationScoped
public class AppointmentMails {

    enum Reminder { DAY_BEFORE, SOON }

    private static final Logger LOG = Logger.getLogger(AppointmentMails.class);
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    /** A call booked for less than this ahead gets no day-before reminder (the booking email says it all). */
    static final Duration DAY_BEFORE_LATEST = Duration.ofHours(2);
    static final Duration SOON = Duration.ofMinutes(15);

    private final MailSender mailer;
    private final Messages messages;
    private final EntityManager em;
    private final Clock clock;
    private final String publicUrl;

    public AppointmentMails(MailSender mailer, Messages messages, EntityManager em, Clock clock,
            @ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.em = em;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** After the change is committed, the client hears of it (in the background: the page never waits for mail). */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppointmentChanged change) {
        List<Mail> mails = QuarkusTransaction.requiringNew().call(() -> {
            Appointment a = Appointment.findById(change.appointmentId());
            List<Mail> list = new ArrayList<>();
            if (a != null) {
                User specialist = User.findById(a.specialistId);
                for (Long clientId : change.only() != null ? change.only() : a.clientIds()) {
                    tell(a, specialist, User.findById(clientId), change).ifPresent(list::add);
                }
            }
            return list;
        });
        // Sent once the reads' transaction has ended: a send started inside it carried the transaction to the mail
        // thread, and its commit then failed ("multiple threads active", ARJUNA012094) with an error in the log.
        String what = "appointment " + change.kind().name().toLowerCase(Locale.ROOT) + " email";
        mails.forEach(mail -> mailer.sendInBackground(mail, what));
    }

    private Optional<Mail> tell(Appointment a, User specialist, User client, AppointmentChanged change) {
        if (client == null || client.email == null || !client.active) {
            return Optional.empty();
        }
        String lang = client.locale;
        String kind = change.kind().name();
        String body = messages.get(lang, "remote.mail.greeting", client.displayName) + "\n\n"
                + messages.get(lang, "remote.mail." + kind + ".text", specialist.displayName, when(a.startsAt, lang), a.topic)
                + (change.kind() == AppointmentChanged.Kind.CANCELLED
                        ? (a.cancelReason == null ? "" : "\n\n" + a.cancelReason)
                        : "\n\n" + messages.get(lang, "remote.mail.join", publicUrl + "/calls/" + a.id))
                + "\n\n" + messages.get(lang, "remote.mail.sign-off") + "\n";
        return Optional.of(Mail.withText(client.email, messages.get(lang, "remote.mail." + kind + ".subject"), body));
    }

    @Scheduled(every = "{askel.calls.reminders-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        int sent = run();
        if (sent > 0) {
            LOG.infof("Appointment reminder emails sent: %d", sent);
        }
    }

    /** Sends the reminders due now; returns how many went out. */
    public int run() {
        Instant now = clock.instant();
        int sent = 0;
        List<Long> dayBefore = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.id from Appointment a where a.status = ?1 and a.startsAt > ?2 and a.startsAt <= ?3", Long.class)
                .setParameter(1, Appointment.Status.SCHEDULED).setParameter(2, now.plus(DAY_BEFORE_LATEST))
                .setParameter(3, now.plus(DAY_BEFORE)).getResultList());
        for (Long id : dayBefore) {
            sent += remindAll(id, Reminder.DAY_BEFORE);
        }
        List<Long> soon = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.id from Appointment a where a.status = ?1 and a.startsAt > ?2 and a.startsAt <= ?3", Long.class)
                .setParameter(1, Appointment.Status.SCHEDULED).setParameter(2, now)
                .setParameter(3, now.plus(SOON)).getResultList());
        for (Long id : soon) {
            sent += remindAll(id, Reminder.SOON);
        }
        return sent;
    }

    private int remindAll(Long id, Reminder kind) {
        int sent = 0;
        try {
            List<Long> clientIds = QuarkusTransaction.requiringNew().call(() -> Appointment.<Appointment>findById(id).clientIds());
            for (Long clientId : clientIds) {
                sent += remind(id, clientId, kind) ? 1 : 0;
            }
        } catch (RuntimeException e) {
            // One call's reminder going wrong must not stop the others'.
            LOG.errorf(e, "Could not prepare a %s reminder for appointment %d", kind, id);
        }
        return sent;
    }

    private boolean remind(Long id, Long clientId, Reminder kind) {
        record Draft(String to, String subject, String body, Instant startsAt) {}
        Draft draft = QuarkusTransaction.requiringNew().call(() -> {
            Appointment a = Appointment.findById(id);
            User client = User.findById(clientId);
            User specialist = User.findById(a.specialistId);
            // Cancelled or moved since the run began: not this reminder.
            if (a.status != Appointment.Status.SCHEDULED || !a.startsAt.isAfter(clock.instant())
                    || client.email == null || !client.active || !claim(a, clientId, kind)) {
                return null;
            }
            String lang = client.locale;
            String link = publicUrl + "/calls/" + a.id;
            String text = kind == Reminder.SOON
                    ? messages.get(lang, "remote.mail.SOON.text", specialist.displayName, time(a.startsAt, lang), link)
                    : messages.get(lang, "remote.mail.greeting", client.displayName) + "\n\n"
                            + messages.get(lang, "remote.mail.DAY_BEFORE.text", specialist.displayName, when(a.startsAt, lang), a.topic)
                            + "\n\n" + messages.get(lang, "remote.mail.prepare") + "\n\n"
                            + messages.get(lang, "remote.mail.join", link) + "\n\n" + messages.get(lang, "remote.mail.sign-off");
            return new Draft(client.email, messages.get(lang, "remote.mail." + kind.name() + ".subject"), text + "\n", a.startsAt);
        });
        if (draft == null) {
            return false;
        }
        try {
            mailer.send(Mail.withText(draft.to(), draft.subject(), draft.body()));
            return true;
        } catch (RuntimeException e) {
            // Give the claim back so the next run tries again.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM remote_appointment_reminder WHERE appointment_id = ?1 AND client_id = ?2 AND kind = ?3"
                    + " AND starts_at = ?4")
                    .setParameter(1, id).setParameter(2, clientId).setParameter(3, kind.name())
                    .setParameter(4, Timestamp.from(draft.startsAt()))
                    .executeUpdate());
            LOG.errorf(e, "Could not send a %s appointment reminder", kind);
            return false;
        }
    }

    /** False when this reminder for this start time was already sent (by this or another instance). */
    private boolean claim(Appointment a, Long clientId, Reminder kind) {
        return em.createNativeQuery("INSERT IGNORE INTO remote_appointment_reminder (appointment_id, client_id, kind, starts_at,"
                        + " sent_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, a.id).setParameter(2, clientId).setParameter(3, kind.name())
                .setParameter(4, Timestamp.from(a.startsAt)).setParameter(5, Timestamp.from(clock.instant())).executeUpdate() == 1;
    }

    /** "ma 7.12.2026 klo 14.30" in the reader's language. */
    String when(Instant at, String lang) {
        ZonedDateTime t = at.atZone(AppointmentService.ZONE);
        return messages.get(lang, "remote.format.when", DateTimeFormatter.ofPattern(messages.get(lang, "remote.pattern.date"),
                locale(lang)).format(t), time(at, lang));
    }

    String time(Instant at, String lang) {
        return DateTimeFormatter.ofPattern(messages.get(lang, "remote.pattern.time"), locale(lang))
                .format(at.atZone(AppointmentService.ZONE));
    }

    static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.UK : Locale.forLanguageTag(lang + "-FI");
    }
}
