package fi.askel.identity;

import fi.askel.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps TOTP secrets encrypted in the database (AES-256-GCM). The key lives in the data folder
 * (keys/totp.key, made on first use) and not in the database, so a copy of the database alone
 * does not give anyone's second factor. Every instance needs the same key file, like the signing keys.
 */
@ApplicationScoped
public class TotpCipher {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    public TotpCipher(@ConfigProperty(name = "askel.data-dir") String dataDir) {
        byte[] raw = Base64.getUrlDecoder().decode(Secrets.readOrCreate(Path.of(dataDir, "keys", "totp.key"), 32));
        this.key = new SecretKeySpec(raw, "AES");
    }

    String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a TOTP secret", e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a TOTP secret: is data/keys/totp.key the same on every instance?", e);
        }
    }
}
