package fi.askel.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import fi.askel.common.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The modules this service offers: loaded and checked once at start (a broken module stops the
 * start), each version stored so that recorded progress can always be shown against the steps it
 * was made on. In dev mode the folder is re-read when its files change. Modules published in the browser (a new,
 * immutable version of a slug) are served instead of the files' version when theirs is higher; the files stay the
 * shipped source and never replace a published version.
 */
@ApplicationScoped
public class ModuleCatalog {

    private static final Logger LOG = Logger.getLogger(ModuleCatalog.class);

    private final Path dir;
    private final VersionRows rows;
    private final boolean dev = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final Map<ModuleVersion.Id, Module> olderVersions = new ConcurrentHashMap<>();
    private final Event<Published> publishedEvent;
    /** From exercises/, and the newest version of each module published in the browser; current is what wins. */
    private volatile Map<String, Module> files = Map.of();
    private volatile Map<String, Module> published = Map.of();
    private volatile Map<String, Module> current = Map.of();
    private volatile String publishedStamp = "";
    private final AtomicLong nextPublishedCheck = new AtomicLong();
    private volatile SafetyText safety;
    private volatile long lastChange;
    private volatile long lastCheck;

    /** How long an instance may serve a module list without asking whether another instance published. */
    static final long PUBLISHED_CHECK_MILLIS = 2000;

    /** A version published in the browser (fired inside the publishing transaction). */
    public record Published(String slug, int version) {}

    public ModuleCatalog(ContentConfig config, ObjectMapper json, Event<Published> publishedEvent,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "") String release) {
        this.dir = ContentDirectory.resolve(config.dir());
        this.rows = new VersionRows(json, release.isBlank() ? null : release);
        this.publishedEvent = publishedEvent;
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
        refreshPublished();
        return List.copyOf(current.values());
    }

    /** The newest version of a module, for its page and for new assignments. */
    public Optional<Module> find(String slug) {
        reloadIfChanged();
        refreshPublished();
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
        return snapshot(new ModuleVersion.Id(slug, version));
    }

    private Optional<Module> snapshot(ModuleVersion.Id id) {
        Module cached = olderVersions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        // The request's transaction when there is one: a second connection per request could wait forever on a full pool.
        return QuarkusTransaction.joiningExisting().call(() -> ModuleVersion.<ModuleVersion>findByIdOptional(id))
                .map(rows::fromSnapshot)
                .map(m -> {
                    olderVersions.put(id, m);
                    return m;
                });
    }

    /** The version of a module in exercises/, if it is there (whatever has been published in the browser). */
    public Optional<Integer> shippedVersion(String slug) {
        return Optional.ofNullable(files.get(slug)).map(Module::version);
    }

    /** The number a new version of a module gets: one above every stored one (files' and published), or 1. */
    public int nextVersion(String slug) {
        return QuarkusTransaction.joiningExisting().call(() -> ModuleVersion.maxVersion(slug)) + 1;
    }

    /**
     * Stores a module made in the browser as a new, immutable version published by {@code publishedBy}, in the caller's
     * transaction; its hash and snapshot are made as for a module from files. 409 when another publication took the
     * version number first. Every instance serves it as the module's current version once it is committed.
     */
    public void publish(Module module, long publishedBy) {
        ModuleVersion row = rows.newRow(module, Instant.now());
        row.publishedBy = publishedBy;
        row.publishedAt = row.firstLoadedAt;
        try {
            row.persist();
            ModuleVersion.getEntityManager().flush();
        } catch (PersistenceException e) {
            throw ApiException.conflict("version-taken", "authoring.publish.version-taken", module.version());
        }
        publishedEvent.fire(new Published(module.slug(), module.version()));
    }

    /** The instance that published asks at its next read, not within two seconds. */
    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) Published event) {
        nextPublishedCheck.set(0);
    }

    /**
     * Notices versions published on any instance (they share the database): a catalogue read asks the database at most
     * every {@link #PUBLISHED_CHECK_MILLIS} for a stamp of the published versions (their count and newest time, answered
     * from an index), and only when it changed reads which versions are newest, loading a snapshot once per version.
     * A time-based check rather than one per request: the catalogue is read several times per page and on every
     * module list, and a new version reaching other instances two seconds later harms nobody; the publishing instance
     * sees it at once ({@link #onPublished}).
     */
    private void refreshPublished() {
        long now = System.currentTimeMillis();
        long due = nextPublishedCheck.get();
        if (now < due || !nextPublishedCheck.compareAndSet(due, now + PUBLISHED_CHECK_MILLIS)) {
            return;
        }
        String stamp = QuarkusTransaction.joiningExisting().call(ModuleVersion::publishedStamp);
        if (stamp.equals(publishedStamp)) {
            return;
        }
        Map<String, Module> newest = new HashMap<>();
        for (ModuleVersion.Id id : QuarkusTransaction.joiningExisting().call(ModuleVersion::newestPublished)) {
            snapshot(id).ifPresent(m -> newest.put(m.slug(), m));
        }
        published = Map.copyOf(newest);
        publishedStamp = stamp;
        merge();
    }

    /** Each module's newest version: published in the browser when that is at least the files' version. */
    private synchronized void merge() {
        Map<String, Module> all = new HashMap<>(files);
        published.values().forEach(p -> all.merge(p.slug(), p, (file, pub) -> pub.version() >= file.version() ? pub : file));
        current = java.util.Collections.unmodifiableMap(ordered(all.values()));
    }

    /** Catalog order follows the course: preparing, goals, everyday themes, then the special groups. */
    private static Map<String, Module> ordered(Collection<Module> modules) {
        Map<String, Module> loaded = new LinkedHashMap<>();
        modules.stream()
                .sorted(Comparator.comparingInt((Module m) -> Module.THEMES.indexOf(m.themes().get(0))).thenComparing(Module::slug))
                .forEach(m -> loaded.put(m.slug(), m));
        return loaded;
    }

    synchronized void load() {
        long began = System.nanoTime();
        ModuleLoader.Result result = ModuleLoader.loadAll(dir);
        List<ModuleProblem> problems = new ArrayList<>(result.problems());
        if (problems.isEmpty()) {
            for (Module module : result.modules()) {
                rows.store(module, dir.resolve(module.slug()).resolve(ModuleLoader.MANIFEST)).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModulesException(problems);
        }
        Map<String, Module> loaded = ordered(result.modules());
        files = loaded;
        merge();
        nextPublishedCheck.set(0);
        refreshPublished();
        safety = result.safety();
        lastChange = newestChange();
        LOG.infof("Loaded %d exercise modules from %s in %d ms", loaded.size(), dir.toAbsolutePath(),
                (System.nanoTime() - began) / 1_000_000);
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
}
