package fi.askel.remote.call;

import fi.askel.remote.RemoteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN and TURN servers a browser is given for one call. TURN credentials follow coturn's REST
 * scheme ({@code use-auth-secret}): the username is the expiry time (Unix seconds) and the user id, the
 * password the Base64 HMAC-SHA1 of the username under the shared secret, so coturn checks them without
 * asking Askel and they stop working an hour after the call's window closes (a call going on keeps its
 * relay; a new one needs new credentials).
 */
@ApplicationScoped
public class IceServers {

    /** One RTCIceServer as the browser's RTCPeerConnection takes it. */
    public record IceServer(List<String> urls, String username, String credential) {}

    private final RemoteConfig config;

    public IceServers(RemoteConfig config) {
        this.config = config;
    }

    public List<IceServer> forCall(Long userId, Instant validUntil) {
        List<IceServer> servers = new ArrayList<>();
        config.stunUrls().filter(l -> !l.isEmpty()).ifPresent(urls -> servers.add(new IceServer(urls, null, null)));
        config.turnUrls().filter(l -> !l.isEmpty()).ifPresent(urls -> config.turnSecret().ifPresent(secret -> {
            String username = validUntil.getEpochSecond() + ":" + userId;
            servers.add(new IceServer(urls, username, credential(secret, username)));
        }));
        return servers;
    }

    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
