package fi.askel.identity;

/** {@code totp} is accepted now so clients can send it; it becomes required for staff with the second factor. */
public record LoginRequest(String username, String password, String totp) {}
