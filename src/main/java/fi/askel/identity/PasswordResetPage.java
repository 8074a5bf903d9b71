package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The page an emailed reset link opens. Opening it changes nothing (mail scanners open links); only
 * the form's POST sets the new password and uses the link up.
 */
@Path("/password-reset/{token}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PasswordResetPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(PageContext page, String token, String username, Map<String, String> errors);

        static native TemplateInstance invalid(PageContext page);
    }

    private final PasswordService passwords;
    private final Pages pages;

    public PasswordResetPage(PasswordService passwords, Pages pages) {
        this.passwords = passwords;
        this.pages = pages;
    }

    @GET
    @Transactional
    public Response form(@PathParam("token") String token) {
        Optional<User> user = passwords.resetTarget(token);
        return user.map(u -> page(200, Templates.form(pages.context(), token, u.username, Map.of())))
                .orElseGet(() -> page(410, Templates.invalid(pages.context())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("token") String token, @FormParam("newPassword") String password,
            @FormParam("newPasswordAgain") String again) {
        Optional<User> user = passwords.resetTarget(token);
        if (user.isEmpty()) {
            return page(410, Templates.invalid(pages.context()));
        }
        if (password != null && !password.equals(again)) {
            return page(400, Templates.form(pages.context(), token, user.get().username,
                    Map.of("newPasswordAgain", pages.t("password.mismatch"))));
        }
        try {
            passwords.completeReset(token, password);
            return Response.seeOther(URI.create("/login?reset=done")).build();
        } catch (ApiException e) {
            if (e.status() == 410) {
                return page(410, Templates.invalid(pages.context()));
            }
            Map<String, String> errors = e.fieldErrors().stream().collect(Collectors.toMap(ApiException.FieldError::field,
                    f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
            return page(400, Templates.form(pages.context(), token, user.get().username, errors));
        }
    }

    /** The link's token is in the address: no caching, and no Referer carrying it elsewhere. */
    private static Response page(int status, TemplateInstance body) {
        return Response.status(status).entity(body).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
