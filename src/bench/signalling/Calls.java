package signalling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/** Sets up the calls over the API as people do, and the few HTTP, JSON and TOTP helpers that needs (JDK only). */
final class Calls {

    static final String DEMO_PASSWORD = "demo-password-2026";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    static final String PASSWORD = "Bench-signalling-2026-x";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The service's base address, without a trailing slash. */
    static String base;
    /**
     * Second-factor enrolments one at a time: two staff confirming theirs at the same moment can be answered 500
     * (the recovery codes' delete-then-insert deadlocks in MariaDB; reported, not this bench's subject).
     */
    static final Object ENROLMENT = new Object();

    record Account(long id, String token) {}

    record Pair(int index, long appointmentId, Account specialist, Account client) {}

    private Calls() {}

    /** A specialist and a client of their own, a period assessed suitable, and a call in 5 minutes. */
    static Pair pair(Account admin, String run, int index) throws Exception {
        String specialistName = "bench-" + run + "-s" + index;
        String clientName = "bench-" + run + "-c" + index;
        createUser(admin, specialistName, "SPECIALIST");
        long clientId = createUser(admin, clientName, "CLIENT");

        Account specialist = login(specialistName, PASSWORD, null);
        synchronized (ENROLMENT) {
            String secret = field(call("POST", "/api/v1/me/mfa/totp", specialist.token(), "{}", 200), "secret");
            call("POST", "/api/v1/me/mfa/totp/confirm", specialist.token(),
                    "{\"code\":\"" + totp(secret, Instant.now().getEpochSecond() / 30) + "\"}", 200);
        }

        Account client = login(clientName, PASSWORD, null);
        String version = field(call("GET", "/api/v1/me/privacy", client.token(), null, 200), "currentVersion");
        call("POST", "/api/v1/me/privacy/acknowledge", client.token(),
                "{\"version\":" + version + ",\"remoteRehabConsent\":true}", 200);

        String period = call("POST", "/api/v1/periods", specialist.token(), "{\"clientId\":" + clientId
                + ",\"serviceType\":\"INDIVIDUAL\",\"startsOn\":\"" + LocalDate.now().minusDays(1) + "\",\"endsOn\":\""
                + LocalDate.now().plusDays(10) + "\"}", 201);
        call("POST", "/api/v1/periods/" + field(period, "id") + "/suitability", specialist.token(),
                "{\"testCall\":\"YES\",\"privateSpace\":\"YES\",\"digitalSkills\":\"INDEPENDENT\",\"handsOnNeeded\":false,"
                        + "\"clientWish\":\"WANTS_REMOTE\",\"interpreterNeeded\":false,\"clientConsented\":true,"
                        + "\"decision\":\"SUITABLE\"}", 201);
        String startsAt = OffsetDateTime.now(ZoneId.of("Europe/Helsinki")).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString();
        String booked = call("POST", "/api/v1/appointments", specialist.token(), "{\"clientId\":" + clientId
                + ",\"startsAt\":\"" + startsAt + "\",\"durationMinutes\":30,\"topic\":\"Bench\"}", 201);
        return new Pair(index, Long.parseLong(field(booked, "id")), specialist, new Account(clientId, client.token()));
    }

    static long createUser(Account admin, String username, String role) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + username + "\",\"role\":\"" + role
                + "\",\"locale\":\"fi\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + username + "@example.org\"}";
        return Long.parseLong(field(call("POST", "/api/v1/users", admin.token(), body, 201), "id"));
    }

    static Account login(String username, String password, String totp) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}";
        String answer = call("POST", "/api/v1/auth/login", null, body, 200);
        return new Account(0, field(answer, "token"));
    }

    static String call(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first value of a top-level-looking field in a JSON text (enough for the answers read here). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false|null)")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** RFC 6238 (HMAC-SHA1, 30 s, 6 digits) for a Base32 secret. */
    static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = base32.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer key = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }
}
