package fi.askel.identity;

/** Links a broker identity to a client account: the ID token's {@code iss} and {@code sub}, exactly. */
public record LinkIdentityRequest(String issuer, String subject) {}
