package io.podium.pacing.store;

import java.io.File;
import java.io.IOException;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/** Opening Chronicle Map files the same way everywhere: create a new one, recover an existing one. */
public final class ChronicleFiles {
    private ChronicleFiles() {
    }

    /**
     * An existing file is recovered, since it may come from a process that was killed
     * ({@code kill -9}) in the middle of a write; a missing one is created.
     */
    public static <K, V> ChronicleMap<K, V> open(ChronicleMapBuilder<K, V> builder, File file) throws IOException {
        return file.exists() ? builder.recoverPersistedTo(file, true) : builder.createPersistedTo(file);
    }
}
