package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.authoring.DraftViews.StepEditor;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import java.util.List;
import java.util.Map;

/**
 * One step of a draft in its type's own form (templates/steps/&lt;type&gt;/editor.html), with the loader's
 * messages at the fields. The buttons that add or remove an entry of a list (scale items, questions,
 * choices…) post the whole form, so what was typed is kept either way.
 */
@Path("/authoring/drafts/{id}/steps/{index}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.SPECIALIST_NAME)
public class StepEditorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance step(PageContext page, StepEditor editor);
    }

    private final DraftService drafts;
    private final DraftPictures pictures;
    private final PictureCheck checks;
    private final EditorViews views;
    private final Pages pages;
    private final SecurityIdentity identity;

    public StepEditorPage(DraftService drafts, DraftPictures pictures, PictureCheck checks, EditorViews views, Pages pages,
            SecurityIdentity identity) {
        this.drafts = drafts;
        this.pictures = pictures;
        this.checks = checks;
        this.views = views;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance step(@PathParam("id") long id, @PathParam("index") int index, @QueryParam("done") String done) {
        Draft draft = drafts.find(caller(), id);
        Map<String, Object> tree = drafts.tree(draft);
        DraftTree.steps(tree, index);
        DraftService.Outcome shown = new DraftService.Outcome(draft, tree, drafts.check(draft, tree), true, false);
        String message = done == null || !List.of("saved", "added", "picture-added", "picture-removed").contains(done) ? null
                : pages.t("authoring.done." + done);
        return Templates.step(pages.context(), views.step(draft, shown, index, pages.lang(), message, null));
    }

    /**
     * {@code action}: save, {@code add:<list path>} (a new entry as the type's new.yaml has it) or
     * {@code remove:<entry path>}. Refused (400, the form as typed, the messages at the fields) when the
     * loader finds a problem in the step other than a missing translation; 409 when the draft was saved
     * elsewhere since the page was opened.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response save(@PathParam("id") long id, @PathParam("index") int index, MultivaluedMap<String, String> form) {
        Map<String, Object> typed = DraftForm.parse(form);
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        String anchor = "";
        if (action.startsWith("add:") || action.startsWith("remove:")) {
            anchor = change(drafts.find(caller(), id), index, typed, action);
        } else if (!action.equals("save")) {
            throw ApiException.invalid("action", "authoring.action.unknown");
        }
        DraftService.Outcome o = drafts.saveStep(caller(), id, AuthoringPage.revision(form), index, typed);
        if (o.saved()) {
            return Response.seeOther(URI.create("/authoring/drafts/" + id + "/steps/" + index + "?done=saved"
                    + (anchor.isEmpty() ? "" : "#" + anchor))).build();
        }
        String error = pages.t(o.stale() ? "authoring.stale" : "authoring.refused");
        return Response.status(o.stale() ? 409 : 400)
                .entity(Templates.step(pages.context(), views.step(o.draft(), o, index, pages.lang(), null, error))).build();
    }

    /** {@code direction}: up or down. */
    @POST
    @Path("/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response moveStep(@PathParam("id") long id, @PathParam("index") int index, @FormParam("direction") String direction,
            @FormParam("revision") String revision) {
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw ApiException.invalid("direction", "authoring.step.direction");
        }
        int delta = "up".equals(direction) ? -1 : 1;
        DraftService.Outcome o = drafts.moveStep(caller(), id, AuthoringPage.number(revision), index, delta);
        return o.saved() ? AuthoringPage.toDraft(id, "?done=moved#step-" + Math.max(0, Math.min(index + delta,
                DraftTree.steps(o.tree(), -1).size() - 1))) : AuthoringPage.stale(o, views, pages);
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response removeStep(@PathParam("id") long id, @PathParam("index") int index, @FormParam("revision") String revision) {
        DraftService.Outcome o = drafts.removeStep(caller(), id, AuthoringPage.number(revision), index);
        return o.saved() ? AuthoringPage.toDraft(id, "?done=removed#steps") : AuthoringPage.stale(o, views, pages);
    }

    /**
     * A picture (PNG, JPEG, WebP or SVG, told by its bytes) with its description in fi, sv and en, added to the step's
     * pictures. Refused (400, 413, 415; 409 when stale) with the step page again, the descriptions as typed and each
     * message at its field; nothing is stored then. Not one transaction around it all: a refused upload rolls back its
     * own, and the page that says so reads the draft in a new one.
     */
    @POST
    @Path("/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attachPicture(@PathParam("id") long id, @PathParam("index") int index,
            @RestForm("picture") FileUpload picture, @RestForm("revision") String revision, @RestForm("alt.fi") String fi,
            @RestForm("alt.sv") String sv, @RestForm("alt.en") String en) {
        Map<String, String> alt = new java.util.LinkedHashMap<>();
        alt.put("fi", fi == null ? "" : fi);
        alt.put("sv", sv == null ? "" : sv);
        alt.put("en", en == null ? "" : en);
        try {
            byte[] bytes = read(picture);
            pictures.attach(caller(), id, AuthoringPage.number(revision), index,
                    new DraftPictures.Upload(picture == null ? null : picture.fileName(), bytes, alt));
            return Response.seeOther(URI.create("/authoring/drafts/" + id + "/steps/" + index + "?done=picture-added#pictures"))
                    .build();
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            return refusedPicture(id, index, alt, e);
        }
    }

    /** The picture {@code file} taken off the step (an uploaded one is deleted when no other step shows it). */
    @POST
    @Path("/images/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response removePicture(@PathParam("id") long id, @PathParam("index") int index, @FormParam("file") String file,
            @FormParam("revision") String revision) {
        DraftService.Outcome o = pictures.remove(caller(), id, AuthoringPage.number(revision), index, file == null ? "" : file);
        return o.saved() ? Response.seeOther(URI.create("/authoring/drafts/" + id + "/steps/" + index
                + "?done=picture-removed#pictures")).build() : AuthoringPage.stale(o, views, pages);
    }

    /** The upload's bytes; 413 past the limit without reading them. */
    private byte[] read(FileUpload picture) {
        if (picture == null || picture.uploadedFile() == null) {
            return new byte[0];
        }
        if (picture.size() > checks.maxBytes()) {
            throw new PictureCheck.Refused(413, "authoring.image.too-large", picture.size() / 1024, checks.maxBytes() / 1024)
                    .api("picture");
        }
        try {
            return java.nio.file.Files.readAllBytes(picture.uploadedFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Response refusedPicture(long id, int index, Map<String, String> alt, ApiException e) {
        List<DraftCheck.Problem> problems = e.fieldErrors().stream().filter(f -> f.field().startsWith("alt"))
                .map(f -> new DraftCheck.Problem(f.field(), pages.t(f.messageKey(), f.args()))).toList();
        String fileError = e.fieldErrors().stream().filter(f -> f.field().equals("picture"))
                .map(f -> pages.t(f.messageKey(), f.args())).findFirst().orElse(null);
        Map<String, Object> typed = new java.util.HashMap<>();
        typed.put("alt", new java.util.LinkedHashMap<String, Object>(alt));
        DraftViews.PictureForm form = new DraftViews.PictureForm(new Editor(typed, "", problems), fileError);
        String error = e.status() == 409 ? pages.t(e.messageKey(), e.args()) : pages.t("authoring.image.refused");
        DraftViews.StepEditor editor = QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = drafts.find(caller(), id);
            Map<String, Object> tree = drafts.tree(draft);
            DraftTree.steps(tree, index);
            DraftService.Outcome shown = new DraftService.Outcome(draft, tree, drafts.check(draft, tree), false, false);
            return views.step(draft, shown, index, pages.lang(), null, error, form);
        });
        return Response.status(e.status()).entity(Templates.step(pages.context(), editor)).build();
    }

    /** Adds or removes a list entry in the typed step; the id of the field to come back to. */
    private String change(Draft draft, int index, Map<String, Object> typed, String action) {
        String path = action.substring(action.indexOf(':') + 1);
        if (action.startsWith("add:")) {
            List<Object> list = DraftTree.list(typed, path);
            String type = DraftTree.text(DraftTree.steps(drafts.tree(draft), index).get(index), "type");
            Object prototype = Skeletons.prototype(type, path);
            if (prototype == null) {
                throw ApiException.invalid("action", "authoring.action.unknown");
            }
            if (list == null) {
                list = new java.util.ArrayList<>();
                putList(typed, path, list);
            }
            list.add(DraftTree.fresh(prototype, list));
            return "f-" + (path + "." + (list.size() - 1)).replace('.', '-');
        }
        int dot = path.lastIndexOf('.');
        List<Object> list = dot < 0 ? null : DraftTree.list(typed, path.substring(0, dot));
        String last = path.substring(dot + 1);
        if (list == null || !DraftTree.isIndex(last) || Integer.parseInt(last) >= list.size()) {
            throw ApiException.invalid("action", "authoring.action.unknown");
        }
        list.remove(Integer.parseInt(last));
        return "f-" + path.substring(0, dot).replace('.', '-');
    }

    @SuppressWarnings("unchecked")
    private static void putList(Map<String, Object> typed, String path, List<Object> list) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? typed : DraftTree.get(typed, path.substring(0, dot));
        if (!(parent instanceof Map<?, ?>)) {
            throw ApiException.invalid("action", "authoring.action.unknown");
        }
        ((Map<String, Object>) parent).put(path.substring(dot + 1), list);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
