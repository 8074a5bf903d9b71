package fi.askel.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * How a module version is stored in content_module_version: its structure hash and JSON snapshot, made the same way
 * for a module loaded from exercises/ and for one published in the browser.
 */
final class VersionRows {

    private static final Logger LOG = Logger.getLogger(VersionRows.class);

    private final ObjectMapper json;
    private final String release;

    /** {@code release}: this Askel's version, recorded with each version first loaded from the files. */
    VersionRows(ObjectMapper json, String release) {
        this.json = json;
        this.release = release;
    }

    /**
     * Stores a new version; refuses a version whose steps changed without a new version number. A version number
     * already published in the browser is left as published (the file is not served; a warning says so).
     */
    Optional<ModuleProblem> store(Module module, Path manifest) {
        ModuleVersion fresh = newRow(module, Instant.now());
        fresh.shippedWith = release;
        String hash = fresh.structureHash;
        String definition = fresh.definition;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ModuleVersion stored = ModuleVersion.findById(new ModuleVersion.Id(module.slug(), module.version()));
                Instant now = Instant.now();
                if (stored == null) {
                    fresh.persist();
                } else if (stored.publishedAt != null) {
                    if (!stored.definition.equals(definition)) {
                        LOG.warnf("exercises/%s is version %d, which was published in the browser with other content;"
                                + " the published one is served: raise \"version\" in the files to ship theirs",
                                module.slug(), module.version());
                    }
                } else if (!stored.structureHash.equals(hash)) {
                    return Optional.of(new ModuleProblem(manifest, 0, "the steps of version " + module.version()
                            + " have changed since it was first used; raise \"version\" so that recorded progress"
                            + " keeps the steps it was made on"));
                } else if (!stored.definition.equals(definition)) {
                    stored.definition = definition; // corrected wording, same structure
                    stored.updatedAt = now;
                }
                return Optional.<ModuleProblem>empty();
            });
        } catch (PersistenceException e) {
            // Another instance stored the same version at the same moment; its row is now there.
            return QuarkusTransaction.requiringNew().call(() -> {
                ModuleVersion stored = ModuleVersion.findById(new ModuleVersion.Id(module.slug(), module.version()));
                return stored != null && stored.structureHash.equals(hash) ? Optional.<ModuleProblem>empty()
                        : Optional.of(new ModuleProblem(manifest, 0, "could not be stored: " + e.getMessage()));
            });
        }
    }

    /** A version's row as stored: the structure hash and the JSON snapshot clients' progress is shown against. */
    ModuleVersion newRow(Module module, Instant now) {
        ModuleVersion row = new ModuleVersion();
        row.id = new ModuleVersion.Id(module.slug(), module.version());
        row.structureHash = StructureHash.of(module);
        row.definition = toJson(module);
        row.firstLoadedAt = now;
        row.updatedAt = now;
        return row;
    }

    private String toJson(Module module) {
        try {
            return json.writeValueAsString(module);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Module fromSnapshot(ModuleVersion stored) {
        try {
            return json.readValue(stored.definition, Module.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored module " + stored.id.slug + " v" + stored.id.version + " cannot be read", e);
        }
    }
}
