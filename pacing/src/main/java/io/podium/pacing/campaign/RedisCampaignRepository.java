package io.podium.pacing.campaign;

import io.podium.pacing.store.BudgetStoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RMap;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns in a Redis hash shared by every node. A change is written to the hash and its id
 * published on a channel; every node reloads that campaign at once. A full reload every
 * {@code resyncSeconds} covers messages missed while a node was disconnected.
 */
public final class RedisCampaignRepository extends CopyBackedRepository {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCampaignRepository.class);

    /** KEYS[1] hash; ARGV id, json, version. Writes only a newer version. */
    private static final String PUT_IF_NEWER = ""
            + "local cur = redis.call('HGET', KEYS[1], ARGV[1])\n"
            + "if cur and cjson.decode(cur).version >= tonumber(ARGV[3]) then return 0 end\n"
            + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])\n"
            + "return 1\n";

    private final RMap<String, String> map;
    private final org.redisson.api.RScript script;
    private final RTopic topic;
    private final ScheduledExecutorService resync;
    private final int listenerId;

    public RedisCampaignRepository(RedissonClient redisson, String prefix, int resyncSeconds) {
        this.map = redisson.getMap(prefix + "campaigns", StringCodec.INSTANCE);
        this.topic = redisson.getTopic(prefix + "campaigns:changed", StringCodec.INSTANCE);
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.listenerId = topic.addListener(String.class, (channel, id) -> reload(id));
        reloadAll();
        this.resync = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "podium-campaign-resync");
            t.setDaemon(true);
            return t;
        });
        resync.scheduleWithFixedDelay(this::reloadAll, resyncSeconds, resyncSeconds, TimeUnit.SECONDS);
    }

    private void reload(String id) {
        try {
            String json = map.get(id);
            if (json != null) {
                copy.accept(CampaignJson.readStoredText(json));
            }
        } catch (RedisException e) {
            LOG.debug("campaign {} reload postponed: {}", id, e.getMessage());
        }
    }

    private void reloadAll() {
        try {
            for (Map.Entry<String, String> e : map.readAllMap().entrySet()) {
                copy.accept(CampaignJson.readStoredText(e.getValue()));
            }
        } catch (RedisException e) {
            LOG.debug("campaign resync postponed: {}", e.getMessage());
        }
    }

    @Override
    public void put(Campaign campaign) {
        copy.requireNewer(campaign);
        try {
            Long written = script.eval(map.getName(), org.redisson.api.RScript.Mode.READ_WRITE, PUT_IF_NEWER,
                    org.redisson.api.RScript.ReturnType.INTEGER, List.of(map.getName()), campaign.id(),
                    CampaignJson.write(campaign).toString(), Long.toString(campaign.version()));
            if (written == null || written == 0) {
                reload(campaign.id());
                throw new IllegalArgumentException("version " + campaign.version() + " of " + campaign.id()
                        + " is not newer than the stored one");
            }
            copy.accept(campaign);
            topic.publish(campaign.id());
        } catch (RedisException e) {
            throw new BudgetStoreUnavailableException("Redis: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        resync.shutdownNow();
        topic.removeListener(listenerId);
    }
}
