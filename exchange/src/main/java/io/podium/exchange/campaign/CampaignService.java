package io.podium.exchange.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignJson;
import io.podium.pacing.campaign.CampaignProblem;
import io.podium.pacing.campaign.CampaignRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The campaign API's rules, apart from HTTP: who sees what, ids, versions. An advertiser sees
 * and changes only its own campaigns; another advertiser's campaign is reported as not found.
 */
public final class CampaignService {
    /** The outcome of a change: the campaign, or why not (problems for 400, or not found). */
    public record Result(Campaign campaign, List<CampaignProblem> problems, boolean notFound) {
        static Result ok(Campaign c) {
            return new Result(c, List.of(), false);
        }

        static Result invalid(List<CampaignProblem> p) {
            return new Result(null, p, false);
        }

        static Result missing() {
            return new Result(null, List.of(), true);
        }
    }

    private final CampaignRepository repository;
    private final BearerTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CampaignService(CampaignRepository repository, BearerTokens tokens, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Result create(Principal who, JsonNode body) {
        String owner = who.advertiserId();
        if (who.admin()) {
            owner = body != null ? body.path("advertiser_id").asText("") : "";
            if (!tokens.knowsAdvertiser(owner)) {
                return Result.invalid(List.of(new CampaignProblem("advertiser_id",
                        "the administrator must name a configured advertiser")));
            }
        }
        byte[] id = new byte[8];
        random.nextBytes(id);
        CampaignJson.Read r = CampaignJson.read(body, "cmp-" + HexFormat.of().formatHex(id), owner, 1, clock.instant());
        if (r.campaign() == null) {
            return Result.invalid(r.problems());
        }
        repository.put(r.campaign());
        return Result.ok(r.campaign());
    }

    public Optional<Campaign> get(Principal who, String id) {
        return repository.get(id).filter(c -> who.mayAccess(c.advertiserId()));
    }

    public List<Campaign> list(Principal who) {
        return repository.all().stream().filter(c -> who.mayAccess(c.advertiserId()))
                .sorted(Comparator.comparing(Campaign::id)).collect(Collectors.toList());
    }

    /** Replaces a campaign with a new document; id and owner stay. */
    public synchronized Result replace(Principal who, String id, JsonNode body) {
        Optional<Campaign> old = get(who, id);
        if (old.isEmpty()) {
            return Result.missing();
        }
        CampaignJson.Read r = CampaignJson.read(body, id, old.get().advertiserId(), old.get().version() + 1, clock.instant());
        if (r.campaign() == null) {
            return Result.invalid(r.problems());
        }
        repository.put(r.campaign());
        return Result.ok(r.campaign());
    }

    public synchronized Result setStatus(Principal who, String id, Campaign.Status status) {
        Optional<Campaign> old = get(who, id);
        if (old.isEmpty()) {
            return Result.missing();
        }
        Campaign c = old.get().withStatus(status, old.get().version() + 1, clock.instant());
        repository.put(c);
        return Result.ok(c);
    }
}
