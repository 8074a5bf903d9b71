package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(List.of(proxies));
    }

    @Test
    void without_trusted_proxies_the_header_is_ignored() {
        assertEquals("198.51.100.7", new ClientAddress(List.of()).resolve("198.51.100.7", "203.0.113.9"));
    }

    @Test
    void behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        ClientAddress a = trusting("10.0.0.0/8", "192.0.2.1");
        assertEquals("203.0.113.9", a.resolve("10.1.2.3", "203.0.113.9"));
        // A client cannot pretend by putting an address at the left end.
        assertEquals("203.0.113.9", a.resolve("10.1.2.3", "1.2.3.4, 203.0.113.9, 192.0.2.1"));
        // A request straight from the internet is not believed.
        assertEquals("198.51.100.7", a.resolve("198.51.100.7", "203.0.113.9"));
        assertEquals("2001:db8::5", trusting("::1").resolve("0:0:0:0:0:0:0:1", "2001:db8::5"));
        assertEquals("not-an-address", a.resolve("10.1.2.3", "not-an-address"));
    }

    @Test
    void a_bad_setting_stops_the_start() {
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }
}
