package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.authoring.DraftViews.DraftSummary;
import fi.askel.content.authoring.DraftViews.ModuleEditor;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import java.util.List;
import java.util.Map;

/**
 * The module editor for specialists with the authoring permission: the drafts, a new module or a copy of
 * a shipped one, and each draft's own fields and its steps (added, moved, removed with plain form posts).
 * A step's own form is {@link StepEditorPage}. Every form works without JavaScript.
 */
@Path("/authoring")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.SPECIALIST_NAME)
public class AuthoringPage {

    /** What the new-module and copy forms held when refused, and why an uploaded zip was refused (one line each). */
    public record NewForm(String slug, String copyOf, Map<String, String> errors, List<String> importErrors) {
        NewForm(String slug, String copyOf, Map<String, String> errors) {
            this(slug, copyOf, errors, List.of());
        }
    }

    private static final List<String> DONE = List.of("saved", "added", "moved", "removed", "created", "sent", "approved",
            "returned", "imported", "imported-version");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<DraftSummary> drafts, List<Module> shipped, NewForm form);
        static native TemplateInstance module(PageContext page, ModuleEditor editor);
    }

    private final DraftService drafts;
    private final EditorViews views;
    private final ModuleCatalog catalog;
    private final ModuleImport imports;
    private final ModuleExport exports;
    private final Pages pages;
    private final SecurityIdentity identity;

    public AuthoringPage(DraftService drafts, EditorViews views, ModuleCatalog catalog, ModuleImport imports,
            ModuleExport exports, Pages pages, SecurityIdentity identity) {
        this.drafts = drafts;
        this.views = views;
        this.catalog = catalog;
        this.imports = imports;
        this.exports = exports;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return listPage(new NewForm("", "", Map.of()));
    }

    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response create(@FormParam("slug") String slug) {
        try {
            return toDraft(drafts.create(caller(), slug).id, "");
        } catch (ApiException e) {
            return refused(e, new NewForm(slug == null ? "" : slug, "", Map.of()));
        }
    }

    @POST
    @Path("/drafts/copy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response copy(@FormParam("copyOf") String copyOf) {
        try {
            return toDraft(drafts.copy(caller(), copyOf).id, "");
        } catch (ApiException e) {
            return refused(e, new NewForm("", copyOf == null ? "" : copyOf, Map.of()));
        }
    }

    /** A module zip becomes a new draft; refused, the list again with each problem next to the upload. */
    @POST
    @Path("/drafts/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importZip(@RestForm("zip") FileUpload zip) {
        try {
            byte[] bytes = zip == null ? new byte[0] : imports.read(java.nio.file.Files.newInputStream(zip.uploadedFile()));
            ModuleImport.Imported done = imports.importZip(caller(), bytes);
            return toDraft(done.draft().id, done.newVersion() ? "?done=imported-version" : "?done=imported");
        } catch (ImportProblem.Refused refused) {
            return Response.status(refused.status()).entity(listPage(new NewForm("", "", Map.of(),
                    ImportProblems.lines(refused, pages)))).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A module's current version as a zip in the exercises/ format. */
    @GET
    @Path("/modules/zip")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Response exportModule(@QueryParam("slug") String slug) {
        return ModuleZipResource.send(exports.module(caller(), slug, null));
    }

    /** A draft as a zip in the exercises/ format (once nothing is missing or wrong). */
    @GET
    @Path("/drafts/{id}/zip")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Response exportDraft(@PathParam("id") long id) {
        return ModuleZipResource.send(exports.draft(caller(), id));
    }

    @GET
    @Path("/drafts/{id}")
    @Transactional
    public TemplateInstance module(@PathParam("id") long id, @QueryParam("done") String done) {
        Draft draft = drafts.find(caller(), id);
        Map<String, Object> tree = drafts.tree(draft);
        DraftService.Outcome shown = new DraftService.Outcome(draft, tree, drafts.check(draft, tree), true, false);
        String message = done == null || !DONE.contains(done) ? null
                : pages.t("authoring.done." + done);
        return Templates.module(pages.context(), views.module(draft, shown, pages.lang(), message, null));
    }

    /** The module's own fields; refused (400, the form as typed) when the loader finds a problem in them. */
    @POST
    @Path("/drafts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response saveModule(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        DraftService.Outcome o = drafts.saveModule(caller(), id, revision(form), DraftForm.parse(form));
        if (o.saved()) {
            return toDraft(id, "?done=saved");
        }
        String error = pages.t(o.stale() ? "authoring.stale" : "authoring.refused");
        return Response.status(o.stale() ? 409 : 400)
                .entity(Templates.module(pages.context(), views.module(o.draft(), o, pages.lang(), null, error))).build();
    }

    @POST
    @Path("/drafts/{id}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response addStep(@PathParam("id") long id, @FormParam("type") String type, @FormParam("revision") String revision) {
        DraftService.Outcome o = drafts.addStep(caller(), id, number(revision), type);
        if (!o.saved()) {
            return stale(o);
        }
        int index = DraftTree.steps(o.tree(), -1).size() - 1;
        return Response.seeOther(URI.create("/authoring/drafts/" + id + "/steps/" + index + "?done=added")).build();
    }

    private Response stale(DraftService.Outcome o) {
        return stale(o, views, pages);
    }

    /** The module editor again, saying the page was out of date (409). */
    static Response stale(DraftService.Outcome o, EditorViews views, Pages pages) {
        return Response.status(409).entity(Templates.module(pages.context(),
                views.module(o.draft(), o, pages.lang(), null, pages.t("authoring.stale")))).build();
    }

    private Response refused(ApiException e, NewForm typed) {
        if (e.status() != 400) {
            throw e;
        }
        Map<String, String> errors = new java.util.HashMap<>();
        e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
        return Response.status(400).entity(listPage(new NewForm(typed.slug(), typed.copyOf(), errors))).build();
    }

    private TemplateInstance listPage(NewForm form) {
        String lang = pages.lang();
        List<DraftSummary> list = drafts.list(caller()).stream().map(d -> views.summary(d, drafts.tree(d), lang)).toList();
        return Templates.list(pages.context(), list, catalog.all(), form);
    }

    static Response toDraft(long id, String suffix) {
        return Response.seeOther(URI.create("/authoring/drafts/" + id + suffix)).build();
    }

    static int revision(MultivaluedMap<String, String> form) {
        return number(form.getFirst("revision"));
    }

    static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
