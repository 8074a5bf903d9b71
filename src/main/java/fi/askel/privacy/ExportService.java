package fi.askel.privacy;

import fi.askel.common.Dates;
import fi.askel.identity.AccountData;
import io.quarkus.arc.All;
import java.util.Comparator;
import java.util.LinkedHashMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.identity.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything the platform holds about a client, as a ZIP: one JSON file per kind of data and a readable
 * summary.html. The client downloads their own; an admin downloads a client's for them. Both go
 * through {@link #exportFor}, the one place an export happens.
 */
@ApplicationScoped
public class ExportService {

    /** The ZIP and the name it is offered under. */
    public record Export(String fileName, byte[] zip) {}

    private final AccountData accounts;
    private final List<PersonalDataProvider> providers;
    private final ExportSummary summary;
    private final UserService users;
    private final ObjectMapper json;
    private final AccessLog accessLog;

    public ExportService(AccountData accounts, @All List<PersonalDataProvider> providers, ExportSummary summary,
            UserService users, ObjectMapper json, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.accounts = accounts;
        this.providers = providers.stream().sorted(Comparator.comparingInt(PersonalDataProvider::exportOrder)).toList();
        this.summary = summary;
        this.users = users;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * The export of {@code clientId} for {@code actor}: the client themself or an admin. Anyone else, and
     * any account that is not a client's, gets 404 (ids of other people's accounts reveal nothing).
     */
    public Export exportFor(Caller actor, long clientId) {
        boolean self = actor.role() == Role.CLIENT && actor.id() == clientId;
        if (!self && actor.role() != Role.ADMIN) {
            throw ApiException.notFound("user");
        }
        User client = users.findById(clientId).filter(u -> u.role == Role.CLIENT)
                .orElseThrow(() -> ApiException.notFound("user"));
        // One repeatable read (the request's transaction, or one of its own): every file shows the same moment.
        Map<String, List<Map<String, Object>>> files = QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>(accounts.export(clientId));
            providers.forEach(p -> all.putAll(p.export(clientId)));
            return all;
        });
        Instant now = Instant.now();
        String folder = "askel-" + client.username + "-" + Dates.today();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, folder + "/summary.html", summary.render(client.locale, client.displayName, now, files)
                    .getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<Map<String, Object>>> file : files.entrySet()) {
                Object content = "account".equals(file.getKey()) && !file.getValue().isEmpty() ? file.getValue().get(0) : file.getValue();
                put(zip, folder + "/" + file.getKey() + ".json", json.writeValueAsBytes(content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An admin's export is processing of the client's data; the client's own is not logged.
        accessLog.record(actor, clientId, AccessKind.EXPORT);
        return new Export(folder + ".zip", bytes.toByteArray());
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
