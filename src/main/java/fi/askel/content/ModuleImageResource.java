package fi.askel.content;

import fi.askel.common.ApiException;
import fi.askel.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A module's illustrations for every signed-in role (shipped content, not personal data). The URL names the
 * module version and the content's hash, so the answer never changes and is kept by the browser for a year.
 * An SVG gets a policy of its own: opened on its own, it may not run or load anything.
 */
@Path("/api/v1/modules/{slug}/{version}/images/{hash}/{file}")
@RolesAllowed({Role.CLIENT_NAME, Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class ModuleImageResource {

    static final String CACHE = "private, max-age=31536000, immutable";
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final ModuleImages images;

    public ModuleImageResource(ModuleImages images) {
        this.images = images;
    }

    @GET
    @Transactional // an older version's definition is read from the database
    public Response get(@PathParam("slug") String slug, @PathParam("version") String version, @PathParam("hash") String hash,
            @PathParam("file") String file) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("image");
        }
        return send(images.find(slug, v, hash, file).orElseThrow(() -> ApiException.notFound("image")));
    }

    /** An image with its own type, never sniffed, kept for a year (its URL names its content's hash). */
    public static Response send(ModuleImages.Served image) {
        Response.ResponseBuilder r = Response.ok(image.bytes(), image.kind().contentType())
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff");
        if (image.kind() == ImageFiles.Kind.SVG) {
            r.header("Content-Security-Policy", SVG_POLICY);
        }
        return r.build();
    }
}
