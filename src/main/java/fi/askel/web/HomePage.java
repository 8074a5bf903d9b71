package fi.askel.web;

import fi.askel.common.db.ReadOnlySession;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.ClientOverviewService;
import fi.askel.followup.FollowupViews.ClientListItem;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.UserService;
import fi.askel.identity.UserView;
import fi.askel.peer.GroupService;
import fi.askel.peer.PeerViews.GroupView;
import fi.askel.privacy.AccessLogIntegrity;
import fi.askel.rehab.ClientDashboard;
import fi.askel.remote.appointment.AppointmentDashboard;
import fi.askel.remote.appointment.AppointmentItem;
import fi.askel.remote.survey.SurveyService;
import fi.askel.remote.survey.SurveyViews.SurveyView;
import fi.askel.remote.readiness.ReadinessService;
import fi.askel.remote.readiness.ReadinessViews.ItemView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The dashboard: what each role does next. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Transactional
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance client(PageContext page, ClientDashboard.View work, List<GroupView> groupsWithNew,
                List<AppointmentItem> appointments, List<SurveyView> surveys);
        static native TemplateInstance specialist(PageContext page, List<ClientListItem> clients, long waitingReviews,
                List<GroupView> groupsWithNew, List<AppointmentItem> appointments);
        static native TemplateInstance admin(PageContext page, List<UserView> users, List<ItemView> overdueReadiness,
                AccessLogIntegrity.SealerStatus accessLogSealer);
    }

    private final Pages pages;
    private final SecurityIdentity identity;
    private final UserService users;
    private final ClientDashboard clientDashboard;
    private final GroupService groups;
    private final ClientOverviewService overview;
    private final AppointmentDashboard appointments;
    private final ReadinessService readiness;
    private final SurveyService surveys;
    private final AccessLogIntegrity accessLog;

    public HomePage(Pages pages, SecurityIdentity identity, UserService users, ClientDashboard clientDashboard,
            GroupService groups, ClientOverviewService overview, AppointmentDashboard appointments,
            ReadinessService readiness, SurveyService surveys, AccessLogIntegrity accessLog) {
        this.accessLog = accessLog;
        this.readiness = readiness;
        this.surveys = surveys;
        this.appointments = appointments;
        this.overview = overview;
        this.clientDashboard = clientDashboard;
        this.pages = pages;
        this.identity = identity;
        this.users = users;
        this.groups = groups;
    }

    @GET
    public TemplateInstance dashboard() {
        ReadOnlySession.begin(); // a dashboard changes no entity; the access events are SQL of their own
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return switch (caller.role()) {
            case CLIENT -> Templates.client(pages.context(), clientDashboard.forClient(caller, pages.lang()),
                    groups.withNewPosts(caller), appointments.upcoming(caller, pages.lang(), 3), surveys.due(caller));
            case SPECIALIST -> {
                ClientOverviewService.Dashboard clients = overview.dashboard(caller, 10);
                yield Templates.specialist(pages.context(), clients.mostUrgent(), clients.waitingReviews(),
                        groups.withNewPosts(caller), appointments.upcoming(caller, pages.lang(), 5));
            }
            case ADMIN -> Templates.admin(pages.context(),
                    users.list(caller, null, 0, 20).stream().map(UserView::from).toList(),
                    readiness.overdue(pages.lang(), ReadinessService.today()), accessLog.status());
        };
    }
}
