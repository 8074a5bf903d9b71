package fi.askel.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A feature's answer for the personal data it keeps about a client (as Moodle's privacy providers):
 * privacy only walks the providers, each feature reads and erases its own tables. Implement it as an
 * application-scoped bean in the feature; it is found by CDI.
 */
public interface PersonalDataProvider {

    /** One line of an erasure's result: an item (its texts are {@code privacy.erasure.item.<item>}), ERASED or KEPT, how many. */
    record Line(String item, String action, long count) {

        public static Line erased(String item, long count) {
            return new Line(item, "ERASED", count);
        }

        public static Line kept(String item, long count) {
            return new Line(item, "KEPT", count);
        }
    }

    /** Where this feature's files come in the export (lower first). */
    int exportOrder();

    /**
     * The files this feature adds to the client's export: file name without {@code .json} (its texts are
     * {@code privacy.export.file.<name>}) to rows, in order. Runs inside the export's one read transaction.
     */
    Map<String, List<Map<String, Object>>> export(long clientId);

    /** Erases or anonymises what may go, inside the erasure's transaction; says what was erased and what kept. */
    List<Line> erase(long clientId);

    /** Records about the client this feature must keep by law; when any feature keeps some, the client's name stays. */
    default long recordsKept(long clientId) {
        return 0;
    }

    /** The daily retention run: erase what has passed its retention time. Returns how many items went. */
    default int applyRetention(PrivacyConfig.Retention rules, Instant now) {
        return 0;
    }
}
