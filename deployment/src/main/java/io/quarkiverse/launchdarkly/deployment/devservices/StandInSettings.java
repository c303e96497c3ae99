package io.quarkiverse.launchdarkly.deployment.devservices;

/**
 * What a running stand-in was started with. Quarkus compares it with the next build's: equal, and the running
 * stand-in (its port, its journal) is kept across a live reload or for the next test class; different, and it is
 * replaced.
 *
 * @param port the port, 0 for a free one
 * @param flagsFile the flag data file on the file system, or {@code null}
 * @param flagData the flag data when it is only in an archive, or {@code null}
 * @param watchFlagsFile whether edits of the file are served at once
 * @param journalCapacity how many events the journal keeps
 * @param logEvents whether received custom events are logged
 */
record StandInSettings(int port, String flagsFile, String flagData, boolean watchFlagsFile, int journalCapacity,
        boolean logEvents) {
}
