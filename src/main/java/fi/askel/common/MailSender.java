package fi.askel.common;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every email the service sends goes through here. The Quarkus blocking mailer waits without limit,
 * and a mail server that accepts a connection and then stays silent would hold a request or a job
 * for as long as it likes; here each attempt has a time limit and a failed or stalled attempt is
 * tried again on a fresh connection.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    static final int RETRIES = 2;

    private final ReactiveMailer mailer;
    private final Duration attemptTimeout;

    public MailSender(ReactiveMailer mailer,
            @ConfigProperty(name = "askel.mail.attempt-timeout", defaultValue = "20s") Duration attemptTimeout) {
        this.mailer = mailer;
        this.attemptTimeout = attemptTimeout;
    }

    /** Sends and waits for the outcome (worker threads only); throws when every attempt failed. */
    public void send(Mail mail) {
        attempts(mail).await().indefinitely();
    }

    /** Sends without holding the caller up; a final failure is logged with {@code what} (no personal data). */
    public void sendInBackground(Mail mail, String what) {
        attempts(mail).subscribe().with(sent -> { }, e -> LOG.errorf(e, "Could not send %s", what));
    }

    private Uni<Void> attempts(Mail mail) {
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure(TimeoutException.class).invoke(e -> LOG.warnf(
                        "The mail server did not answer within %d ms; trying again on a new connection",
                        attemptTimeout.toMillis()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(RETRIES);
    }
}
