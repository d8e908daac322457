package io.podium.pacing.campaign;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/** Campaigns in a Chronicle Map file: the embedded default (one node), kept across restarts. */
public final class ChronicleCampaignRepository extends CopyBackedRepository {
    private final ChronicleMap<String, String> map;

    public ChronicleCampaignRepository(Path dir, long capacity) {
        try {
            Files.createDirectories(dir);
            File f = dir.resolve("campaigns.cm3").toFile();
            ChronicleMapBuilder<String, String> b = ChronicleMap.of(String.class, String.class).name("podium-campaigns")
                    .entries(capacity).averageKey("cmp-0123456789abcdef").averageValueSize(4096);
            map = io.podium.pacing.store.ChronicleFiles.open(b, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the campaign store in " + dir, e);
        }
        map.forEach((id, json) -> copy.accept(CampaignJson.readStoredText(json)));
    }

    @Override
    public synchronized void put(Campaign campaign) {
        copy.requireNewer(campaign);
        map.put(campaign.id(), CampaignJson.write(campaign).toString());
        copy.accept(campaign);
    }

    @Override
    public void close() {
        map.close();
    }
}
