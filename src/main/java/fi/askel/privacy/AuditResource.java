package fi.askel.privacy;

import fi.askel.common.RequestLanguage;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessLogViews.AuditEventView;
import fi.askel.privacy.AccessLogViews.Page;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;

/**
 * The whole access log for admins: search by client, user and time, and the chain check. Searching one
 * client's log writes an AUDIT_READ event for that client. The CSV export is {@link AuditCsvResource}.
 */
@Path("/api/v1/admin/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class AuditResource {

    private final AccessLogSearch search;
    private final AccessLogIntegrity integrity;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public AuditResource(AccessLogSearch search, AccessLogIntegrity integrity, SecurityIdentity identity, HttpServerRequest request) {
        this.search = search;
        this.integrity = integrity;
        this.identity = identity;
        this.request = request;
    }

    /** Newest first; {@code from}/{@code to} are dates (whole days) or instants. */
    @GET
    public Page<AuditEventView> search(@QueryParam("clientId") Long clientId, @QueryParam("userId") Long userId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        AccessLogResource.checkPaging(page, size);
        return search.search(identity.getAttribute(Caller.ATTRIBUTE), AccessFilter.parse(clientId, userId, from, to), page, size,
                RequestLanguage.resolve(request, identity));
    }

    /**
     * Walks the whole sealed chain and compares it with the signed checkpoints: {@code {ok, checked,
     * firstBrokenSeq?, firstBrokenId?, problem?, lastSeq, lastHash, unsealed, oldestUnsealedAt?, checkpoints,
     * lastCheckpointSeq?, sealedAfterCheckpoint}} (README, "Access log").
     */
    @GET
    @Path("/verify")
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the chain check runs and commits its own JDBC transaction
    public AccessChainCheck.Verification verify() {
        return integrity.verify();
    }

    /** The events waiting for the sealer: {@code {unsealed, oldestUnsealedAt?, behind, lateAfterSeconds}}. */
    @GET
    @Path("/sealer")
    public AccessLogIntegrity.SealerStatus sealer() {
        return integrity.status();
    }
}
