package fi.askel.identity;

import fi.askel.common.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account and its sign-ins as they go into the person's data export (never a password or token hash). */
@ApplicationScoped
public class AccountData {

    private final NativeRows rows;

    public AccountData(NativeRows rows) {
        this.rows = rows;
    }

    public Map<String, List<Map<String, Object>>> export(long userId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("account", rows.of("SELECT id, username, display_name, role, locale, email, active, created_at, updated_at"
                + " FROM app_user WHERE id = ?1", userId));
        files.put("sign-ins", rows.of("SELECT created_at, expires_at, last_used_at, revoked_at, user_agent, remote_address"
                + " FROM auth_session WHERE user_id = ?1 ORDER BY created_at", userId));
        return files;
    }
}
