package fi.askel.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Quarkus has REST Assured keep each request and response to print them if a check on it fails; by default REST
 * Assured pretty-prints them, which parses every HTML page (TagSoup) and JSON body the tests receive, failing or
 * not: about a twentieth of the test JVM's CPU in a profile of API and page tests. A failure still prints the
 * request and the response, as they were sent. Quarkus sets REST Assured's log settings afresh for every test, after
 * the before-each callbacks, so this runs just before the test method itself.
 */
public class PlainFailureLogs implements QuarkusTestBeforeTestExecutionCallback {

    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        var config = RestAssured.config();
        if (config.getLogConfig().isPrettyPrintingEnabled()) {
            RestAssured.config = config.logConfig(config.getLogConfig().enablePrettyPrinting(false));
        }
    }
}
