package org.ebrelay.adapter.jdbc;

import java.util.Locale;

/**
 * How far a commit goes before the store answers (setting {@code durability}).
 *
 * <ul>
 * <li>{@code commit} (default): H2 writes every commit to its file before returning ({@code WRITE_DELAY=0}), so it
 *     survives the process being killed ({@code kill -9}), but may sit in the operating system's cache when the
 *     power goes.</li>
 * <li>{@code fsync}: additionally forces the file to disk ({@code CHECKPOINT SYNC}) after each group commit, before
 *     any caller of that group is answered: survives a power loss, at a throughput cost.</li>
 * </ul>
 * On PostgreSQL both mean its own synchronous commit.
 */
public enum Durability {
    COMMIT,
    FSYNC;

    /** The setting's value as written in configuration. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code commit} or {@code fsync} (any case). */
    public static Durability fromSetting(String value) {
        for (Durability durability : values()) {
            if (durability.settingValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return durability;
            }
        }
        throw new IllegalArgumentException("durability must be 'commit' or 'fsync', not '" + value + "'");
    }
}
