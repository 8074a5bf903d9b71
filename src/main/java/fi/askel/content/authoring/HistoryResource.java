package fi.askel.content.authoring;

import fi.askel.content.authoring.HistoryService.VersionEntry;
import fi.askel.content.diff.DiffViews.ModuleDiff;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A module's history for specialists with the authoring permission (403 for everyone else; 404 for a module or
 * version that is not stored). {@code GET versions}: every version, newest first, with who wrote and approved it, its
 * review comments and how many clients still work on it. {@code GET versions/{from}/diff/{to}}: what changed, per
 * language (fi, sv, en) and per step (added, removed, moved, changed texts as word runs); labels in the caller's language.
 */
@Path("/api/v1/authoring/modules/{slug}/versions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SPECIALIST_NAME)
public class HistoryResource {

    private final HistoryService history;
    private final SecurityIdentity identity;

    public HistoryResource(HistoryService history, SecurityIdentity identity) {
        this.history = history;
        this.identity = identity;
    }

    @GET
    @Transactional
    public List<VersionEntry> versions(@PathParam("slug") String slug) {
        return history.history(caller(), slug, caller().locale()).versions();
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Transactional
    public ModuleDiff diff(@PathParam("slug") String slug, @PathParam("from") int from, @PathParam("to") int to) {
        return history.diff(caller(), slug, from, to, caller().locale());
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
