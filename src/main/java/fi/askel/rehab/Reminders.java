package fi.askel.rehab;

import fi.askel.common.Dates;
import fi.askel.common.MailSender;
import fi.askel.common.JobLock;
import fi.askel.common.Messages;
import fi.askel.common.SharedSecrets;
import fi.askel.content.ModuleCatalog;
import fi.askel.identity.User;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily reminder email: a client whose exercise is due in two days, or who has not touched an
 * open exercise for seven days, gets one email in their own language, at most once per event, with
 * a link to stop reminders. Runs once a day across all instances (JobLock).
 */
@ApplicationScoped
public class Reminders {

    static final String JOB = "rehab-reminders";
    static final String SECRET = "reminder-opt-out";
    private static final Logger LOG = Logger.getLogger(Reminders.class);
    private static final List<AssignmentStatus> OPEN = List.of(AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS,
            AssignmentStatus.NEEDS_WORK);

    private final JobLock jobLock;
    private final MailSender mailer;
    private final Messages messages;
    private final ModuleCatalog catalog;
    private final SharedSecrets secrets;
    private final EntityManager em;
    private final String publicUrl;
    private final ZoneId zone = Dates.ZONE;

    public Reminders(JobLock jobLock, MailSender mailer, Messages messages, ModuleCatalog catalog, SharedSecrets secrets,
            EntityManager em, @ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.jobLock = jobLock;
        this.mailer = mailer;
        this.messages = messages;
        this.catalog = catalog;
        this.secrets = secrets;
        this.em = em;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Scheduled(cron = "{askel.reminders.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = Dates.today();
        if (jobLock.tryAcquire(JOB, today)) {
            int sent = run(today);
            jobLock.finish(JOB, today);
            LOG.infof("Reminder emails sent: %d", sent);
        }
    }

    private record Item(Assignment assignment, String kind, String eventKey) {}

    /** Sends the reminders due today; returns how many emails went out. */
    public int run(LocalDate today) {
        Instant inactiveSince = today.atStartOfDay(zone).toInstant().minus(Duration.ofDays(7));
        List<Item> items = QuarkusTransaction.requiringNew().call(() -> {
            List<Item> found = new ArrayList<>();
            Assignment.<Assignment>list("dueOn = ?1 and status in ?2", today.plusDays(2), OPEN)
                    .forEach(a -> found.add(new Item(a, "DUE_SOON", a.dueOn.toString())));
            Assignment.<Assignment>list("status in ?1 and coalesce(lastActivityAt, createdAt) <= ?2", OPEN, inactiveSince)
                    .forEach(a -> found.add(new Item(a, "INACTIVE",
                            LocalDate.ofInstant(a.lastActivityAt != null ? a.lastActivityAt : a.createdAt, zone).toString())));
            return found;
        });
        if (items.isEmpty()) {
            return 0;
        }
        Set<Long> clientIds = items.stream().map(i -> i.assignment().clientId).collect(Collectors.toSet());
        Map<Long, User> clients = QuarkusTransaction.requiringNew().call(() -> User.<User>list("id in ?1 and active = true", clientIds)
                .stream().filter(u -> u.email != null).collect(Collectors.toMap(u -> u.id, u -> u)));
        Set<Long> optedOut = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select o.clientId from ReminderOptOut o where o.clientId in ?1", Long.class)
                .setParameter(1, clientIds).getResultList()));
        Map<Long, List<Item>> byClient = new LinkedHashMap<>();
        for (Item item : items) {
            Long clientId = item.assignment().clientId;
            if (clients.containsKey(clientId) && !optedOut.contains(clientId) && claim(item)) {
                byClient.computeIfAbsent(clientId, k -> new ArrayList<>()).add(item);
            }
        }
        byClient.forEach((clientId, list) -> send(clients.get(clientId), list));
        return byClient.size();
    }

    /** Records the event; false when it was already emailed (by this or another instance). */
    private boolean claim(Item item) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "INSERT IGNORE INTO reminder_sent (assignment_id, kind, event_key, sent_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, item.assignment().id).setParameter(2, item.kind()).setParameter(3, item.eventKey())
                .setParameter(4, java.sql.Timestamp.from(Instant.now())).executeUpdate() == 1);
    }

    private void send(User client, List<Item> items) {
        String lang = client.locale;
        StringBuilder body = new StringBuilder(messages.get(lang, "reminder.greeting", client.displayName)).append("\n\n");
        for (Item item : items) {
            Assignment a = item.assignment();
            String title = catalog.find(a.moduleSlug, a.moduleVersion).map(m -> m.title().get(lang)).orElse(a.moduleSlug);
            String line = "DUE_SOON".equals(item.kind()) ? messages.get(lang, "reminder.due-soon", title, a.dueOn)
                    : messages.get(lang, "reminder.inactive", title);
            body.append("• ").append(line).append("\n  ").append(publicUrl).append("/assignments/").append(a.id).append("\n");
        }
        body.append("\n").append(messages.get(lang, "reminder.sign-off")).append("\n\n")
                .append(messages.get(lang, "reminder.opt-out", optOutLink(client.id))).append("\n");
        mailer.send(Mail.withText(client.email, messages.get(lang, "reminder.subject"), body.toString()));
    }

    public String optOutLink(Long clientId) {
        return publicUrl + "/reminders/opt-out?c=" + clientId + "&s=" + secrets.sign(SECRET, String.valueOf(clientId));
    }
}
