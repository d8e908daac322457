package io.podium.simulator.day;

import io.podium.pacing.redis.RedisServerProcess;
import java.io.IOException;
import java.util.List;

/**
 * The day's one {@code redis-server}, persisting every write to its append-only file, so that
 * an outage (SIGKILL, then a restart on the same port) loses nothing. It counts the commands it
 * has processed over its lives (a restart resets Redis's own counter; the count read just before
 * the kill is kept).
 */
final class RedisHost implements AutoCloseable {
    private final RedisServerProcess redis;
    private long earlierLives;
    private volatile boolean up = true;

    RedisHost() throws IOException {
        redis = RedisServerProcess.start(List.of("--appendonly", "yes", "--appendfsync", "always"));
    }

    String address() {
        return redis.address();
    }

    boolean up() {
        return up;
    }

    /** Commands processed so far over every life of the server. */
    synchronized long commands() {
        long now = up ? redis.info("total_commands_processed") : 0;
        return earlierLives + Math.max(0, now);
    }

    /** Redis's {@code INFO commandstats} of its current life (for the log). */
    String commandStats() {
        return up ? redis.infoText("commandstats") : "";
    }

    synchronized void kill() throws InterruptedException {
        if (up) {
            earlierLives += Math.max(0, redis.info("total_commands_processed"));
            up = false;
            redis.kill();
        }
    }

    synchronized void restart() throws IOException {
        if (!up) {
            redis.restart();
            up = true;
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
