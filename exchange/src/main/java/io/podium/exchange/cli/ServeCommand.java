package io.podium.exchange.cli;

import io.podium.exchange.config.ConfigException;
import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.server.PodiumServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code podium serve [--config FILE]}: runs the server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the exchange. Without --config: embedded defaults (port 8080, no Redis, no bidders).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see config/podium.yaml)")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        PodiumConfig cfg;
        try {
            cfg = config == null ? ConfigLoader.load(null, System.getenv()) : ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        PodiumServer server = new PodiumServer(cfg, Clock.systemUTC()).start();
        System.out.println("Podium serving on http://" + cfg.server().host() + ":" + server.port()
                + "  (POST /openrtb2/auction, GET /metrics, GET /health)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "podium-shutdown"));
        stop.await();
        return 0;
    }
}
