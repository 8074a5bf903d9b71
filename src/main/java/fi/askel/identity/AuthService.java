package fi.askel.identity;

import fi.askel.common.ApiException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import fi.askel.common.Secrets;

/**
 * Signing in and out. A sign-in is a row in auth_session; the short-lived access token names it, and
 * a refresh token (kept only as a hash) gets a new access token without the password until the
 * session ends. Revoking the row ends every token of that sign-in at once, on every instance.
 */
@ApplicationScoped
public class AuthService {

    /** Compared against when the username is unknown, so a wrong username takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-" + UUID.randomUUID());

    private final AuthConfig config;

    public AuthService(AuthConfig config) {
        this.config = config;
    }

    public record Tokens(String token, Instant expiresAt, String refreshToken, Instant sessionExpiresAt, User user) {}

    @Transactional
    public Tokens login(String username, String password, String userAgent, String remoteAddress) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ApiException.invalid(username == null || username.isBlank() ? "username" : "password", "auth.login.missing");
        }
        Optional<User> found = User.findByUsername(username.trim().toLowerCase());
        boolean matches = BcryptUtil.matches(password, found.map(u -> u.passwordHash).orElse(DUMMY_HASH));
        if (found.isEmpty() || !matches || !found.get().active) {
            throw new ApiException(401, "invalid-credentials", "auth.login.failed", java.util.List.of());
        }
        User user = found.get();
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
        session.remoteAddress = truncate(remoteAddress, 64);
        session.persist();
        return issue(user, session, refresh, now);
    }

    /** A new access token (and a new refresh token: each one works once) for a live session. */
    @Transactional
    public Tokens refresh(String refreshToken) {
        Instant now = Instant.now();
        AuthSession session = refreshToken == null ? null : AuthSession.findByRefreshHash(sha256(refreshToken)).orElse(null);
        User user = session == null ? null : User.findById(session.userId);
        if (session == null || !session.isActive(now) || user == null || !user.active) {
            throw new ApiException(401, "session-ended", "auth.session.ended", java.util.List.of());
        }
        String refresh = Secrets.random(32);
        session.refreshHash = sha256(refresh);
        session.lastUsedAt = now;
        return issue(user, session, refresh, now);
    }

    @Transactional
    public void logout(String sessionId) {
        AuthSession session = sessionId == null ? null : AuthSession.findById(sessionId);
        if (session != null && session.revokedAt == null) {
            session.revokedAt = Instant.now();
        }
    }

    /** Ends every sign-in of the user (password change, account closed). */
    @Transactional
    public int logoutEverywhere(Long userId) {
        return AuthSession.revokeAllByUser(userId, Instant.now());
    }

    /** The caller behind a verified token, if its session is still live and the account active. */
    @Transactional
    public Optional<Caller> callerFor(String sessionId, String subject) {
        if (sessionId == null || subject == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        AuthSession session = AuthSession.findById(sessionId);
        if (session == null || !session.isActive(now) || !subject.equals(String.valueOf(session.userId))) {
            return Optional.empty();
        }
        User user = User.findById(session.userId);
        return user != null && user.active ? Optional.of(Caller.of(user)) : Optional.empty();
    }

    private Tokens issue(User user, AuthSession session, String refresh, Instant now) {
        Instant expires = now.plus(Duration.ofMinutes(config.tokenMinutes()));
        if (expires.isAfter(session.expiresAt)) {
            expires = session.expiresAt;
        }
        String token = Jwt.issuer(config.issuer())
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(Set.of(user.role.name()))
                .claim("sid", session.id)
                .issuedAt(now)
                .expiresAt(expires)
                .sign();
        return new Tokens(token, expires, refresh, session.expiresAt, user);
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
