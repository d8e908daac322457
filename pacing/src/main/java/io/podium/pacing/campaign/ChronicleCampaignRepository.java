package io.podium.pacing.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
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
            map = f.exists() ? b.recoverPersistedTo(f, true) : b.createPersistedTo(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the campaign store in " + dir, e);
        }
        map.forEach((id, json) -> copy.accept(parse(json)));
    }

    private static Campaign parse(String json) {
        try {
            return CampaignJson.readStored(CampaignJson.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign is not JSON", e);
        }
    }

    @Override
    public synchronized void put(Campaign campaign) {
        Optional<Campaign> old = copy.get(campaign.id());
        if (old.isPresent() && old.get().version() >= campaign.version()) {
            throw new IllegalArgumentException("version " + campaign.version() + " of " + campaign.id()
                    + " is not newer than " + old.get().version());
        }
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
