package io.quarkiverse.launchdarkly.standin;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a stand-in on its own, for applications outside Quarkus and for CI jobs:
 *
 * <pre>
 * java -jar quarkus-launchdarkly-stand-in-&lt;version&gt;-runner.jar --flags flags.yaml --port 8765
 * </pre>
 *
 * Point the SDK at it as at a relay proxy ({@code Components.serviceEndpoints().relayProxy("http://127.0.0.1:8765")})
 * with the SDK key it prints. It stops on Ctrl+C.
 */
public final class StandInMain {

    static final int DEFAULT_PORT = 8765;

    private StandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // One line per record instead of the JDK's two.
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
        LaunchDarklyStandIn standIn;
        try {
            standIn = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (standIn == null) {
            usage(System.out);
            return;
        }
        standIn.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.stop();
            stopped.countDown();
        }, "launchdarkly-stand-in-shutdown"));
        System.out.println("LaunchDarkly stand-in listening on " + standIn.baseUri());
        System.out.println("  SDK key:          " + standIn.sdkKey());
        System.out.println("  API token writer: " + standIn.writerApiToken());
        System.out.println("  API token reader: " + standIn.readerApiToken());
        System.out.println("  flags:            " + standIn.flagsFile().map(Path::toString).orElse("(none)"));
        System.out.println("  events:           " + standIn.baseUri() + "/_local/events");
        stopped.await();
    }

    /** The stand-in the arguments describe, not started; {@code null} for {@code --help}. */
    static LaunchDarklyStandIn parse(String[] args) {
        LaunchDarklyStandIn.Builder builder = LaunchDarklyStandIn.builder().port(DEFAULT_PORT).logEvents(true);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--quiet")) {
                builder.logEvents(false);
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Missing the value of " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--flags" -> builder.flagsFile(Path.of(value)).watchFlagsFile(true);
                case "--port" -> builder.port(port(value));
                case "--host" -> builder.host(host(value));
                case "--sdk-key" -> builder.sdkKey(value);
                case "--writer-token" -> builder.writerApiToken(value);
                case "--reader-token" -> builder.readerApiToken(value);
                case "--journal-capacity" -> builder.journalCapacity(number(option, value));
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return builder.build();
    }

    private static int port(String value) {
        int port = number("--port", value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + value);
        }
        return port;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
    }

    private static InetAddress host(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host: unknown host '" + value + "'");
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: java -jar quarkus-launchdarkly-stand-in-runner.jar [options]
                  --flags <file>            flag data (YAML or JSON, the SDK's file data format), reloaded on change
                  --port <port>             TCP port, 0 for a free one (default %d)
                  --host <address>          address to listen on (default the loopback address)
                  --sdk-key <key>           SDK key the SDK endpoints accept (default %s)
                  --writer-token <token>    REST API token with the writer role (default %s)
                  --reader-token <token>    REST API token with the reader role (default %s)
                  --journal-capacity <n>    received events kept (default 1000)
                  --quiet                   do not log each received custom event"""
                .formatted(DEFAULT_PORT, LaunchDarklyStandIn.DEFAULT_SDK_KEY, LaunchDarklyStandIn.DEFAULT_WRITER_API_TOKEN,
                        LaunchDarklyStandIn.DEFAULT_READER_API_TOKEN));
    }
}
