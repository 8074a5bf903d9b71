package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.SharedSecrets;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * The link in every reminder email. Public (the client may not be signed in), protected by a
 * signature of the client id; opening the link changes nothing, the button does (mail programs
 * open links on their own to check them).
 */
@Path("/reminders/opt-out")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ReminderOptOutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance optOut(PageContext page, Long client, String signature, boolean optedOut);
    }

    private final SharedSecrets secrets;
    private final Pages pages;

    public ReminderOptOutPage(SharedSecrets secrets, Pages pages) {
        this.secrets = secrets;
        this.pages = pages;
    }

    @GET
    @Transactional
    public TemplateInstance show(@QueryParam("c") Long client, @QueryParam("s") String signature) {
        check(client, signature);
        return Templates.optOut(pages.context(), client, signature, ReminderOptOut.findById(client) != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public TemplateInstance change(@FormParam("c") Long client, @FormParam("s") String signature,
            @FormParam("reminders") String reminders) {
        check(client, signature);
        ReminderOptOut existing = ReminderOptOut.findById(client);
        boolean stop = !"on".equals(reminders);
        if (stop && existing == null) {
            ReminderOptOut o = new ReminderOptOut();
            o.clientId = client;
            o.optedOutAt = Instant.now();
            o.persist();
        } else if (!stop && existing != null) {
            existing.delete();
        }
        return Templates.optOut(pages.context(), client, signature, stop);
    }

    private void check(Long client, String signature) {
        if (client == null || !secrets.verify(Reminders.SECRET, String.valueOf(client), signature)) {
            throw ApiException.notFound("link");
        }
    }
}
