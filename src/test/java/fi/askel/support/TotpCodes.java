package fi.askel.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes computed in the tests, independently of the service's implementation (HMAC-SHA1,
 * 30-second steps, 6 digits), and a ledger of the steps each account has used: the service accepts
 * each step once per account, so a test signing the same person in several times uses the previous,
 * current and next step in turn (and, rarely, waits for the clock to move on).
 */
public final class TotpCodes {

    /** In system properties, so the ledger outlives a service restart (test classes are loaded again then). */
    private static final String PREFIX = "askel.test.totp-step.";

    /**
     * The ledger's key: steps are used per account, and a test profile with a database of its own has accounts of its
     * own (its bootstrap admin has used no step there, whatever the same name used in the run's database).
     */
    private static String key(String username) {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("");
        return PREFIX + url.replaceFirst("\\?.*$", "").replaceFirst("^.*/", "") + "." + username;
    }

    private TotpCodes() {}

    /** The code of an RFC 6238 time step for a Base32 secret. */
    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 30);
    }

    /**
     * A code the service will accept for this account now: the oldest step within its ±1 tolerance that
     * the account has not used yet. Steps close to a boundary are avoided, so the code is still valid
     * when the request arrives.
     */
    public static synchronized String next(String username, String secret) {
        while (true) {
            String code = nowOrNull(username, secret);
            if (code != null) {
                return code;
            }
            long until = (step(Instant.now()) + 1) * 30_000L + 200;
            // Waiting is the slowest thing a test can do: say who waited, so a test that signs one person in
            // again and again can be given fresh accounts instead.
            System.err.printf(Locale.ROOT, "[TotpCodes] %s waits %.1f s for an unused TOTP step (%s)%n", username,
                    (until - System.currentTimeMillis()) / 1000.0, caller());
            sleepUntil(until);
        }
    }

    /** {@link #next}'s code when one can be had without waiting (then marked used), else null. */
    public static synchronized String nowOrNull(String username, String secret) {
        Instant now = Instant.now();
        long current = step(now);
        long soon = step(now.plusSeconds(3));
        long last = Long.parseLong(System.getProperty(key(username), String.valueOf(Long.MIN_VALUE)));
        long candidate = Math.max(last + 1, soon - 1);
        if (candidate > current + 1) {
            return null;
        }
        System.setProperty(key(username), String.valueOf(candidate));
        return code(secret, candidate);
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test") || name.contains("Test$")).findFirst().orElse("?"));
    }

    /** The newest step this account has used in the tests. */
    public static long lastStep(String username) {
        return Long.parseLong(System.getProperty(key(username), String.valueOf(Long.MIN_VALUE)));
    }

    /** Marks a step as used by this account (a test that typed a code itself). */
    public static synchronized void used(String username, long step) {
        long last = Long.parseLong(System.getProperty(key(username), String.valueOf(Long.MIN_VALUE)));
        System.setProperty(key(username), String.valueOf(Math.max(last, step)));
    }

    private static void sleepUntil(long epochMillis) {
        try {
            Thread.sleep(Math.max(1, epochMillis - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String secret) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = secret.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
