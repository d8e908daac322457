package io.podium.pacing.campaign;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What every repository shares: reads and listeners served from the local copy. */
abstract class CopyBackedRepository implements CampaignRepository {
    final LocalCampaignCopy copy = new LocalCampaignCopy();

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
}
