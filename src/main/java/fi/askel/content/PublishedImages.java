package fi.askel.content;

import java.util.Optional;

/**
 * The pictures an author uploaded into the draft that published a module version (content.authoring keeps them):
 * what {@link ModuleImages} serves for a version published in the browser, besides the files a module ships.
 */
public interface PublishedImages {

    /** The picture's bytes when the version has an uploaded picture of that name whose content has that URL hash. */
    Optional<byte[]> find(String slug, int version, String file, String hash);
}
