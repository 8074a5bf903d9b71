package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.web.Pages;
import fi.askel.content.authoring.DraftViews.DraftView;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Module drafts for specialists with the authoring permission (403 for everyone else). A draft's
 * {@code definition} is module.yaml as JSON (values as text, each step's Markdown under {@code body});
 * {@code problems} are the module loader's messages with the path each concerns.
 */
@Path("/api/v1/authoring/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SPECIALIST_NAME)
public class DraftResource {

    /** A new module ({@code slug}) or a copy of a shipped one ({@code copyOf}). */
    public record CreateDraftRequest(String slug, String copyOf) {}

    /** The whole definition, saved over the draft of {@code revision}. */
    public record SaveDraftRequest(Integer revision, Map<String, Object> definition) {}

    /**
     * A picture for a read or exercise step: its bytes (base64 in JSON), the name it had (a hint for its file name) and
     * its description in fi, sv and en (all required).
     */
    public record AttachPictureRequest(Integer revision, String fileName, byte[] data, Map<String, String> alt) {}

    private final DraftService drafts;
    private final DraftPictures pictures;
    private final ModuleImport imports;
    private final ModuleExport exports;
    private final Pages pages;
    private final SecurityIdentity identity;

    public DraftResource(DraftService drafts, DraftPictures pictures, ModuleImport imports, ModuleExport exports, Pages pages,
            SecurityIdentity identity) {
        this.drafts = drafts;
        this.pictures = pictures;
        this.imports = imports;
        this.exports = exports;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public List<DraftView> list() {
        return drafts.list(caller()).stream().map(d -> view(d, drafts.tree(d))).toList();
    }

    @POST
    @Transactional
    public Response create(CreateDraftRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        Draft draft = body.copyOf() != null ? drafts.copy(caller(), body.copyOf()) : drafts.create(caller(), body.slug());
        return Response.created(URI.create("/api/v1/authoring/drafts/" + draft.id)).entity(view(draft, drafts.tree(draft)))
                .build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DraftView get(@PathParam("id") long id) {
        Draft draft = drafts.find(caller(), id);
        return view(draft, drafts.tree(draft));
    }

    /**
     * Saves the whole definition. 400 with the loader's messages as violations (field = draft path) when
     * something is written wrongly (gaps such as missing translations are saved and listed); 409 when the
     * draft has been saved since {@code revision}.
     */
    @PUT
    @Path("/{id}")
    @Transactional
    public DraftView save(@PathParam("id") long id, SaveDraftRequest body) {
        if (body == null || body.revision() == null) {
            throw ApiException.invalid("revision", "authoring.revision.required");
        }
        DraftService.Outcome o = drafts.replace(caller(), id, body.revision(), body.definition());
        if (o.stale()) {
            throw ApiException.conflict("stale-draft", "authoring.stale");
        }
        if (!o.saved()) {
            throw ApiException.invalid(o.check().problems().stream().filter(p -> !p.isGap())
                    .map(p -> new ApiException.FieldError("definition." + p.path(), "authoring.loader", p.message())).toList());
        }
        return view(o.draft(), o.tree());
    }

    /**
     * A module zip (one folder in the exercises/ format, as {@code application/zip}) becomes a new draft: 201. Refused
     * with nothing stored: 400 a zip that cannot be read safely, 413 too large, 415 not a zip, 422 a module the loader
     * refuses; each violation names the file in the zip, the line and the field.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    public Response importZip(@HeaderParam("Content-Type") String type, InputStream body) {
        Caller caller = caller();
        drafts.requireAuthor(caller);
        try {
            String media = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            if (!media.startsWith("application/zip") && !media.startsWith("application/octet-stream")
                    && !media.startsWith("application/x-zip-compressed")) {
                throw new ImportProblem.Refused(415, "authoring.import.not-zip-type");
            }
            Draft draft = imports.importZip(caller, imports.read(body)).draft();
            return Response.created(URI.create("/api/v1/authoring/drafts/" + draft.id)).entity(get(draft.id)).build();
        } catch (ImportProblem.Refused refused) {
            return ImportProblems.api(refused, pages, "/api/v1/authoring/drafts/import");
        }
    }

    /** The draft as {@code <slug>.zip} in the exercises/ format; 422 while something is missing or wrong. */
    @GET
    @Path("/{id}/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id) {
        return ModuleZipResource.send(exports.draft(caller(), id));
    }

    /**
     * Uploads a picture into step {@code index} (a read or exercise step) with its description: 201 with the draft, the
     * picture at the end of the step's {@code images} (its {@code file} name chosen from {@code fileName}). Its type is
     * told by its bytes (PNG, JPEG, WebP or SVG), its metadata (EXIF, text chunks) taken out. Refused with nothing
     * stored: 415 another type, 413 too large, 400 a broken or too wide picture or a description missing in a language
     * (violations name {@code picture} or {@code alt}); 409 when the draft was saved since {@code revision}.
     */
    @POST
    @Path("/{id}/steps/{index}/images")
    @Transactional
    public Response attachPicture(@PathParam("id") long id, @PathParam("index") int index, AttachPictureRequest body) {
        drafts.requireAuthor(caller());
        if (body == null || body.revision() == null) {
            throw ApiException.invalid("revision", "authoring.revision.required");
        }
        DraftService.Outcome o = pictures.attach(caller(), id, body.revision(), index,
                new DraftPictures.Upload(body.fileName(), body.data(), body.alt()));
        return Response.status(201).entity(view(o.draft(), o.tree())).build();
    }

    /** Takes picture {@code file} off step {@code index}; an uploaded one no other step shows is deleted. 404 when not there. */
    @DELETE
    @Path("/{id}/steps/{index}/images/{file}")
    @Transactional
    public DraftView removePicture(@PathParam("id") long id, @PathParam("index") int index, @PathParam("file") String file,
            @QueryParam("revision") Integer revision) {
        drafts.requireAuthor(caller());
        if (revision == null) {
            throw ApiException.invalid("revision", "authoring.revision.required");
        }
        DraftService.Outcome o = pictures.remove(caller(), id, revision, index, file);
        if (o.stale()) {
            throw ApiException.conflict("stale-draft", "authoring.stale");
        }
        return view(o.draft(), o.tree());
    }

    private DraftView view(Draft d, Map<String, Object> tree) {
        DraftCheck.Result check = drafts.check(d, tree);
        return new DraftView(d.id, d.slug, d.status.name(), d.basedOnSlug, d.basedOnVersion, d.revision, d.updatedAt, tree,
                check.problems(), DraftTree.missingUnder(tree, ""), List.copyOf(drafts.outdated(d)));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
