package fi.askel.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The modules this service offers: loaded and checked once at start (a broken module stops the
 * start), each version stored so that recorded progress can always be shown against the steps it
 * was made on. In dev mode the folder is re-read when its files change.
 */
@ApplicationScoped
public class ModuleCatalog {

    private static final Logger LOG = Logger.getLogger(ModuleCatalog.class);

    private final Path dir;
    private final ObjectMapper json;
    private final boolean dev = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final Map<ModuleVersion.Id, Module> olderVersions = new ConcurrentHashMap<>();
    private volatile Map<String, Module> current = Map.of();
    private volatile SafetyText safety;
    private volatile long lastChange;
    private volatile long lastCheck;

    public ModuleCatalog(ContentConfig config, ObjectMapper json) {
        this.dir = ContentDirectory.resolve(config.dir());
        this.json = json;
    }

    /** The folder the shipped modules are read from (the authoring editor copies them and checks drafts beside them). */
    public Path dir() {
        return dir;
    }

    /** Before anything else that starts (demo data refers to stored module versions). */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        load();
    }

    /** Every current module, in catalog order. */
    public List<Module> all() {
        reloadIfChanged();
        return List.copyOf(current.values());
    }

    public Optional<Module> find(String slug) {
        reloadIfChanged();
        return Optional.ofNullable(current.get(slug));
    }

    /** The shared red-flag text that safety steps include (null when exercises/ has none). */
    public SafetyText safety() {
        reloadIfChanged();
        return safety;
    }

    /** A given version: the current one from the files, an older one from its stored snapshot. */
    public Optional<Module> find(String slug, int version) {
        Module now = find(slug).orElse(null);
        if (now != null && now.version() == version) {
            return Optional.of(now);
        }
        ModuleVersion.Id id = new ModuleVersion.Id(slug, version);
        Module cached = olderVersions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        // The request's transaction when there is one: a second connection per request could wait forever on a full pool.
        return QuarkusTransaction.joiningExisting().call(() -> ModuleVersion.<ModuleVersion>findByIdOptional(id))
                .map(this::fromSnapshot)
                .map(m -> {
                    olderVersions.put(id, m);
                    return m;
                });
    }

    synchronized void load() {
        long began = System.nanoTime();
        ModuleLoader.Result result = ModuleLoader.loadAll(dir);
        List<ModuleProblem> problems = new ArrayList<>(result.problems());
        if (problems.isEmpty()) {
            for (Module module : result.modules()) {
                store(module).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModulesException(problems);
        }
        // Catalog order follows the course: preparing, goals, everyday themes, then the special groups.
        Map<String, Module> loaded = new LinkedHashMap<>();
        result.modules().stream()
                .sorted(Comparator.comparingInt((Module m) -> Module.THEMES.indexOf(m.themes().get(0))).thenComparing(Module::slug))
                .forEach(m -> loaded.put(m.slug(), m));
        current = java.util.Collections.unmodifiableMap(loaded);
        safety = result.safety();
        lastChange = newestChange();
        LOG.infof("Loaded %d exercise modules from %s in %d ms", loaded.size(), dir.toAbsolutePath(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** Stores a new version; refuses a version whose steps changed without a new version number. */
    private Optional<ModuleProblem> store(Module module) {
        String hash = StructureHash.of(module);
        String definition = toJson(module);
        Path manifest = dir.resolve(module.slug()).resolve(ModuleLoader.MANIFEST);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ModuleVersion stored = ModuleVersion.findById(new ModuleVersion.Id(module.slug(), module.version()));
                Instant now = Instant.now();
                if (stored == null) {
                    stored = new ModuleVersion();
                    stored.id = new ModuleVersion.Id(module.slug(), module.version());
                    stored.structureHash = hash;
                    stored.definition = definition;
                    stored.firstLoadedAt = now;
                    stored.updatedAt = now;
                    stored.persist();
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

    private void reloadIfChanged() {
        if (!dev || System.currentTimeMillis() - lastCheck < 1500) {
            return;
        }
        lastCheck = System.currentTimeMillis();
        if (newestChange() != lastChange) {
            try {
                load();
            } catch (InvalidModulesException e) {
                lastChange = newestChange();
                LOG.error(e.getMessage());
                throw e;
            }
        }
    }

    private long newestChange() {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.toList();
            // A deleted file changes the count even when no remaining file is newer.
            return all.stream().mapToLong(f -> f.toFile().lastModified()).max().orElse(0) * 1000 + all.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Module module) {
        try {
            return json.writeValueAsString(module);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Module fromSnapshot(ModuleVersion stored) {
        try {
            return json.readValue(stored.definition, Module.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored module " + stored.id.slug + " v" + stored.id.version + " cannot be read", e);
        }
    }
}
