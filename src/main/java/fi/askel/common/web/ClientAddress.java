package fi.askel.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request came from (for the access log and sign-in throttling). X-Forwarded-For is believed only when the connection comes from a
 * trusted proxy ({@code askel.http.trusted-proxies}); then the header is read from the right, skipping
 * trusted proxies, because a client can put anything at its left end.
 */
@ApplicationScoped
public class ClientAddress {

    private record Range(BigInteger network, int bits, int length) {}

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");

    private final List<Range> trusted;

    @jakarta.inject.Inject
    public ClientAddress(HttpConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(ClientAddress::range).toList();
    }

    /** The client's address for this request, at most 64 characters. */
    public String of(io.vertx.core.http.HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        String address = resolve(peer, request.getHeader("X-Forwarded-For"));
        return address != null && address.length() > 64 ? address.substring(0, 64) : address;
    }

    public String resolve(String peer, String forwardedFor) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            candidate = hops[i].trim();
            if (!isTrusted(candidate)) {
                return candidate;
            }
        }
        return candidate;
    }

    boolean isTrusted(String address) {
        byte[] bytes = bytes(address);
        if (bytes == null) {
            return false;
        }
        BigInteger value = new BigInteger(1, bytes);
        int length = bytes.length * 8;
        for (Range r : trusted) {
            if (r.length() == length && value.shiftRight(length - r.bits()).equals(r.network().shiftRight(length - r.bits()))) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String spec) {
        String[] parts = spec.split("/", 2);
        byte[] bytes = bytes(parts[0]);
        if (bytes == null) {
            throw new IllegalArgumentException("askel.http.trusted-proxies: not an IP address or range: " + spec);
        }
        BigInteger network = new BigInteger(1, bytes);
        int length = bytes.length * 8;
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : length;
        if (bits < 0 || bits > length) {
            throw new IllegalArgumentException("askel.http.trusted-proxies: bad prefix length in " + spec);
        }
        return new Range(network, bits, length);
    }

    /** The address's bytes; null for anything that is not a literal IP address (never a DNS look-up). */
    private static byte[] bytes(String address) {
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!a.contains(":") && !IPV4.matcher(a).matches()) {
            return null;
        }
        try {
            // Brackets make InetAddress parse an IPv6 literal or fail, rather than ask DNS.
            return InetAddress.getByName(a.contains(":") ? "[" + a + "]" : a).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
