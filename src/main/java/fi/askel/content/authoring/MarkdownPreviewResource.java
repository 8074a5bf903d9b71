package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.content.Markdown;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The editor's live preview: a Markdown text as the client's step page would show it, rendered by the same safe
 * renderer (raw HTML shown as text, unsafe links dropped). For specialists with the authoring permission (403
 * otherwise); nothing is stored. 400 naming {@code markdown} when it is missing or longer than {@link #MAX_LENGTH}.
 */
@Path("/api/v1/authoring/markdown-preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SPECIALIST_NAME)
public class MarkdownPreviewResource {

    /** Characters: far above any step text, low enough that a preview is cheap. */
    static final int MAX_LENGTH = 50_000;

    public record MarkdownPreviewRequest(String markdown) {}

    public record MarkdownPreview(String html) {}

    private final DraftService drafts;
    private final Markdown markdown;
    private final SecurityIdentity identity;

    public MarkdownPreviewResource(DraftService drafts, Markdown markdown, SecurityIdentity identity) {
        this.drafts = drafts;
        this.markdown = markdown;
        this.identity = identity;
    }

    @POST
    public MarkdownPreview preview(MarkdownPreviewRequest body) {
        drafts.requireAuthor(identity.getAttribute(Caller.ATTRIBUTE));
        if (body == null || body.markdown() == null) {
            throw ApiException.invalid("markdown", "authoring.markdown.required");
        }
        if (body.markdown().length() > MAX_LENGTH) {
            throw ApiException.invalid("markdown", "authoring.markdown.too-long", MAX_LENGTH);
        }
        return new MarkdownPreview(markdown.preview(body.markdown()));
    }
}
