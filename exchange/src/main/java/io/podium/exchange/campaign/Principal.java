package io.podium.exchange.campaign;

/** Who is calling the campaign API: one advertiser, or the administrator (sees everything). */
public record Principal(String advertiserId, boolean admin) {
    public boolean mayAccess(String campaignAdvertiser) {
        return admin || advertiserId.equals(campaignAdvertiser);
    }
}
