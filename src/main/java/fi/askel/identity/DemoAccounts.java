package fi.askel.identity;

import java.util.Map;

/**
 * Fired once after the demo accounts are created on an empty database (askel.demo=true), so each
 * feature can add its own demo content for them. Keys: demo-admin, demo-specialist, demo-client, demo-client2.
 */
public record DemoAccounts(Map<String, User> byUsername) {

    public static final String PASSWORD = "demo-password-2026";
    /** The demo staff accounts' TOTP secret, published in the README: demo only. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    public User get(String username) {
        return byUsername.get(username);
    }
}
