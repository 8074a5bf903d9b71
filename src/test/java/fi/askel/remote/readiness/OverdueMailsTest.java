package fi.askel.remote.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.SmtpTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily email about overdue checklist items: to every admin, in their language, once a day, only when needed. */
@QuarkusTest
class OverdueMailsTest {

    @Inject
    OverdueMails mails;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void admins_get_one_email_a_day_in_their_own_language_while_items_are_overdue() throws Exception {
        Api.Account finnish = Api.create("ADMIN", "fi");
        Api.Account swedish = Api.create("ADMIN", "sv");
        LocalDate today = ReadinessService.today();
        String title = Api.unique("Tulkkisopimus");
        Readiness.ownItem(finnish, title, today.minusYears(1), today.minusDays(2));
        onlyTheseAdminsLeftToMail(today, finnish, swedish);
        onlyTheseAdminsLeftToMail(today.plusDays(1), finnish, swedish);

        assertEquals(2, mails.run(today), "both admins, no one else");
        assertEquals(0, mails.run(today));
        List<MimeMessage> fi = SmtpTestResource.messagesTo(finnish.username() + "@example.org");
        List<MimeMessage> sv = SmtpTestResource.messagesTo(swedish.username() + "@example.org");
        assertEquals(1, fi.size(), "once a day, however often the job runs");
        assertEquals(1, sv.size());
        assertTrue(fi.get(0).getSubject().startsWith("Valmiuslistalla on myöhässä olevia tarkistuksia"), fi.get(0).getSubject());
        assertTrue(sv.get(0).getSubject().startsWith("Beredskapslistan har försenade granskningar"), sv.get(0).getSubject());
        String fiBody = SmtpTestResource.text(fi.get(0));
        String svBody = SmtpTestResource.text(sv.get(0));
        assertTrue(fiBody.contains(title + " – piti tarkistaa " + ReadinessPage.date(today.minusDays(2))), fiBody);
        assertTrue(fiBody.contains("http://localhost:8080/admin/readiness"), fiBody);
        assertTrue(svBody.contains(title + " – skulle granskas"), svBody);

        assertEquals(2, mails.run(today.plusDays(1)));
        assertEquals(2, SmtpTestResource.messagesTo(finnish.username() + "@example.org").size(), "and again the next day");
    }

    @Test
    void nothing_is_sent_when_nothing_is_overdue() {
        Api.Account admin = Api.create("ADMIN", "fi");
        Readiness.reviewEverythingOverdue(admin);
        assertEquals(0, Readiness.overview(admin).getLong("overdueCount"));

        assertEquals(0, mails.run(ReadinessService.today()));
        assertEquals(0, SmtpTestResource.countTo(admin.username() + "@example.org"));
    }

    /**
     * Marks the day's email as sent to every other admin, as the job's own claim would: the run's database holds the
     * admins of every test before this one, and mailing each of them (two runs, one mail server) took most of this
     * test's time. The job's choice of recipients is still its own; these two are as due as before.
     */
    private void onlyTheseAdminsLeftToMail(LocalDate day, Api.Account... admins) throws SQLException {
        StringBuilder ours = new StringBuilder();
        for (Api.Account admin : admins) {
            ours.append(ours.isEmpty() ? "" : ", ").append(admin.id());
        }
        try (Connection db = dataSource.getConnection(); PreparedStatement claim = db.prepareStatement(
                "INSERT IGNORE INTO readiness_overdue_mail (user_id, sent_on, sent_at) SELECT id, ?, CURRENT_TIMESTAMP(3)"
                        + " FROM app_user WHERE role = 'ADMIN' AND id NOT IN (" + ours + ")")) {
            claim.setObject(1, day);
            claim.executeUpdate();
        }
    }
}
