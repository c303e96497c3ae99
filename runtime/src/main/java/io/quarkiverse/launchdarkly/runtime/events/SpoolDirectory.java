package io.quarkiverse.launchdarkly.runtime.events;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The payloads left at shutdown, one file each, named so that their order, payload id and event count survive:
 * {@code <millis>-<index>-<payload id>-<events>.json}, the body exactly as the SDK serialised it. Read back and deleted
 * at the next start, where they are sent first, under their original payload id.
 */
final class SpoolDirectory {

    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);
    private static final Pattern NAME = Pattern.compile("\\d{13}-\\d{6}-([0-9a-f-]{36})-(\\d+)\\.json");

    private final Path directory;

    SpoolDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    /** Reads and deletes the payloads written at the last shutdown, oldest first; files that cannot be read stay. */
    List<Payload> load(URI eventsBaseUri) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*.json")) {
            listing.forEach(files::add);
        } catch (IOException e) {
            LOG.warnf("Cannot read the LaunchDarkly event spool directory %s (quarkus.launchdarkly.events.spool-directory):"
                    + " %s", directory, e.toString());
            return List.of();
        }
        files.sort(null);
        List<Payload> payloads = new ArrayList<>();
        for (Path file : files) {
            Matcher name = NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            try {
                byte[] body = Files.readAllBytes(file);
                Files.delete(file);
                payloads.add(new Payload(name.group(1), body, Integer.parseInt(name.group(2)), eventsBaseUri));
            } catch (IOException | NumberFormatException e) {
                LOG.warnf("Cannot read the LaunchDarkly event payload %s: %s", file, e.toString());
            }
        }
        return payloads;
    }

    /**
     * Writes the payloads in order; returns how many were written (the rest could not be, and are lost).
     */
    int write(List<Payload> payloads) {
        long millis = System.currentTimeMillis();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            LOG.errorf("Cannot create the LaunchDarkly event spool directory %s (quarkus.launchdarkly.events"
                    + ".spool-directory): %s", directory, e.toString());
            return 0;
        }
        int written = 0;
        for (Payload payload : payloads) {
            String name = String.format("%013d-%06d-%s-%d.json", millis, written, payload.id(), payload.events());
            Path temporary = directory.resolve(name + ".tmp");
            try {
                Files.write(temporary, payload.body());
                // A half-written file is never read: only complete ones get the name the next start looks for.
                Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                written++;
            } catch (IOException e) {
                LOG.errorf("Cannot write a LaunchDarkly event payload to %s: %s", directory, e.toString());
                return written;
            }
        }
        return written;
    }
}
