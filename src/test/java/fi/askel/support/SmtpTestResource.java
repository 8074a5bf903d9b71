package fi.askel.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real mail server (GreenMail) on free loopback ports for the whole test JVM: the service sends
 * through its SMTP port, and tests read each recipient's inbox over IMAP as a mail program would.
 * GreenMail creates a mailbox per recipient with the address as both login and password.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String SMTP_PORT = "askel.test.smtp.port";
    private static final String IMAP_PORT = "askel.test.imap.port";
    private static GreenMail server;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(SMTP_PORT) == null) {
            server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            server.start();
            System.setProperty(SMTP_PORT, String.valueOf(server.getSmtp().getPort()));
            System.setProperty(IMAP_PORT, String.valueOf(server.getImap().getPort()));
        }
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", System.getProperty(SMTP_PORT),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                // GreenMail drops a connection idle for 30 s; a pooled one would then fail the next mail.
                "quarkus.mailer.keep-alive", "false",
                // Pipelined commands now and then left both GreenMail and the client waiting for each
                // other until GreenMail's 30 s read timeout (seen on loaded CI-like runs); one at a time.
                "quarkus.mailer.pipelining", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; stops with it.
    }

    /** The messages in this recipient's inbox (empty when nothing was ever sent to them). */
    public static List<MimeMessage> messagesTo(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(IMAP_PORT));
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect(address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> messages = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                MimeMessage copy = new MimeMessage((MimeMessage) m);
                messages.add(copy);
            }
            inbox.close(false);
            return messages;
        } catch (AuthenticationFailedException e) {
            return List.of();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a test reads of a received message. */
    public record Received(String subject, String text) {}

    /**
     * The messages received for this address, waiting for at least {@code atLeast}: up to a minute, since
     * a mail sent in the background may need a second attempt on a busy machine.
     */
    public static List<Received> await(String address, int atLeast) {
        long until = System.currentTimeMillis() + 60_000;
        List<MimeMessage> messages = messagesTo(address);
        while (messages.size() < atLeast && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            messages = messagesTo(address);
        }
        return messages.stream().map(m -> {
            try {
                return new Received(m.getSubject(), text(m));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a message (plain-text mails, as the service sends). */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : content.toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
