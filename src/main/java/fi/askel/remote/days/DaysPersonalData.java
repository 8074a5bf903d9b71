package fi.askel.remote.days;

import fi.askel.common.NativeRows;
import fi.askel.common.db.Counts;
import fi.askel.privacy.PersonalDataProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remote-rehabilitation days in the client's export. They are rehabilitation records the provider
 * reports to Kela for the rehabilitation allowance and invoicing, so an erasure keeps them.
 */
@ApplicationScoped
public class DaysPersonalData implements PersonalDataProvider {

    private final NativeRows rows;

    public DaysPersonalData(NativeRows rows) {
        this.rows = rows;
    }

    @Override
    public int exportOrder() {
        return 21;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("remote-days", rows.of("SELECT d.period_id, d.day_on, d.video_call, d.online_exercises, d.group_session,"
                + " d.minutes, d.outcome, d.note, r.display_name AS recorded_by, d.recorded_at, u.display_name AS updated_by,"
                + " d.updated_at, (SELECT GROUP_CONCAT(x.appointment_id ORDER BY x.appointment_id) FROM remote_day_appointment x"
                + " WHERE x.day_id = d.id) AS appointment_ids"
                + " FROM remote_day d JOIN app_user r ON r.id = d.recorded_by LEFT JOIN app_user u ON u.id = d.updated_by"
                + " WHERE d.client_id = ?1 ORDER BY d.day_on, d.period_id", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        return List.of(Line.kept("remote-days", recordsKept(clientId)));
    }

    @Override
    public long recordsKept(long clientId) {
        return Counts.of("select count(*) from RemoteDay where clientId = ?1", clientId);
    }
}
