package fi.askel.identity;

import fi.askel.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Capabilities an admin grants specialists (see {@link Capability}). Asked once per request by the
 * features that need one; granted and revoked on the admin's account list or through the API.
 */
@ApplicationScoped
public class Capabilities {

    private static final Logger LOG = Logger.getLogger(Capabilities.class);

    /** Whether the caller holds the capability: only a specialist can. */
    @Transactional
    public boolean has(Caller caller, Capability capability) {
        return caller != null && caller.role() == Role.SPECIALIST
                && UserCapability.findById(new UserCapability.Key(caller.id(), capability)) != null;
    }

    /** 403 unless the caller holds the capability. */
    public void require(Caller caller, Capability capability) {
        if (!has(caller, capability)) {
            throw ApiException.forbidden("capability.required." + capability.name().toLowerCase());
        }
    }

    /** Of these accounts, the ones holding the capability (one query, for a list page). */
    @Transactional
    public Set<Long> holders(Capability capability, Collection<Long> userIds) {
        return Set.copyOf(UserCapability.listHolders(capability, userIds));
    }

    /**
     * An admin grants or revokes a capability. Only a specialist's account can hold one (409 otherwise);
     * granting twice or revoking what was never granted changes nothing.
     */
    @Transactional
    public boolean set(Caller admin, long userId, Capability capability, boolean granted) {
        if (admin.role() != Role.ADMIN) {
            throw ApiException.forbidden("error.forbidden");
        }
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("user"));
        UserCapability.Key key = new UserCapability.Key(user.id, capability);
        UserCapability held = UserCapability.findById(key);
        if (granted && held == null) {
            if (user.role != Role.SPECIALIST) {
                throw ApiException.conflict("specialists-only", "capability.specialists-only");
            }
            UserCapability c = new UserCapability();
            c.id = key;
            c.grantedBy = admin.id();
            c.grantedAt = Instant.now();
            c.persist();
            LOG.infof("Capability %s granted to user %d by admin %d", capability, userId, admin.id());
        } else if (!granted && held != null) {
            held.delete();
            LOG.infof("Capability %s revoked from user %d by admin %d", capability, userId, admin.id());
        }
        return granted;
    }
}
