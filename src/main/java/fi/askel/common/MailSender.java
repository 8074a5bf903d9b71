package fi.askel.common;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every email the service sends goes through here. The Quarkus blocking mailer waits without limit,
 * and a mail server that accepts a connection and then stays silent would hold a request or a job
 * for as long as it likes; here each attempt has a time limit and a failed or stalled attempt is
 * tried again on a fresh connection.
 *
 * <p>Every attempt starts on one Vert.x event-loop context of the sender's own. The Vert.x mail client (4.5) opens a
 * connection on the context of whichever thread its pool happens to run on and hands it to the waiting send on that
 * send's context; when the two differ, the connection's reader is set up a moment later on another thread, and the
 * server's greeting, if it arrives first, is thrown away: the client then waits for a greeting that never comes and the
 * server for a command. Two sends from different threads at once made that happen now and then (about one mail in
 * 200 on a loaded machine). On one context the connection is opened, handed over and read on one thread, in order.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    static final int RETRIES = 2;

    private final ReactiveMailer mailer;
    private final Duration attemptTimeout;
    private final Executor onMailContext;

    public MailSender(ReactiveMailer mailer, Vertx vertx,
            @ConfigProperty(name = "askel.mail.attempt-timeout", defaultValue = "20s") Duration attemptTimeout) {
        this.mailer = mailer;
        this.attemptTimeout = attemptTimeout;
        Context context = newEventLoopContext(vertx);
        this.onMailContext = task -> context.runOnContext(v -> task.run());
    }

    /** A new event-loop context: what Vert.x gives a thread that has none (this one's own, not a request's). */
    private static Context newEventLoopContext(Vertx vertx) {
        CompletableFuture<Context> made = new CompletableFuture<>();
        Thread thread = new Thread(() -> made.complete(vertx.getOrCreateContext()), "mail-sender-context");
        thread.setDaemon(true);
        thread.start();
        return made.join();
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
        return Uni.createFrom().deferred(() -> mailer.send(mail)).runSubscriptionOn(onMailContext)
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure(TimeoutException.class).invoke(e -> LOG.warnf(
                        "The mail server did not answer within %d ms; trying again on a new connection",
                        attemptTimeout.toMillis()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(RETRIES);
    }
}
