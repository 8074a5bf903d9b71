package fi.askel.identity;

/** {@code totp}: a code from the authenticator app, or one of the recovery codes (accounts with a second factor). */
public record LoginRequest(String username, String password, String totp) {}
