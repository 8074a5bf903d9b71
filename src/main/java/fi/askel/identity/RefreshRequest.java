package fi.askel.identity;

public record RefreshRequest(String refreshToken) {}
