package fi.askel.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stored passwords: bcrypt at the cost {@code askel.password.bcrypt-cost} sets (10 by default; each step doubles
 * the work). A production start refuses a cost below 10 (OWASP ASVS 2.4.4). Hashes made at another cost are
 * made again at the set one when their owner next signs in ({@link AuthService}), so raising the setting reaches
 * every account that is in use. Checking a password reads the cost from its hash ({@link PasswordPolicy#matches}).
 */
@ApplicationScoped
@Startup // made at start, so a production start with too low a cost stops there, not at the first sign-in
public class PasswordHashes {

    /** The lowest cost a production start accepts. */
    static final int PRODUCTION_MINIMUM = 10;
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$(\\d{2})\\$.{53}$");

    private final int cost;
    /**
     * Compared against when the username is unknown, so a wrong username takes as long as a wrong password; made at
     * the first such sign-in rather than at start (a hash at cost 10 is about 85 ms of CPU).
     */
    private volatile String dummy;

    @Inject
    public PasswordHashes(@ConfigProperty(name = "askel.password.bcrypt-cost", defaultValue = "10") int cost) {
        this(cost, LaunchMode.current());
    }

    PasswordHashes(int cost, LaunchMode mode) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("askel.password.bcrypt-cost (ASKEL_PASSWORD_BCRYPT_COST) is " + cost
                    + ": bcrypt takes 4 to 31");
        }
        if (cost < PRODUCTION_MINIMUM && mode == LaunchMode.NORMAL) {
            throw new IllegalArgumentException("askel.password.bcrypt-cost (ASKEL_PASSWORD_BCRYPT_COST) is " + cost
                    + ": a production start needs at least " + PRODUCTION_MINIMUM);
        }
        this.cost = cost;
    }

    /** A new hash of the password at the set cost. */
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** A hash no password matches, made at the set cost: checked against when there is no account to check. */
    public String dummy() {
        String made = dummy;
        if (made == null) {
            made = hash("not-a-real-password-" + UUID.randomUUID());
            dummy = made; // two first callers may each make one: either does
        }
        return made;
    }

    /** Whether a stored hash should be made again at the set cost (its cost differs, or it is not bcrypt). */
    public boolean outdated(String hash) {
        Matcher m = hash == null ? null : BCRYPT.matcher(hash);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) != cost;
    }

    /** The set cost. */
    public int cost() {
        return cost;
    }
}
