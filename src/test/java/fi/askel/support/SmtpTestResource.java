package fi.askel.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A real mail server (GreenMail) on free loopback ports for the whole test JVM: the service sends
 * through its SMTP port, and tests read each recipient's inbox over IMAP as a mail program would.
 * GreenMail creates a mailbox per recipient with the address as both login and password.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String SMTP_PORT = "askel.test.smtp.port";
    private static final String IMAP_PORT = "askel.test.imap.port";
    /**
     * Every mailbox on the server, as raw RFC 822 texts by address, published as a JVM-wide MBean: test classes
     * whose Quarkus (and so class loader) started after the server see a null {@link #server}, and only JDK types
     * cross that boundary. (A non-String system property would break libraries that read them all.)
     */
    private static final String ALL_MAIL = "fi.askel.test:type=AllMail";

    /** What the MBean offers: every mailbox's messages, raw, by address. */
    public interface AllMail {
        Map<String, List<String>> getMailboxes();
    }
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
            GreenMail started = server;
            try {
                ManagementFactory.getPlatformMBeanServer().registerMBean(
                        new StandardMBean((AllMail) () -> everyMailbox(started), AllMail.class), new ObjectName(ALL_MAIL));
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
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

    /**
     * The messages in this recipient's inbox, read over IMAP. Fails the test when the inbox cannot be opened
     * (GreenMail only has a mailbox for an address that was sent something): an empty list here always means
     * an inbox that exists and is empty, never "could not look". To show that an address got nothing, use
     * {@link #countTo} or {@link Window}, which see every mailbox on the server.
     */
    public static List<MimeMessage> messagesTo(String address) {
        return inbox(address).orElseThrow(() -> new AssertionError("No mailbox for " + address
                + " on the test mail server: nothing was ever delivered to it (or it is not the address mail goes to)"));
    }

    /** The inbox's messages, or empty when the server has no mailbox for the address. */
    private static Optional<List<MimeMessage>> inbox(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(IMAP_PORT));
        try (Store store = Session.getInstance(props).getStore("imap")) {
            try {
                store.connect(address, address);
            } catch (AuthenticationFailedException e) {
                return Optional.empty();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> messages = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                MimeMessage copy = new MimeMessage((MimeMessage) m);
                messages.add(copy);
            }
            inbox.close(false);
            return Optional.of(messages);
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
        Optional<List<MimeMessage>> inbox = inbox(address);
        while (inbox.map(List::size).orElse(0) < atLeast && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            inbox = inbox(address);
        }
        List<MimeMessage> messages = inbox.orElseGet(() -> messagesTo(address)); // fails: still no mailbox
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

    /** How many messages the server holds for this address, over every mailbox (0 when it has no mailbox for it). */
    public static int countTo(String address) {
        return allMail().getOrDefault(address.toLowerCase(Locale.ROOT), List.of()).size();
    }

    /** A message as a recipient's mailbox holds it. */
    public record Delivered(String to, String subject, String text) {}

    /** Opens a window on all mail the server receives from now on, to any address. */
    public static Window window() {
        return new Window(allMail());
    }

    /**
     * The mail delivered to every address between {@link #window()} and {@link #delivered()}: what a test
     * asserts when it claims that someone got nothing, or that each person got exactly one.
     */
    public static final class Window {
        private final Map<String, List<String>> before;

        private Window(Map<String, List<String>> before) {
            this.before = before;
        }

        /** Every message delivered since the window opened, with the address whose mailbox got it. */
        public List<Delivered> delivered() {
            List<Delivered> since = new ArrayList<>();
            allMail().forEach((address, raw) -> {
                int seen = before.getOrDefault(address, List.of()).size();
                for (String message : raw.subList(Math.min(seen, raw.size()), raw.size())) {
                    since.add(parse(address, message));
                }
            });
            return since;
        }

        /** Like {@link #delivered()}, after waiting up to a minute for at least {@code atLeast} messages. */
        public List<Delivered> await(int atLeast) {
            long until = System.currentTimeMillis() + 60_000;
            List<Delivered> since = delivered();
            while (since.size() < atLeast && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                since = delivered();
            }
            return since;
        }
    }

    private static Delivered parse(String address, String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            return new Delivered(address, message.getSubject(), text(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> allMail() {
        try {
            return (Map<String, List<String>>) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(ALL_MAIL), "Mailboxes");
        } catch (JMException e) {
            throw new AssertionError("The test mail server has not been started in this JVM", e);
        }
    }

    private static Map<String, List<String>> everyMailbox(GreenMail greenMail) {
        Map<String, List<String>> all = new TreeMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                List<String> raw = new ArrayList<>();
                for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    stored.getMimeMessage().writeTo(bytes);
                    raw.add(bytes.toString(StandardCharsets.ISO_8859_1)); // bytes as they are, read back the same way

                }
                all.put(user.getEmail().toLowerCase(Locale.ROOT), raw);
            } catch (FolderException | MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
