package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.Secrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first accounts on an empty database: the demo accounts when askel.demo=true, otherwise one
 * admin, from configuration or with a one-time random password printed once to the log.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final UserService users;
    private final BootstrapConfig config;
    private final Event<DemoAccounts> demoSeeded;
    private final boolean demo;
    private final Messages messages;
    private final TotpService totp;

    public Bootstrap(UserService users, BootstrapConfig config, Event<DemoAccounts> demoSeeded,
            @ConfigProperty(name = "askel.demo") boolean demo, Messages messages, TotpService totp) {
        this.messages = messages;
        this.totp = totp;
        this.users = users;
        this.config = config;
        this.demoSeeded = demoSeeded;
        this.demo = demo;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (User.countAll() > 0) {
            return;
        }
        if (demo) {
            seedDemo();
        } else {
            seedAdmin();
        }
    }

    private void seedAdmin() {
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Secrets.random(18);
        }
        try {
            var admin = users.create(new CreateUserRequest(config.adminUsername(), "Administrator", Role.ADMIN, "fi", null,
                    password), null);
            if (config.requirePasswordChange()) {
                PasswordReset.requireChange(admin.id, java.time.Instant.now());
            }
        } catch (ApiException e) {
            String problems = e.fieldErrors().stream()
                    .map(f -> f.field() + ": " + messages.get("en", f.messageKey(), f.args()))
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new IllegalStateException("The bootstrap admin from ASKEL_BOOTSTRAP_ADMIN_USERNAME/PASSWORD is not valid: " + problems);
        }
        if (generated) {
            LOG.warnf("Created the first admin account '%s' with the one-time password: %s  "
                    + "(shown only now; a new password is required at the first sign-in)",
                    config.adminUsername(), password);
        } else {
            LOG.infof("Created the first admin account '%s' from configuration%s", config.adminUsername(),
                    config.requirePasswordChange() ? "; a new password is required at the first sign-in" : "");
        }
    }

    private void seedDemo() {
        Map<String, User> accounts = new LinkedHashMap<>();
        accounts.put("demo-admin", demoUser("demo-admin", "Aino Ylläpitäjä", Role.ADMIN, "fi"));
        accounts.put("demo-specialist", demoUser("demo-specialist", "Sanna Asiantuntija", Role.SPECIALIST, "fi"));
        accounts.put("demo-client", demoUser("demo-client", "Matti Meikäläinen", Role.CLIENT, "fi"));
        accounts.put("demo-client2", demoUser("demo-client2", "Greta Lindholm", Role.CLIENT, "sv"));
        // Staff must have a second factor; the demo staff share one published secret so anyone can try them.
        totp.enrolKnownSecret(accounts.get("demo-admin"), DemoAccounts.TOTP_SECRET);
        totp.enrolKnownSecret(accounts.get("demo-specialist"), DemoAccounts.TOTP_SECRET);
        demoSeeded.fire(new DemoAccounts(accounts));
        LOG.warnf("Demo data created: accounts %s, password '%s', staff TOTP secret %s. Never use askel.demo=true in production.",
                accounts.keySet(), DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
    }

    private User demoUser(String username, String name, Role role, String locale) {
        return users.create(new CreateUserRequest(username, name, role, locale, username + "@askel.example",
                DemoAccounts.PASSWORD), null);
    }
}
