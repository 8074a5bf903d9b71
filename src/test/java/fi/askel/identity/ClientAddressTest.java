package fi.askel.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For counts only from a trusted proxy, and then only the hop the proxy itself saw. */
class ClientAddressTest {

    @Test
    void a_forwarded_header_from_an_untrusted_peer_is_ignored() {
        ClientAddress none = new ClientAddress(List.of());
        assertEquals("203.0.113.9", none.resolve("203.0.113.9", "198.51.100.1"));
        ClientAddress proxy = new ClientAddress(List.of("10.0.0.5"));
        assertEquals("203.0.113.9", proxy.resolve("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_last_untrusted_hop() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.5", "10.0.0.6"));
        assertEquals("198.51.100.1", proxies.resolve("10.0.0.5", "198.51.100.1"));
        // A client that sends its own X-Forwarded-For cannot pick its address: the proxy appends the real one.
        assertEquals("198.51.100.1", proxies.resolve("10.0.0.5", "6.6.6.6, 198.51.100.1"));
        assertEquals("198.51.100.1", proxies.resolve("10.0.0.5", "198.51.100.1, 10.0.0.6"));
        assertEquals("10.0.0.5", proxies.resolve("10.0.0.5", ""));
    }
}
