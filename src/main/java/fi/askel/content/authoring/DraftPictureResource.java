package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.content.ModuleImageResource;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A draft's pictures for its editor and preview, to specialists with the authoring permission (403 for everyone else):
 * one uploaded into the draft, else one its module ships. 404 for a name or hash the draft does not have (also for
 * another draft's pictures). Served as a module version's are ({@link ModuleImageResource#send}).
 */
@Path("/authoring/drafts/{id}/images/{hash}/{file}")
@RolesAllowed(Role.SPECIALIST_NAME)
public class DraftPictureResource {

    private final DraftPictures pictures;
    private final SecurityIdentity identity;

    public DraftPictureResource(DraftPictures pictures, SecurityIdentity identity) {
        this.pictures = pictures;
        this.identity = identity;
    }

    @GET
    public Response get(@PathParam("id") long id, @PathParam("hash") String hash, @PathParam("file") String file) {
        return ModuleImageResource.send(pictures.find(identity.getAttribute(Caller.ATTRIBUTE), id, hash, file)
                .orElseThrow(() -> ApiException.notFound("image")));
    }

    /** Where the draft's pictures are fetched from; the URL hash and the file name follow. */
    public static String url(long draftId) {
        return "/authoring/drafts/" + draftId + "/images/";
    }
}
