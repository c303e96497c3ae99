package io.quarkiverse.launchdarkly.ai;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.launchdarkly.sdk.LDValue;

/**
 * One prompt message of a completion or judge config, after interpolation unless it came from a {@code *Template}
 * method.
 *
 * @param role who speaks
 * @param content the text, never {@code null} ({@code ""} when the flag has none)
 */
public record AiMessage(Role role, String content) {

    public AiMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    public static AiMessage system(String content) {
        return new AiMessage(Role.SYSTEM, content);
    }

    public static AiMessage user(String content) {
        return new AiMessage(Role.USER, content);
    }

    public static AiMessage assistant(String content) {
        return new AiMessage(Role.ASSISTANT, content);
    }

    /** The same role with other content, as interpolation needs. */
    public AiMessage withContent(String newContent) {
        return new AiMessage(role, newContent);
    }

    /** {@code {"role": "system", "content": "..."}}, the flag's shape. */
    public LDValue toLDValue() {
        return LDValue.buildObject().put("role", role.wireName()).put("content", content).build();
    }

    /** The roles LaunchDarkly knows, written lowercase in the flag JSON. */
    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role of a lowercase (or any case) name, empty for a name LaunchDarkly does not define. */
        public static Optional<Role> fromWireName(String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (Role role : values()) {
                if (role.wireName().equalsIgnoreCase(name)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }
}
