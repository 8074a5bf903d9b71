package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.Secrets;
import fi.askel.common.web.ProviderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The TOTP second factor: enrolment (a pending secret confirmed with a first code), checking codes at
 * sign-in with replay protection, and one-time recovery codes. Secrets are stored encrypted and shown
 * only while an enrolment waits for its confirmation.
 */
@ApplicationScoped
public class TotpService {

    static final int RECOVERY_CODES = 10;
    /** An enrolment not confirmed within this time must be started again. */
    static final Duration PENDING_LIFETIME = Duration.ofHours(1);

    public record Enrolment(String secret, String otpauthUri) {}

    public record Status(boolean enabled, boolean required, long recoveryCodesLeft) {}

    private final TotpCipher cipher;
    private final ProviderConfig provider;

    public TotpService(TotpCipher cipher, ProviderConfig provider) {
        this.cipher = cipher;
        this.provider = provider;
    }

    @Transactional
    public boolean isEnabled(Long userId) {
        UserTotp totp = UserTotp.findById(userId);
        return totp != null && totp.isEnabled();
    }

    /**
     * Active staff accounts without a confirmed second factor (they can only enrol one until they do):
     * the provider's evidence that strong authentication is enforced for staff.
     */
    @Transactional
    public long countActiveStaffWithoutSecondFactor() {
        return User.getEntityManager().createQuery("select count(u) from User u where u.active = true and u.role <> ?1 "
                + "and not exists (select t.userId from UserTotp t where t.userId = u.id and t.secretEnc is not null)", Long.class)
                .setParameter(1, Role.CLIENT).getSingleResult();
    }

    @Transactional
    public Status status(User user) {
        return new Status(isEnabled(user.id), user.role.isStaff(), RecoveryCode.countUnused(user.id));
    }

    /**
     * Starts an enrolment, or shows the one still waiting (the page may be reloaded). With a second
     * factor already on, the caller has re-entered the password; the old one works until the new is confirmed.
     */
    @Transactional
    public Enrolment start(User user, boolean restart) {
        UserTotp totp = UserTotp.<UserTotp>findByIdOptional(user.id).orElseGet(() -> {
            UserTotp created = new UserTotp();
            created.userId = user.id;
            created.persist();
            return created;
        });
        Instant now = Instant.now();
        boolean fresh = totp.pendingEnc != null && totp.pendingStartedAt.plus(PENDING_LIFETIME).isAfter(now);
        String secret;
        if (fresh && !restart) {
            secret = cipher.decrypt(totp.pendingEnc);
        } else {
            secret = Totp.newSecret();
            totp.pendingEnc = cipher.encrypt(secret);
            totp.pendingStartedAt = now;
        }
        return new Enrolment(secret, Totp.otpauthUri(provider.name(), user.username, secret));
    }

    /** The enrolment waiting for its first code, if any (for the QR code). */
    @Transactional
    public java.util.Optional<Enrolment> pending(User user) {
        UserTotp totp = UserTotp.findById(user.id);
        if (totp == null || totp.pendingEnc == null || totp.pendingStartedAt.plus(PENDING_LIFETIME).isBefore(Instant.now())) {
            return java.util.Optional.empty();
        }
        String secret = cipher.decrypt(totp.pendingEnc);
        return java.util.Optional.of(new Enrolment(secret, Totp.otpauthUri(provider.name(), user.username, secret)));
    }

    /** Confirms the waiting enrolment with a code from the app; returns the new recovery codes (shown once). */
    @Transactional
    public List<String> confirm(User user, String code) {
        UserTotp totp = UserTotp.findById(user.id);
        if (totp == null || totp.pendingEnc == null || totp.pendingStartedAt.plus(PENDING_LIFETIME).isBefore(Instant.now())) {
            throw ApiException.conflict("totp-no-enrolment", "mfa.enrol.none");
        }
        if (code == null || code.isBlank()) {
            throw ApiException.invalid("code", "mfa.code.required");
        }
        String secret = cipher.decrypt(totp.pendingEnc);
        OptionalLong step = Totp.matchingStep(secret, code, Instant.now(), totp.lastStep);
        if (step.isEmpty()) {
            throw ApiException.invalid("code", "mfa.code.invalid");
        }
        totp.secretEnc = totp.pendingEnc;
        totp.confirmedAt = Instant.now();
        totp.pendingEnc = null;
        totp.pendingStartedAt = null;
        totp.lastStep = step.getAsLong();
        return newRecoveryCodes(user.id);
    }

    /** Whether this is a valid TOTP code (each time step once) or an unused recovery code (then used up). */
    @Transactional
    public boolean verify(Long userId, String code) {
        UserTotp totp = UserTotp.findById(userId);
        if (totp == null || !totp.isEnabled() || code == null) {
            return false;
        }
        if (Totp.normalize(code) != null) {
            OptionalLong step = Totp.matchingStep(cipher.decrypt(totp.secretEnc), code, Instant.now(), totp.lastStep);
            return step.isPresent() && UserTotp.claimStep(userId, step.getAsLong());
        }
        String normalized = normalizeRecovery(code);
        return normalized != null && RecoveryCode.use(userId, AuthService.sha256(normalized), Instant.now());
    }

    /** Ten new recovery codes; the earlier ones stop working. */
    @Transactional
    public List<String> regenerateRecoveryCodes(User user) {
        if (!isEnabled(user.id)) {
            throw ApiException.conflict("totp-not-enabled", "mfa.not-enabled");
        }
        return newRecoveryCodes(user.id);
    }

    /** Turns the second factor off: clients only, staff must always have one. */
    @Transactional
    public void disable(User user) {
        if (user.role.isStaff()) {
            throw ApiException.forbidden("mfa.staff-required");
        }
        UserTotp.deleteById(user.id);
        RecoveryCode.deleteByUser(user.id);
    }

    /** Enrols the account on a known secret: for the demo data (a published secret), and tests needing a phone set up first. */
    @Transactional
    public void enrolKnownSecret(User user, String secret) {
        UserTotp totp = new UserTotp();
        totp.userId = user.id;
        totp.secretEnc = cipher.encrypt(secret);
        totp.confirmedAt = Instant.now();
        totp.persist();
    }

    private List<String> newRecoveryCodes(Long userId) {
        RecoveryCode.deleteByUser(userId);
        List<String> codes = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            // 80 random bits in 16 Base32 letters and digits, shown in groups of four.
            String raw = new org.apache.commons.codec.binary.Base32().encodeToString(
                    java.util.Base64.getUrlDecoder().decode(Secrets.random(10))).toLowerCase(Locale.ROOT).replace("=", "");
            RecoveryCode rc = new RecoveryCode();
            rc.userId = userId;
            rc.codeHash = AuthService.sha256(raw);
            rc.createdAt = now;
            rc.persist();
            codes.add(raw.replaceAll("(.{4})(?!$)", "$1-"));
        }
        return codes;
    }

    /** Recovery codes are 16 letters and digits; dashes, spaces and case do not matter. */
    static String normalizeRecovery(String input) {
        String s = input.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return s.matches("[a-z2-7]{16}") ? s : null;
    }
}
