package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.RequestLanguage;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessLogViews.MyAccessView;
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

/** The client's own access log: who has processed their data, when, what and why (newest first). */
@Path("/api/v1/me/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CLIENT_NAME)
@Transactional
public class AccessLogResource {

    private final AccessLogSearch search;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public AccessLogResource(AccessLogSearch search, SecurityIdentity identity, HttpServerRequest request) {
        this.search = search;
        this.identity = identity;
        this.request = request;
    }

    /** {@code page} from 0, {@code size} 1–200 (default 20). */
    @GET
    public Page<MyAccessView> mine(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        checkPaging(page, size);
        return search.mine(identity.getAttribute(Caller.ATTRIBUTE), page, size, RequestLanguage.resolve(request, identity));
    }

    static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > AccessLogSearch.MAX_PAGE_SIZE) {
            throw ApiException.invalid(page < 0 ? "page" : "size", "error.paging");
        }
    }
}
