package fi.askel.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets that every instance must agree on, kept in the database (app_secret) and made once by
 * whichever instance asks first. Used to sign links that must work without a sign-in.
 */
@ApplicationScoped
public class SharedSecrets {

    private final EntityManager em;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SharedSecrets(EntityManager em) {
        this.em = em;
    }

    public String get(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    /** A URL-safe HMAC-SHA256 of the value with the named secret. */
    public String sign(String secretName, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(get(secretName).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String secretName, String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secretName, value).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String load(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT IGNORE INTO app_secret (name, value) VALUES (?1, ?2)")
                    .setParameter(1, name).setParameter(2, Secrets.random(48)).executeUpdate();
            return (String) em.createNativeQuery("SELECT value FROM app_secret WHERE name = ?1")
                    .setParameter(1, name).getSingleResult();
        });
    }
}
