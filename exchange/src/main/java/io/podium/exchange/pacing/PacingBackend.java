package io.podium.exchange.pacing;

import io.podium.exchange.config.PacingConfig;
import io.podium.pacing.campaign.CampaignRepository;
import io.podium.pacing.campaign.ChronicleCampaignRepository;
import io.podium.pacing.campaign.RedisCampaignRepository;
import io.podium.pacing.ledger.ChargeJournal;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.ChronicleBudgetStore;
import io.podium.pacing.store.RedisBudgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores pacing runs on, chosen by configuration: Redis (one server, or a cluster when
 * several addresses are given) shared by every node, or Chronicle Map files in
 * {@code pacing.data_dir} for a single embedded node. The charge journal is always local.
 */
public final class PacingBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PacingBackend.class);

    private final RedissonClient redisson;
    private final CampaignRepository campaigns;
    private final BudgetStore budgets;
    private final ChargeJournal journal;

    private PacingBackend(RedissonClient redisson, CampaignRepository campaigns, BudgetStore budgets,
                          ChargeJournal journal) {
        this.redisson = redisson;
        this.campaigns = campaigns;
        this.budgets = budgets;
        this.journal = journal;
    }

    public static PacingBackend open(PacingConfig config, Clock clock) {
        ChargeJournal journal = new ChargeJournal(config.dataDir().resolve("journal"), config.journalCapacity());
        if (config.redisAddresses().isEmpty()) {
            LOG.info("pacing: embedded stores in {}", config.dataDir().toAbsolutePath());
            LocalDate keepFrom = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(3);
            return new PacingBackend(null,
                    new ChronicleCampaignRepository(config.dataDir().resolve("campaigns"), config.campaignCapacity()),
                    new ChronicleBudgetStore(config.dataDir().resolve("budgets"), config.chargeCapacity(), keepFrom), journal);
        }
        Config rc = new Config();
        if (config.redisAddresses().size() == 1) {
            rc.useSingleServer().setAddress(config.redisAddresses().get(0)).setTimeout(1000).setRetryAttempts(2)
                    .setConnectTimeout(1000);
        } else {
            rc.useClusterServers().addNodeAddress(config.redisAddresses().toArray(new String[0])).setTimeout(1000)
                    .setRetryAttempts(2).setConnectTimeout(1000);
        }
        RedissonClient client = Redisson.create(rc);
        LOG.info("pacing: Redis at {}", config.redisAddresses());
        return new PacingBackend(client, new RedisCampaignRepository(client, "podium:", 30),
                new RedisBudgetStore(client, "podium:", config.chargeBuckets(), Duration.ofDays(3)), journal);
    }

    public CampaignRepository campaigns() {
        return campaigns;
    }

    public BudgetStore budgets() {
        return budgets;
    }

    public ChargeJournal journal() {
        return journal;
    }

    @Override
    public void close() {
        campaigns.close();
        budgets.close();
        journal.close();
        if (redisson != null) {
            redisson.shutdown();
        }
    }
}
