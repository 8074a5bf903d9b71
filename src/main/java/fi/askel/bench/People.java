package fi.askel.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Accounts and what a client has before doing any work, as the service would have written it: specialists and
 * clients (one password hash for all), each client's acknowledgement of the current privacy notice with consent
 * to remote rehabilitation, one rehabilitation period with its responsible specialist and peer group, and the
 * specialist's suitability assessment of the period (remote work waits for one).
 */
final class People {

    private static final String[] SERVICE_TYPES = {"REHAB_COURSE", "TULES_COURSE", "INDIVIDUAL", "ADAPTATION_COURSE"};

    private People() {
    }

    /** Writes the accounts; answers the specialists' display names (the peer groups and the access log show them). */
    static String[] users(Context c) throws SQLException {
        Scale s = c.scale();
        String[] specialistNames = new String[s.specialists()];
        SplittableRandom random = c.random("app_user");
        try (Rows rows = c.rows("app_user", "id,username,display_name,role,locale,email,password_hash,active,created_at,"
                + "created_by,updated_at,version", (long) s.specialists() + s.clients())) {
            for (int k = 0; k < s.specialists(); k++) {
                String username = c.specialistUsername(k);
                var created = c.daysAgo(400 - random.nextInt(100));
                specialistNames[k] = Names.person(random);
                rows.add(c.specialistId(k), username, specialistNames[k], "SPECIALIST", random.nextInt(10) == 0 ? "sv" : "fi",
                        username + "@example.org", c.passwordHash(), true, created, null, created, 0);
            }
            for (int i = 0; i < s.clients(); i++) {
                String username = c.clientUsername(i);
                int l = random.nextInt(20);
                var created = c.daysAgo(90 - random.nextInt(60));
                rows.add(c.clientId(i), username, Names.person(random), "CLIENT", l < 16 ? "fi" : l < 19 ? "sv" : "en",
                        username + "@example.org", c.passwordHash(), true, created, c.specialistId(c.specialistOfClient(i)),
                        created, 0);
            }
        }
        return specialistNames;
    }

    static void privacy(Context c) throws SQLException {
        int clients = c.scale().clients();
        var at = c.daysAgo(29);
        try (Rows rows = c.rows("privacy_acknowledgement", "user_id,notice_version,acknowledged_at,remote_address", clients)) {
            for (int i = 0; i < clients; i++) {
                rows.add(c.clientId(i), c.noticeVersion(), at, null);
            }
        }
        long base = Context.maxId(c.db(), "privacy_consent_event");
        try (Rows rows = c.rows("privacy_consent_event", "id,user_id,kind,given,notice_version,recorded_at,recorded_by", clients)) {
            for (int i = 0; i < clients; i++) {
                rows.add(base + 1 + i, c.clientId(i), "REMOTE_REHAB", true, c.noticeVersion(), at, c.clientId(i));
            }
        }
    }

    static void periods(Context c) throws SQLException {
        int clients = c.scale().clients();
        SplittableRandom random = c.random("rehab_period");
        try (Rows rows = c.rows("rehab_period", "id,client_id,service_type,starts_on,ends_on,peer_group_id,created_by,created_at",
                clients)) {
            for (int i = 0; i < clients; i++) {
                LocalDate starts = c.today().minusWeeks(5 + random.nextInt(6));
                rows.add(c.periodId(i), c.clientId(i), SERVICE_TYPES[random.nextInt(SERVICE_TYPES.length)], starts,
                        starts.plusWeeks(16), c.groupId(c.groupOf(i)), c.specialistId(c.specialistOfClient(i)),
                        Context.utc(starts.atStartOfDay(fi.askel.common.Dates.ZONE).toInstant()));
            }
        }
        try (Rows rows = c.rows("rehab_period_specialist", "period_id,specialist_id", clients)) {
            for (int i = 0; i < clients; i++) {
                rows.add(c.periodId(i), c.specialistId(c.specialistOfClient(i)));
            }
        }
        long base = Context.maxId(c.db(), "remote_suitability_assessment");
        var consented = c.daysAgo(29);
        try (Rows rows = c.rows("remote_suitability_assessment", "id,period_id,client_id,specialist_id,assessed_at,test_call,"
                + "test_call_note,private_space,private_space_note,digital_skills,hands_on_needed,hands_on_note,client_wish,"
                + "interpreter_needed,interpreter_language,client_consented,consent_notice_version,consent_given_at,decision,"
                + "reasons,support_measures", clients)) {
            for (int i = 0; i < clients; i++) {
                rows.add(base + 1 + i, c.periodId(i), c.clientId(i), c.specialistId(c.specialistOfClient(i)), c.daysAgo(28),
                        "YES", null, "YES", "Oma työhuone, jossa voi sulkea oven.", random.nextInt(3) == 0 ? "SOME_HELP"
                                : "INDEPENDENT", false, null, "WANTS_REMOTE", false, null, true, c.noticeVersion(), consented,
                        "SUITABLE", null, null);
            }
        }
    }
}
