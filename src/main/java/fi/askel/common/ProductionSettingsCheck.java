package fi.askel.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Settings a production start works without but people notice later: links in emails pointing at
 * localhost, emails that never leave. Named once at start in a warning (OPERATIONS.md, "Install").
 */
@ApplicationScoped
public class ProductionSettingsCheck {

    private static final Logger LOG = Logger.getLogger(ProductionSettingsCheck.class);

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        var config = ConfigProvider.getConfig();
        List<String> missing = missing(config.getOptionalValue("askel.public-url", String.class),
                config.getOptionalValue("quarkus.mailer.host", String.class),
                config.getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false),
                config.getOptionalValue("askel.demo", Boolean.class).orElse(false));
        if (!missing.isEmpty()) {
            LOG.warn("Check these settings (OPERATIONS.md, \"Install\"): " + String.join("; ", missing));
        }
    }

    /** What is missing or unfit for production, each naming its setting and environment variable. */
    static List<String> missing(Optional<String> publicUrl, Optional<String> mailerHost, boolean mailMock, boolean demo) {
        List<String> problems = new ArrayList<>();
        String url = publicUrl.map(String::trim).orElse("");
        if (url.isEmpty() || url.matches("(?i)https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?/?.*")) {
            problems.add("askel.public-url (ASKEL_PUBLIC_URL) is " + (url.isEmpty() ? "not set" : url)
                    + ": links in emails will not reach people");
        } else if (url.startsWith("http://")) {
            problems.add("askel.public-url (ASKEL_PUBLIC_URL) is plain HTTP: " + url);
        }
        String host = mailerHost.map(String::trim).orElse("");
        if (mailMock) {
            problems.add("quarkus.mailer.mock (QUARKUS_MAILER_MOCK) is true: no email is sent");
        } else if (host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1")) {
            problems.add("quarkus.mailer.host (QUARKUS_MAILER_HOST) is " + (host.isEmpty() ? "not set" : host)
                    + ": reminders and password resets need an SMTP server");
        }
        if (demo) {
            problems.add("askel.demo (ASKEL_DEMO) is true: the demo accounts have published passwords");
        }
        return problems;
    }
}
