package fi.askel.privacy;

import fi.askel.common.Dates;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The access log as CSV with the same filters as the search, streamed in batches (a million rows never
 * sit in memory). Its own root path: /api/v1/admin/access-log.csv is not under /access-log.
 */
@Path("/api/v1/admin/access-log.csv")
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class AuditCsvResource {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";

    private final AccessLogSearch search;
    private final SecurityIdentity identity;

    public AuditCsvResource(AccessLogSearch search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Produces(MEDIA_TYPE)
    public Response csv(@QueryParam("clientId") Long clientId, @QueryParam("userId") Long userId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AccessFilter filter = AccessFilter.parse(clientId, userId, from, to);
        search.auditRead(identity.getAttribute(Caller.ATTRIBUTE), filter);
        return Response.ok(stream(search, filter), MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"access-log-" + Dates.today() + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    static StreamingOutput stream(AccessLogSearch search, AccessFilter filter) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            AccessCsv.header(out);
            search.stream(filter, row -> AccessCsv.row(out, row));
            out.flush();
        };
    }
}
