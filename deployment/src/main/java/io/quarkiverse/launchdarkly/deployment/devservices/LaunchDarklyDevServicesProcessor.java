package io.quarkiverse.launchdarkly.deployment.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyBuildTimeConfig;
import io.quarkus.bootstrap.workspace.ArtifactSources;
import io.quarkus.bootstrap.workspace.SourceDir;
import io.quarkus.bootstrap.workspace.WorkspaceModule;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The LaunchDarkly Dev Service: in dev and test mode, when the application is not configured for LaunchDarkly itself,
 * a local stand-in runs outside the application and {@code quarkus.launchdarkly.stand-in.url} points the SDK and the
 * metrics REST client at it. Quarkus keeps it running while its {@link StandInSettings} stay the same: across live
 * reloads (the journal and the port stay) and across the test classes of one run.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
class LaunchDarklyDevServicesProcessor {

    static final String FEATURE = "launchdarkly";
    static final String STAND_IN_URL = "quarkus.launchdarkly.stand-in.url";

    private static final Logger LOG = Logger.getLogger(LaunchDarklyDevServicesProcessor.class);

    /** Properties that mean the application talks to a LaunchDarkly (or a stand-in) of its own choosing. */
    private static final List<String> OWN_LAUNCHDARKLY = List.of("quarkus.launchdarkly.sdk-key", STAND_IN_URL,
            "quarkus.launchdarkly.service-endpoints.relay-proxy", "quarkus.launchdarkly.service-endpoints.streaming",
            "quarkus.launchdarkly.service-endpoints.polling", "quarkus.launchdarkly.service-endpoints.events");

    @BuildStep
    DevServicesResultBuildItem standIn(LaunchDarklyBuildTimeConfig buildConfig, LaunchModeBuildItem launchMode,
            CurateOutcomeBuildItem curateOutcome, ApplicationArchivesBuildItem archives) {
        LaunchDarklyBuildTimeConfig.DevServicesConfig config = buildConfig.devservices();
        if (!config.enabled()) {
            LOG.debug("No LaunchDarkly Dev Service: quarkus.launchdarkly.devservices.enabled=false");
            return null;
        }
        Optional<String> ownLaunchDarkly = ownLaunchDarkly(ConfigProvider.getConfig());
        if (ownLaunchDarkly.isPresent()) {
            LOG.debugf("No LaunchDarkly Dev Service: %s", ownLaunchDarkly.get());
            return null;
        }
        StandInSettings settings = settings(config, launchMode.getLaunchMode(), curateOutcome, archives);
        return DevServicesResultBuildItem.<StandInService> owned()
                .feature(FEATURE)
                .description("LaunchDarkly stand-in (flags, events, metrics REST API)")
                .serviceConfig(settings)
                .startable(() -> new StandInService(settings))
                .configProvider(Map.of(STAND_IN_URL, StandInService::url))
                .postStartHook(service -> LOG.infof("Dev Services for LaunchDarkly started the local stand-in at %s"
                        + " (flags from %s, received events at %s/_local/events)", service.url(), describe(settings),
                        service.url()))
                .build();
    }

    /** An edit of the flags file is served by the stand-in itself: it needs no restart of the application. */
    @BuildStep(onlyIf = IsDevelopment.class)
    HotDeploymentWatchedFileBuildItem flagsFileNeedsNoRestart(LaunchDarklyBuildTimeConfig config) {
        return new HotDeploymentWatchedFileBuildItem(config.devservices().flagsFile(), false);
    }

    /**
     * Why the application needs no stand-in, if it does not: it set an SDK key, endpoints or a stand-in of its own, or
     * runs offline. What the Dev Service itself provided does not count (a live reload sees it as configuration).
     */
    static Optional<String> ownLaunchDarkly(Config config) {
        for (String property : OWN_LAUNCHDARKLY) {
            var value = config.getConfigValue(property);
            if (value.getValue() != null && !value.getValue().isBlank() && !fromDevServices(value.getSourceName())) {
                return Optional.of(property + " is set");
            }
        }
        String envKey = System.getenv(ClientSettings.SDK_KEY_ENV);
        if (envKey != null && !envKey.isBlank()) {
            return Optional.of("the environment variable " + ClientSettings.SDK_KEY_ENV + " is set");
        }
        if (config.getOptionalValue("quarkus.launchdarkly.offline", Boolean.class).orElse(false)) {
            return Optional.of("quarkus.launchdarkly.offline=true");
        }
        return Optional.empty();
    }

    private static boolean fromDevServices(String sourceName) {
        return sourceName != null && sourceName.contains("DevServices");
    }

    private static StandInSettings settings(LaunchDarklyBuildTimeConfig.DevServicesConfig config, LaunchMode mode,
            CurateOutcomeBuildItem curateOutcome, ApplicationArchivesBuildItem archives) {
        List<String> problems = new ArrayList<>();
        if (config.port() < 0 || config.port() > 65535) {
            problems.add("quarkus.launchdarkly.devservices.port must be between 0 and 65535, got " + config.port());
        }
        if (config.journalCapacity() < 1) {
            problems.add("quarkus.launchdarkly.devservices.journal-capacity must be at least 1, got "
                    + config.journalCapacity());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid LaunchDarkly Dev Service configuration:\n  - "
                    + String.join("\n  - ", problems));
        }
        boolean watch = config.watchFlagsFile().orElse(mode == LaunchMode.DEVELOPMENT);
        Optional<Path> file = flagsFile(config.flagsFile(), mode, curateOutcome, archives);
        String flagData = null;
        if (file.isPresent() && !file.get().getFileSystem().equals(Path.of("").getFileSystem())) {
            // Only in an archive: read it once, it cannot be watched.
            flagData = read(file.get());
            file = Optional.empty();
        }
        return new StandInSettings(config.port(), file.map(path -> path.toAbsolutePath().toString()).orElse(null),
                flagData, watch, config.journalCapacity(), config.logEvents());
    }

    /**
     * Where the flags are: a path on the file system as given; else, in dev mode, the resource in the application's
     * source folders (so that edits are seen as they are saved); else the resource in the application.
     */
    static Optional<Path> flagsFile(String location, LaunchMode mode, CurateOutcomeBuildItem curateOutcome,
            ApplicationArchivesBuildItem archives) {
        Path direct = Path.of(location);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        if (mode == LaunchMode.DEVELOPMENT) {
            WorkspaceModule module = curateOutcome.getApplicationModel().getAppArtifact().getWorkspaceModule();
            Optional<Path> source = module == null ? Optional.empty() : inSources(module.getMainSources(), resource);
            if (source.isPresent()) {
                return source;
            }
        }
        Path packaged = archives.getRootArchive().getChildPath(resource);
        return packaged != null && Files.isRegularFile(packaged) ? Optional.of(packaged) : Optional.empty();
    }

    private static Optional<Path> inSources(ArtifactSources sources, String resource) {
        if (sources == null) {
            return Optional.empty();
        }
        for (SourceDir dir : sources.getResourceDirs()) {
            Path candidate = dir.getDir().resolve(resource);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the LaunchDarkly flag data file " + path, e);
        }
    }

    private static String describe(StandInSettings settings) {
        if (settings.flagsFile() != null) {
            return settings.flagsFile() + (settings.watchFlagsFile() ? ", served again when saved" : "");
        }
        return settings.flagData() != null ? "the application's resources" : "nowhere: no flags file";
    }
}
