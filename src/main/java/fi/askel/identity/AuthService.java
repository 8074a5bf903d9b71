package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out. A sign-in is a row in auth_session; the short-lived access token names it, and
 * a refresh token (kept only as a hash) gets a new access token without the password until the
 * session ends. Revoking the row ends every token of that sign-in at once, on every instance.
 *
 * <p>Order of a sign-in: the throttle (429 while locked), then the password (the same 401 for an unknown
 * account), and only then the second factor, so nobody without the password learns whether an account
 * has one. Staff without a second factor get an ENROL session that can do nothing but enrol.
 */
@ApplicationScoped
public class AuthService {

    public static final String TOTP_REQUIRED = "totp-required";
    public static final String TOTP_INVALID = "totp-invalid";

    private final AuthConfig config;
    private final LoginThrottle throttle;
    private final TotpService totp;
    private final PasswordHashes hashes;

    public AuthService(AuthConfig config, LoginThrottle throttle, TotpService totp, PasswordHashes hashes) {
        this.hashes = hashes;
        this.config = config;
        this.throttle = throttle;
        this.totp = totp;
    }

    /** JWT claim on tokens of a user who must choose a new password before doing anything else. */
    static final String PASSWORD_CHANGE_CLAIM = "pwc";

    public record Tokens(String token, Instant expiresAt, String refreshToken, Instant sessionExpiresAt, User user,
            boolean enrolmentRequired, String sessionId, boolean passwordChangeRequired) {}

    /** Activity is written to the session row at most this often: one UPDATE a minute, not one per request. */
    static final Duration ACTIVITY_GRANULARITY = Duration.ofMinutes(1);
    /**
     * Two requests of one browser can both find the access token expired and refresh with the same
     * refresh token; the second, within this long of the first, is refused without ending the sign-in.
     */
    static final Duration REFRESH_RACE = Duration.ofSeconds(10);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuthService.class);

    /**
     * Not one transaction, on purpose: the password is compared (bcrypt, tens of milliseconds of CPU) while
     * no connection is held, and a refused attempt is counted in a transaction of its own after the reads
     * have ended (LoginThrottle), so a sign-in never holds one connection while it waits for a second.
     */
    public Tokens login(String username, String password, String code, String userAgent, String address) {
        User user = checkPassword(username, password, address);
        return secondFactor(user, code, userAgent, address);
    }

    /**
     * The first step alone: the password is right (or 401/429). The sign-in page asks for the code
     * next without asking for the password again.
     */
    public User checkPassword(String username, String password, String address) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ApiException.invalid(username == null || username.isBlank() ? "username" : "password", "auth.login.missing");
        }
        String name = username.trim().toLowerCase();
        throttle.check(name, address);
        Optional<User> found = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(name));
        boolean matches = PasswordPolicy.matches(password, found.map(u -> u.passwordHash).orElse(hashes.dummy()));
        if (found.isEmpty() || !matches || !found.get().active) {
            throttle.recordFailure(name, address, found.filter(u -> u.active).map(u -> u.id).orElse(null),
                    LoginThrottle.Reason.PASSWORD);
            throw new ApiException(401, "invalid-credentials", "auth.login.failed", List.of());
        }
        User user = found.get();
        if (hashes.outdated(user.passwordHash)) { // made at another cost (askel.password.bcrypt-cost): made again now
            String old = user.passwordHash;
            String renewed = hashes.hash(password);
            QuarkusTransaction.joiningExisting().run(() -> User.update("passwordHash = ?1 where id = ?2 and passwordHash = ?3",
                    renewed, user.id, old));
            user.passwordHash = renewed;
        }
        return user;
    }

    /** Whether this account must give a second factor code after its password. */
    public boolean needsCode(User user) {
        return totp.isEnabled(user.id);
    }

    /** The second step, for a user whose password was just checked (transactions as in {@link #login}). */
    public Tokens secondFactor(User user, String code, String userAgent, String address) {
        String scope = AuthSession.FULL;
        if (totp.isEnabled(user.id)) {
            if (code == null || code.isBlank()) {
                throw new ApiException(401, TOTP_REQUIRED, "auth.totp.required", List.of());
            }
            throttle.check(user.username, address);
            if (!totp.verify(user.id, code)) {
                throttle.recordFailure(user.username, address, user.id, LoginThrottle.Reason.SECOND_FACTOR);
                throw new ApiException(401, TOTP_INVALID, "auth.totp.invalid", List.of());
            }
        } else if (user.role.isStaff()) {
            scope = AuthSession.ENROL;
        }
        String granted = scope;
        return QuarkusTransaction.joiningExisting().call(() -> {
            throttle.recordSuccess(user.username);
            return startSession(User.findById(user.id), granted, userAgent, address);
        });
    }

    /**
     * A client whose identity an identification broker has just verified strongly (BrokerSignIn): a
     * FULL session as after the password and the second factor. Never for staff or closed accounts.
     */
    @Transactional
    public Tokens startBrokerSession(User user, String userAgent, String address) {
        if (user.role != Role.CLIENT || !user.active) {
            throw new IllegalArgumentException("Only an active client account signs in through a broker");
        }
        return startSession(User.findById(user.id), AuthSession.FULL, userAgent, address);
    }

    private Tokens startSession(User user, String scope, String userAgent, String address) {
        Instant now = Instant.now();
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID().toString();
        session.userId = user.id;
        String refresh = Secrets.random(32);
        session.refreshHash = sha256(refresh);
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(Duration.ofHours(config.sessionHours()));
        session.userAgent = truncate(userAgent, 255);
        session.remoteAddress = truncate(address, 64);
        session.scope = scope;
        session.persist();
        return issue(user, session, refresh, now);
    }

    /**
     * A new access token (and a new refresh token: each one works once) for a live session that has not
     * been left idle. Refreshing is not activity: a sign-in nobody uses ends after its idle time even if
     * something keeps refreshing it. A refresh token that was already spent ends the sign-in: either it
     * or its successor was stolen (except a second refresh from the same browser racing the first).
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public Tokens refresh(String refreshToken) {
        Instant now = Instant.now();
        String hash = refreshToken == null || refreshToken.isBlank() ? null : sha256(refreshToken);
        AuthSession session = hash == null ? null : AuthSession.findByRefreshHash(hash).orElse(null);
        if (session == null && hash != null) {
            AuthSession.findByPreviousRefreshHash(hash).filter(s -> s.revokedAt == null).ifPresent(spent -> {
                if (spent.refreshedAt == null || spent.refreshedAt.isBefore(now.minus(REFRESH_RACE))) {
                    spent.revokedAt = now;
                    LOG.warnf("A spent refresh token was presented again: sign-in %s of user %d ended", spent.id, spent.userId);
                }
            });
        }
        User user = session == null ? null : User.findById(session.userId);
        if (session == null || !session.isActive(now) || user == null || !user.active) {
            throw new ApiException(401, "session-ended", "auth.session.ended", List.of());
        }
        if (isIdle(session, user, now)) {
            session.revokedAt = now;
            throw new ApiException(401, "session-ended", "auth.session.ended", List.of());
        }
        String refresh = Secrets.random(32);
        session.previousRefreshHash = session.refreshHash;
        session.refreshHash = sha256(refresh);
        session.refreshedAt = now;
        return issue(user, session, refresh, now);
    }

    /** How long a sign-in of this role may go without a request. */
    public Duration idleTime(Role role) {
        return Duration.ofMinutes(role.isStaff() ? config.idle().staffMinutes() : config.idle().clientMinutes());
    }

    private boolean isIdle(AuthSession session, User user, Instant now) {
        return !session.idleExpiresAt(idleTime(user.role)).isAfter(now);
    }

    /** "Stay signed in": counts as activity now, whatever the once-a-minute rule; answers the new idle end. */
    @Transactional
    public Optional<Instant> keepAlive(String sessionId) {
        AuthSession session = sessionId == null ? null : AuthSession.findById(sessionId);
        Instant now = Instant.now();
        if (session == null || !session.isActive(now)) {
            return Optional.empty();
        }
        User user = User.findById(session.userId);
        if (user == null || isIdle(session, user, now)) {
            return Optional.empty();
        }
        session.lastUsedAt = now;
        return Optional.of(session.idleExpiresAt(idleTime(user.role)));
    }

    @Transactional
    public void logout(String sessionId) {
        AuthSession session = sessionId == null ? null : AuthSession.findById(sessionId);
        if (session != null && session.revokedAt == null) {
            session.revokedAt = Instant.now();
        }
    }

    /** Ends every sign-in of the user (password reset, account closed). */
    @Transactional
    public int logoutEverywhere(Long userId) {
        return AuthSession.revokeAllByUser(userId, Instant.now());
    }

    /** Ends every sign-in of the user but this one (the person changing their own password keeps going). */
    @Transactional
    public int logoutElsewhere(Long userId, String keepSessionId) {
        return AuthSession.revokeOthers(userId, keepSessionId == null ? "" : keepSessionId, Instant.now());
    }

    /** After a confirmed enrolment, the sign-in that did it may do everything its role allows. */
    @Transactional
    public void completeEnrolment(String sessionId, Long userId) {
        AuthSession session = sessionId == null ? null : AuthSession.findById(sessionId);
        if (session != null && session.userId.equals(userId)) {
            session.scope = AuthSession.FULL;
        }
    }

    /** Whether the user must still choose a new password (the bootstrap admin before the first change). */
    @Transactional
    public boolean passwordChangeRequired(Long userId) {
        return PasswordReset.changeRequired(userId, Instant.now());
    }

    /**
     * Which of these sign-ins are still live (not signed out, not expired, the account active): for
     * connections that outlive a request, such as a video call's signalling socket. One query for all.
     */
    @Transactional
    public java.util.Set<String> liveSessions(java.util.Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(AuthSession.find("select s.id from AuthSession s, User u where u.id = s.userId"
                        + " and s.id in ?1 and s.revokedAt is null and s.expiresAt > ?2 and u.active = true",
                sessionIds, Instant.now()).project(String.class).list());
    }

    private Tokens issue(User user, AuthSession session, String refresh, Instant now) {
        Instant expires = now.plus(Duration.ofMinutes(config.tokenMinutes()));
        if (expires.isAfter(session.expiresAt)) {
            expires = session.expiresAt;
        }
        boolean changePassword = PasswordReset.changeRequired(user.id, now);
        var claims = Jwt.issuer(config.issuer())
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(Set.of(user.role.name()))
                .claim("sid", session.id)
                .issuedAt(now)
                .expiresAt(expires);
        if (changePassword) {
            // Only such tokens cost a look at the database per request (SessionAugmentor), until the password changes.
            claims.claim(PASSWORD_CHANGE_CLAIM, true);
        }
        String token = claims.sign();
        return new Tokens(token, expires, refresh, session.expiresAt, user, AuthSession.ENROL.equals(session.scope),
                session.id, changePassword);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
