package fi.askel.identity;

import fi.askel.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Closes an account for good when its owner's data is erased (privacy feature): nobody can sign in as
 * it again, every sign-in ends, and the username and email are gone. The display name goes too, unless
 * the caller must keep it because records that have to be kept name the person they concern. The
 * sign-in history keeps its times but loses the devices and addresses.
 */
@ApplicationScoped
public class AccountErasure {

    private final PasswordHashes hashes;

    public AccountErasure(PasswordHashes hashes) {
        this.hashes = hashes;
    }

    @Transactional
    public void anonymise(long userId, boolean keepName) {
        User user = User.findById(userId);
        if (user == null) {
            return;
        }
        Instant now = Instant.now();
        user.username = "erased-" + user.id;
        user.email = null;
        if (!keepName) {
            user.displayName = "#" + user.id;
        }
        user.passwordHash = hashes.hash(Secrets.random(32));
        user.active = false;
        user.updatedAt = now;
        AuthSession.revokeAllByUser(userId, now);
        // Which devices and addresses the person signed in from is about them too; when they signed in stays.
        AuthSession.update("userAgent = null, remoteAddress = null where userId = ?1", userId);
        // Broker identities (issuer and subject) point at the person; they can no longer sign anyone in.
        ExternalIdentity.delete("userId", userId);
    }
}
