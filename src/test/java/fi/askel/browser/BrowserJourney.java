package fi.askel.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser journey shares: the service's address and one Chromium for the class, started before its
 * tests and closed after them. A journey that needs other browser options (a fake camera) starts its own.
 */
abstract class BrowserJourney {

    @TestHTTPResource("/")
    URL base;

    static BrowserSupport chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
