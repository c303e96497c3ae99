package io.quarkiverse.launchdarkly.standin;

/**
 * Matches request paths against a fault's path pattern, segment by segment: {@code *} is one segment, {@code **} any
 * number of them.
 */
final class PathPattern {

    private PathPattern() {
    }

    static boolean matches(String pattern, String path) {
        return matches(split(pattern), 0, split(path), 0);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static boolean matches(String[] pattern, int p, String[] path, int s) {
        if (p == pattern.length) {
            return s == path.length;
        }
        if ("**".equals(pattern[p])) {
            for (int skip = s; skip <= path.length; skip++) {
                if (matches(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (s == path.length) {
            return false;
        }
        return ("*".equals(pattern[p]) || pattern[p].equals(path[s])) && matches(pattern, p + 1, path, s + 1);
    }
}
