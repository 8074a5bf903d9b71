package fi.askel.content.authoring;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A module's current version (or {@code ?version=}) as {@code <slug>.zip} of one folder in the exercises/ format, for
 * specialists with the authoring permission (403 for everyone else). A draft's zip is
 * {@code GET /api/v1/authoring/drafts/{id}/export}; a zip becomes a draft with {@code POST …/drafts/import}.
 */
@Path("/api/v1/authoring/modules")
@Produces({"application/zip", MediaType.APPLICATION_JSON})
@RolesAllowed(Role.SPECIALIST_NAME)
public class ModuleZipResource {

    private final ModuleExport export;
    private final SecurityIdentity identity;

    public ModuleZipResource(ModuleExport export, SecurityIdentity identity) {
        this.export = export;
        this.identity = identity;
    }

    @GET
    @Path("/{slug}/export")
    public Response module(@PathParam("slug") String slug, @QueryParam("version") Integer version) {
        return send(export.module(identity.getAttribute(Caller.ATTRIBUTE), slug, version));
    }

    /** The zip as a download; never cached (drafts change, and only authors may have it). */
    static Response send(ModuleExport.Zip zip) {
        return Response.ok(zip.bytes(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + zip.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
