package io.quarkiverse.launchdarkly.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this extension, written into the jar at build time. */
public final class ExtensionVersion {

    /** The name LaunchDarkly sees in the wrapper header and, later, in AI SDK info events. */
    public static final String NAME = "quarkus-launchdarkly";

    private static final String VERSION = load();

    private ExtensionVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ExtensionVersion.class
                .getResourceAsStream("/io/quarkiverse/launchdarkly/runtime/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
