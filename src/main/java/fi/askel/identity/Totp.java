package fi.askel.identity;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 30-second
 * steps, 6 digits. The HOTP arithmetic is java-otp's; which steps count is decided here.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    /** A code of the previous or the next step is accepted too: phone clocks drift and people type slowly. */
    static final int TOLERANCE_STEPS = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new secret: 160 random bits (RFC 4226's recommendation), in Base32 without padding. */
    static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    static String code(String secret, long step) {
        byte[] key = new Base32().decode(secret.toUpperCase(Locale.ROOT));
        try {
            return new HmacOneTimePasswordGenerator().generateOneTimePasswordString(new SecretKeySpec(key, "RAW"), step,
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six digits, spaces allowed (people copy "123 456"); anything else is not a TOTP code. */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace(" ", "");
        return digits.matches("[0-9]{6}") ? digits : null;
    }

    /**
     * The step whose code this is, within the tolerance around {@code now} and newer than
     * {@code lastUsedStep}, or empty. Comparisons are constant-time.
     */
    static OptionalLong matchingStep(String secret, String code, Instant now, Long lastUsedStep) {
        String typed = normalize(code);
        if (typed == null) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long s = current - TOLERANCE_STEPS; s <= current + TOLERANCE_STEPS; s++) {
            boolean same = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII));
            if (same && found.isEmpty() && (lastUsedStep == null || s > lastUsedStep)) {
                found = OptionalLong.of(s);
            }
        }
        return found;
    }

    /** The otpauth:// address an authenticator app reads from the QR code. */
    static String otpauthUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    /** The key in groups of four, as people read it aloud or type it. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
