package fi.askel.remote.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.remote.RemoteConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TURN credentials in coturn's REST-secret scheme: username "expiry:user", password the Base64 HMAC-SHA1 of
 * it under the shared secret. The expected password was computed outside Java with
 * {@code echo -n "1765000000:42" | openssl dgst -sha1 -hmac "coturn-shared-secret" -binary | base64}.
 */
class IceServersTest {

    private static RemoteConfig config(List<String> stun, List<String> turn, String secret) {
        return new RemoteConfig() {
            public int joinBeforeMinutes() { return 15; }
            public int graceMinutes() { return 15; }
            public Optional<List<String>> stunUrls() { return Optional.ofNullable(stun); }
            public Optional<List<String>> turnUrls() { return Optional.ofNullable(turn); }
            public Optional<String> turnSecret() { return Optional.ofNullable(secret); }
            public int groupMaxClients() { return 6; }
            public String remindersEvery() { return "off"; }
        };
    }

    @Test
    void turn_credentials_are_made_as_coturn_checks_them_and_name_their_expiry() {
        IceServers servers = new IceServers(config(List.of("stun:turn.example.fi:3478"),
                List.of("turn:turn.example.fi:3478?transport=udp", "turns:turn.example.fi:5349?transport=tcp"), "coturn-shared-secret"));
        List<IceServers.IceServer> list = servers.forCall(42L, Instant.ofEpochSecond(1765000000L));
        assertEquals(2, list.size());
        assertEquals(List.of("stun:turn.example.fi:3478"), list.get(0).urls());
        assertNull(list.get(0).username(), "STUN needs no credentials");
        assertEquals("1765000000:42", list.get(1).username());
        assertEquals("XJrBDEXl3S+KR8H/vIWFEY2GCJw=", list.get(1).credential());
    }

    @Test
    void without_configuration_no_server_is_contacted_and_turn_needs_its_secret() {
        assertTrue(new IceServers(config(null, null, null)).forCall(1L, Instant.now()).isEmpty());
        assertTrue(new IceServers(config(null, List.of("turn:turn.example.fi:3478"), null)).forCall(1L, Instant.now()).isEmpty(),
                "TURN URLs without the secret give no TURN server (it could not be used)");
    }
}
