package io.podium.pacing.campaign;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where campaigns live. Reads come from a local copy (the auction path never waits on I/O);
 * a change made on any node reaches every node's copy, and its listeners, within a second.
 * A change with a version not above the one held is ignored, so late messages cannot undo
 * newer ones.
 */
public interface CampaignRepository extends AutoCloseable {

    /** Creates or replaces a campaign (its version must be higher than the stored one). */
    void put(Campaign campaign);

    Optional<Campaign> get(String id);

    List<Campaign> all();

    /** Told of every campaign that changed, on this node, after the local copy has it. */
    void onChange(Consumer<Campaign> listener);

    @Override
    void close();
}
