package fi.askel.followup;

import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * openhtmltopdf logs through a console handler of its own (plain-text lines on stderr, outside the JSON
 * log). This sends its messages to JBoss Logging instead, under its own categories (com.openhtmltopdf.*),
 * so they come out in the service's log format and obey quarkus.log.category levels.
 */
final class PdfLogging implements XRLogger {

    private static volatile boolean installed;

    private PdfLogging() {}

    static void install() {
        if (!installed) {
            synchronized (PdfLogging.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new PdfLogging());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        Logger.getLogger(where).log(level(level), msg);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger.getLogger(where).log(level(level), msg, th);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels come from the service's logging configuration.
    }

    @Override
    public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
        return Logger.getLogger("com.openhtmltopdf").isEnabled(level(diagnostic.getLevel()));
    }

    static Logger.Level level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return Logger.Level.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return Logger.Level.WARN;
        } else if (value >= Level.INFO.intValue()) {
            return Logger.Level.INFO;
        } else if (value >= Level.FINE.intValue()) {
            return Logger.Level.DEBUG;
        }
        return Logger.Level.TRACE;
    }
}
