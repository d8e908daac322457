package io.podium.pacing.campaign;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/** Campaigns in a Chronicle Map file: the embedded default (one node), kept across restarts. */
public final class ChronicleCampaignRepository implements CampaignRepository {
    private final ChronicleMap<String, String> map;
    private final LocalCampaignCopy copy = new LocalCampaignCopy();

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
    public Optional<Campaign> get(String id) {
        return copy.get(id);
    }

    @Override
    public List<Campaign> all() {
        return copy.all();
    }

    @Override
    public void onChange(Consumer<Campaign> listener) {
        copy.onChange(listener);
    }

    @Override
    public void close() {
        map.close();
    }
}
