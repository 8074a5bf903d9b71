package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessLogViews.AuditEventView;
import fi.askel.privacy.AccessLogViews.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The admin's access log: search by client and user (usernames) and days, CSV download, chain check. */
@Path("/admin/access-log")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditPage {

    static final int PAGE_SIZE = 50;

    /** What was typed into the search form, and the same search as query strings for links. */
    @TemplateData
    public record Search(String client, String user, String from, String to, String query, String csvQuery) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(PageContext page, Search search, Page<AuditEventView> results,
                Map<String, String> errors, AccessChainCheck.Verification verification, AccessLogIntegrity.SealerStatus sealer);
    }

    private final AccessLogSearch searches;
    private final AccessLogIntegrity integrity;
    private final Pages pages;
    private final SecurityIdentity identity;

    public AuditPage(AccessLogSearch searches, AccessLogIntegrity integrity, Pages pages, SecurityIdentity identity) {
        this.searches = searches;
        this.integrity = integrity;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public Response search(@QueryParam("client") String client, @QueryParam("user") String user, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int pageIndex,
            @QueryParam("verify") boolean verify) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("client", trim(client));
        values.put("user", trim(user));
        values.put("from", trim(from));
        values.put("to", trim(to));
        // The chain check reads on a connection of its own and gives it back before the page's own reads.
        AccessChainCheck.Verification verification = verify ? integrity.verify() : null;
        AccessLogIntegrity.SealerStatus sealer = integrity.status();
        try {
            List<FieldError> errors = new ArrayList<>();
            Long clientId = userId("client", values.get("client"), errors);
            Long userId = userId("user", values.get("user"), errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            AccessFilter filter = AccessFilter.parse(clientId, userId, values.get("from"), values.get("to"));
            Map<String, String> csv = new LinkedHashMap<>();
            csv.put("clientId", clientId == null ? "" : clientId.toString());
            csv.put("userId", userId == null ? "" : userId.toString());
            csv.put("from", values.get("from"));
            csv.put("to", values.get("to"));
            Search search = new Search(values.get("client"), values.get("user"), values.get("from"), values.get("to"),
                    query(values), query(csv));
            Page<AuditEventView> results = searches.search(caller(), filter, Math.max(0, pageIndex), PAGE_SIZE, pages.lang());
            return Response.ok(Templates.search(pages.context(), search, results, Map.of(), verification, sealer)).build();
        } catch (ApiException e) {
            Map<String, String> errors = e.fieldErrors().stream()
                    .collect(Collectors.toMap(FieldError::field, f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
            Search search = new Search(values.get("client"), values.get("user"), values.get("from"), values.get("to"), "", "");
            return Response.status(e.status()).entity(Templates.search(pages.context(), search, null, errors, verification, sealer)).build();
        }
    }

    /** The id of the named account; an unknown name is an error on that field. */
    private static Long userId(String field, String username, List<FieldError> errors) {
        if (username.isEmpty()) {
            return null;
        }
        User u = User.findByUsername(username.toLowerCase()).orElse(null);
        if (u == null || ("client".equals(field) && u.role != Role.CLIENT)) {
            errors.add(new FieldError(field, "client".equals(field) ? "accesslog.filter.client-unknown" : "accesslog.filter.user-unknown"));
            return null;
        }
        return u.id;
    }

    private static String query(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
