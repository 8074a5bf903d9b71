package fi.askel.remote.readiness;

import fi.askel.common.Dates;
import fi.askel.common.Messages;
import fi.askel.common.web.HttpConfig;
import fi.askel.identity.TotpService;
import fi.askel.privacy.AccessChainCheck;
import fi.askel.privacy.AccessLogIntegrity;
import fi.askel.remote.readiness.ReadinessViews.Check;
import fi.askel.remote.readiness.ReadinessViews.CheckStatus;
import fi.askel.remote.readiness.ReadinessViews.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What the platform can show of its own data security, beside the checklist's data-security item:
 * encrypted connections with HSTS, a second factor for every staff account, an unbroken access log, and
 * backups. The first two are read at view time (configuration and one count). Verifying the access-log
 * chain reads every row, so its result is kept in memory on this instance with the time it was made and
 * shown until it is older than {@code askel.readiness.chain-check-max-age} (10 min), or the admin asks for
 * a new check. Backups: the time the backup procedure wrote into its marker file after its last success.
 */
@ApplicationScoped
public class ReadinessEvidence {

    private static final Logger LOG = Logger.getLogger(ReadinessEvidence.class);

    record ChainResult(CheckStatus status, long checked, Long firstBrokenId, String problem, Instant checkedAt) {}

    private final HttpConfig http;
    private final TotpService totp;
    private final AccessLogIntegrity accessLogIntegrity;
    private final ReadinessConfig config;
    private final Messages messages;
    private final String dataDir;
    private volatile ChainResult lastChain;

    public ReadinessEvidence(HttpConfig http, TotpService totp, AccessLogIntegrity accessLogIntegrity, ReadinessConfig config,
            Messages messages, @ConfigProperty(name = "askel.data-dir", defaultValue = "data") String dataDir) {
        this.dataDir = dataDir;
        this.http = http;
        this.totp = totp;
        this.accessLogIntegrity = accessLogIntegrity;
        this.config = config;
        this.messages = messages;
    }

    /**
     * The evidence as of now. Call outside a transaction: the chain check uses a connection of its own
     * (and gives it back) before the page reads the checklist.
     */
    public Evidence evaluate(boolean requestOverHttps, String lang) {
        return new Evidence(ReadinessService.SECURITY_ITEM, List.of(tls(requestOverHttps, lang), secondFactor(lang),
                accessLog(lang, false), backups(lang)));
    }

    /** Verifies the access-log chain now, whatever the age of the last result. */
    public Check recheckAccessLog(String lang) {
        return accessLog(lang, true);
    }

    Check tls(boolean requestOverHttps, String lang) {
        boolean encrypted = http.requireHttps() || requestOverHttps;
        boolean ok = encrypted && http.hstsMaxAge() > 0;
        String detail = messages.get(lang, "readiness.evidence.tls.detail",
                yesNo(lang, http.requireHttps()), yesNo(lang, requestOverHttps), http.hstsMaxAge());
        return new Check("tls", ok ? CheckStatus.OK : CheckStatus.FAIL, messages.get(lang, "readiness.evidence.tls"),
                detail, Instant.now());
    }

    Check secondFactor(String lang) {
        long without = totp.countActiveStaffWithoutSecondFactor();
        String detail = without == 0 ? messages.get(lang, "readiness.evidence.mfa.all")
                : messages.get(lang, "readiness.evidence.mfa.missing", without);
        return new Check("second-factor", without == 0 ? CheckStatus.OK : CheckStatus.FAIL,
                messages.get(lang, "readiness.evidence.mfa"), detail, Instant.now());
    }

    Check accessLog(String lang, boolean now) {
        ChainResult result = lastChain;
        if (now || result == null || result.checkedAt().plus(config.chainCheckMaxAge()).isBefore(Instant.now())) {
            result = verifyChain();
        }
        String detail = switch (result.status()) {
            case OK -> messages.get(lang, "readiness.evidence.chain.ok", result.checked());
            case FAIL -> messages.get(lang, "readiness.evidence.chain.broken", result.firstBrokenId(), result.problem());
            default -> messages.get(lang, "readiness.evidence.chain.unknown");
        };
        return new Check("access-log", result.status(), messages.get(lang, "readiness.evidence.chain"), detail,
                result.checkedAt());
    }

    /** One walk at a time on this instance; a viewer arriving meanwhile gets the fresh result. */
    private synchronized ChainResult verifyChain() {
        ChainResult recent = lastChain;
        if (recent != null && recent.checkedAt().isAfter(Instant.now().minusSeconds(2))) {
            return recent;
        }
        ChainResult result;
        try {
            // The chain and its signed checkpoints (AccessLogIntegrity); the place in the chain names the break.
            AccessChainCheck.Verification v = accessLogIntegrity.verify();
            result = new ChainResult(v.ok() ? CheckStatus.OK : CheckStatus.FAIL, v.checked(), v.firstBrokenSeq(), v.problem(),
                    Instant.now());
            if (!v.ok()) {
                LOG.errorf("Access log chain broken at place %d (%s)", v.firstBrokenSeq(), v.problem());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not verify the access log chain", e);
            result = new ChainResult(CheckStatus.UNKNOWN, 0, null, null, Instant.now());
        }
        lastChain = result;
        return result;
    }

    /**
     * The newest successful backup, as the backup procedure's marker file tells it: OK while it is younger than
     * {@code askel.readiness.backup-max-age}, FAIL when older or unreadable. Without a marker, the provider's
     * statement ({@code askel.readiness.backup-evidence}) or "unknown".
     */
    Check backups(String lang) {
        String title = messages.get(lang, "readiness.evidence.backups");
        Path marker = config.backupMarker().orElse(Path.of(dataDir, "backup-ok"));
        if (Files.isRegularFile(marker)) {
            Instant now = Instant.now();
            Instant last;
            try {
                last = Instant.parse(Files.readString(marker).strip());
            } catch (IOException | DateTimeParseException e) {
                LOG.warnf("The backup marker %s cannot be read as a time: %s", marker, e.getMessage());
                return new Check("backups", CheckStatus.FAIL, title,
                        messages.get(lang, "readiness.evidence.backups.unreadable", marker.toString()), now);
            }
            long hours = Math.max(0, Duration.between(last, now).toHours());
            boolean fresh = !last.isBefore(now.minus(config.backupMaxAge()));
            return new Check("backups", fresh ? CheckStatus.OK : CheckStatus.FAIL, title, messages.get(lang,
                    fresh ? "readiness.evidence.backups.ok" : "readiness.evidence.backups.old", Dates.dateTime(last, lang), hours,
                    config.backupMaxAge().toHours()), now);
        }
        return config.backupEvidence().filter(s -> !s.isBlank())
                .map(text -> new Check("backups", CheckStatus.REPORTED, title, text, null))
                .orElseGet(() -> new Check("backups", CheckStatus.UNKNOWN, title,
                        messages.get(lang, "readiness.evidence.backups.unknown", marker.toString()), null));
    }

    private String yesNo(String lang, boolean value) {
        return messages.get(lang, value ? "readiness.yes" : "readiness.no");
    }
}
