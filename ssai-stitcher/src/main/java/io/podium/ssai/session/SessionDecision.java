package io.podium.ssai.session;

import java.net.URI;
import java.util.List;

/**
 * Everything a node needs to answer any request of one viewing session: the content, the
 * breaks with their ads, and when the decision stops being honoured. Carried in the session
 * token, so no node keeps session state.
 */
public record SessionDecision(String sessionId, long issuedAtSeconds, long expiresAtSeconds, URI contentUri,
                              List<BreakDecision> breaks) {
    public SessionDecision {
        breaks = List.copyOf(breaks);
    }
}
