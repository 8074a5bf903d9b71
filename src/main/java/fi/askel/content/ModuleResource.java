package fi.askel.content;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.RequestLanguage;
import fi.askel.content.ModuleViews.ModuleSummaryView;
import fi.askel.content.ModuleViews.ModuleView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The exercise modules, for every signed-in user, in ?lang= or else the user's own language. */
@Path("/api/v1/modules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class ModuleResource {

    private final ModuleService modules;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ModuleResource(ModuleService modules, SecurityIdentity identity, HttpServerRequest request) {
        this.modules = modules;
        this.identity = identity;
        this.request = request;
    }

    @GET
    public List<ModuleSummaryView> list(@QueryParam("lang") String lang, @QueryParam("theme") String theme) {
        return modules.list(language(lang), theme);
    }

    /** A module with its steps; {@code ?version=} shows an earlier version that progress was recorded on. */
    @GET
    @Path("/{slug}")
    public ModuleView get(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @QueryParam("version") Integer version) {
        return modules.find(slug, version, language(lang)).orElseThrow(() -> ApiException.notFound("module"));
    }

    private String language(String lang) {
        if (lang != null) {
            if (Messages.language(lang) == null) {
                throw ApiException.invalid("lang", "content.lang.invalid");
            }
            return lang;
        }
        String own = Messages.language(identity.getAttribute(RequestLanguage.IDENTITY_ATTRIBUTE));
        return own != null ? own : RequestLanguage.resolve(request, identity);
    }
}
