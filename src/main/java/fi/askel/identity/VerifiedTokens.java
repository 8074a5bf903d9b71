package fi.askel.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks each access token's signature once, not on every request: a token already verified (the exact
 * same string) is taken from memory until it expires. The signature check (RSA) was a fifth of the CPU
 * of a trivial request. Only the cryptographic check is remembered: whether the sign-in is still live is
 * asked of the database on every request (SessionLookup), so signing out still takes effect at once.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    /** Enough for every token in use on a busy instance; a token lives askel.auth.token-minutes at most. */
    private static final int MAX_TOKENS = 20_000;

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(Duration.ofMinutes(30)).build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
