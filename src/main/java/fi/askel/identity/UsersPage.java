package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Account list and the form for a new account (admins: any role; specialists: clients). */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
public class UsersPage {

    static final int PAGE_SIZE = 50;

    /** What was typed into the form, so a rejected form comes back as the person left it (not the password). */
    public record Form(String username, String displayName, String role, String locale, String email) {
        static Form empty(String locale) {
            return new Form("", "", Role.CLIENT.name(), locale, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, Listing listing, List<String> roles, Form form,
                Map<String, String> errors, String created, String notice);
    }

    /** One page of the account list and what it was filtered by, for the search form and the page links. */
    public record Listing(List<UserView> users, String q, int page, boolean hasNext, String error, java.util.Set<Long> authors) {
        /** Whether this account may author modules (shown and switched by admins). */
        public boolean isAuthor(Long userId) {
            return authors.contains(userId);
        }

        /** The query string that keeps the search when moving between pages. */
        public String query() {
            return q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        }
    }

    private final UserService users;
    private final PasswordService passwords;
    private final MfaReset mfaReset;
    private final Capabilities capabilities;
    private final Pages pages;
    private final SecurityIdentity identity;

    public UsersPage(UserService users, PasswordService passwords, MfaReset mfaReset, Capabilities capabilities, Pages pages,
            SecurityIdentity identity) {
        this.mfaReset = mfaReset;
        this.capabilities = capabilities;
        this.users = users;
        this.passwords = passwords;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public Response list(@QueryParam("created") String created, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page) {
        Listing listing = listing(q, page);
        return Response.status(listing.error() == null ? 200 : 400)
                .entity(Templates.list(pages.context(), listing, roles(), Form.empty(pages.lang()), Map.of(), created, null))
                .build();
    }

    /** Admins: email the user a one-time link to choose a new password. */
    @POST
    @Path("/{id}/password-reset")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id) {
        try {
            PasswordService.ResetSent sent = passwords.requestReset(caller(), id);
            return Response.ok(render(Form.empty(pages.lang()), Map.of(), null, pages.t("users.reset.sent", sent.email()))).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(render(Form.empty(pages.lang()),
                    Map.of("form", pages.t(e.messageKey(), e.args())), null, null)).build();
        }
    }

    /** Admins: remove the second factor of someone who lost their app and recovery codes. */
    @POST
    @Path("/{id}/mfa-reset")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetSecondFactor(@PathParam("id") long id) {
        try {
            mfaReset.reset(caller(), id);
            return Response.ok(render(Form.empty(pages.lang()), Map.of(), null, pages.t("users.mfa-reset.done"))).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(render(Form.empty(pages.lang()),
                    Map.of("form", pages.t(e.messageKey(), e.args())), null, null)).build();
        }
    }

    /** Admins: let a specialist author modules in the browser ({@code granted=true}), or stop it. */
    @POST
    @Path("/{id}/authoring")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setAuthoring(@PathParam("id") long id, @FormParam("granted") String granted, @FormParam("q") String q) {
        User user = users.findVisible(caller(), id).orElseThrow(() -> ApiException.notFound("user"));
        try {
            boolean now = capabilities.set(caller(), id, Capability.AUTHORING, "true".equals(granted));
            String notice = pages.t(now ? "users.authoring.granted" : "users.authoring.revoked", user.displayName);
            return Response.ok(renderSearch(q, notice)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(render(Form.empty(pages.lang()),
                    Map.of("form", pages.t(e.messageKey(), e.args())), null, null)).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("role") String role, @FormParam("locale") String locale, @FormParam("email") String email,
            @FormParam("password") String password) {
        Form form = new Form(username, displayName, role, locale, email);
        Role parsedRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        try {
            User user = users.create(new CreateUserRequest(username, displayName, parsedRole,
                    Messages.language(locale), email, password), caller());
            // The list then shows the new account, whatever page it would sort onto.
            return Response.seeOther(URI.create("/users?created=" + user.username + "&q=" + user.username)).build();
        } catch (ApiException e) {
            Map<String, String> errors = e.fieldErrors().isEmpty()
                    ? Map.of("form", pages.t(e.messageKey(), e.args()))
                    : e.fieldErrors().stream().collect(Collectors.toMap(ApiException.FieldError::field,
                            f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
            return Response.status(e.status()).entity(render(form, errors, null, null)).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(Form form, Map<String, String> errors, String created, String notice) {
        return Templates.list(pages.context(), listing(null, 0), roles(), form, errors, created, notice);
    }

    /** The list as the admin searched it, e.g. after switching a permission on one of the accounts found. */
    @Transactional
    TemplateInstance renderSearch(String q, String notice) {
        Listing listing = listing(q, 0);
        return Templates.list(pages.context(), listing.error() == null ? listing : listing(null, 0), roles(),
                Form.empty(pages.lang()), Map.of(), null, notice);
    }

    private List<String> roles() {
        Caller caller = caller();
        return Arrays.stream(Role.values()).filter(r -> caller.role().mayCreate(r)).map(Role::name).toList();
    }

    /** A search that is too long or a page below zero lists nothing and says why; it is never cut silently. */
    private Listing listing(String q, int page) {
        String typed = q == null ? "" : q.strip();
        if (typed.length() > UserSearch.MAX_LENGTH) {
            return new Listing(List.of(), typed.substring(0, UserSearch.MAX_LENGTH), 0, false,
                    pages.t("users.search.too-long", UserSearch.MAX_LENGTH), java.util.Set.of());
        }
        int from = Math.max(page, 0);
        List<UserView> found = users.search(caller(), null, UserSearch.pattern(typed), from * PAGE_SIZE, PAGE_SIZE + 1)
                .stream().map(UserView::from).toList();
        boolean hasNext = found.size() > PAGE_SIZE;
        List<UserView> shown = hasNext ? found.subList(0, PAGE_SIZE) : found;
        java.util.Set<Long> authors = caller().role() != Role.ADMIN ? java.util.Set.of()
                : capabilities.holders(Capability.AUTHORING, shown.stream().filter(u -> u.role() == Role.SPECIALIST)
                        .map(UserView::id).toList());
        return new Listing(shown, typed, from, hasNext, null, authors);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
