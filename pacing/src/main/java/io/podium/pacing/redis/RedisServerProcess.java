package io.podium.pacing.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} process on a free loopback port, for tests and the day simulation:
 * started, killed ({@code SIGKILL}) and restarted on the same port at will. Nothing is persisted
 * to disk unless asked (e.g. {@code --appendonly yes --appendfsync always}, which a restart
 * reads back from the same directory). Needs {@code redis-server} on the PATH
 * ({@code ./podium test} installs it).
 */
public final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;
    /** Whether {@link #dir} was made here, and is deleted by {@link #close()}. */
    private boolean ownsDir;

    private RedisServerProcess(int port, Path dir, List<String> extraArgs) {
        this.port = port;
        this.dir = dir;
        this.extraArgs = extraArgs;
    }

    /** Starts a standalone server. */
    public static RedisServerProcess start() throws IOException {
        return start(List.of());
    }

    /** Starts a standalone server with these extra arguments, its files in a new temporary directory. */
    public static RedisServerProcess start(List<String> extraArgs) throws IOException {
        RedisServerProcess r = new RedisServerProcess(freePort(), Files.createTempDirectory("podium-redis"), extraArgs);
        r.ownsDir = true;
        r.launch();
        return r;
    }

    /** Starts a standalone server with these extra arguments, its files (log, AOF) in {@code dir}. */
    public static RedisServerProcess start(List<String> extraArgs, Path dir) throws IOException {
        RedisServerProcess r = new RedisServerProcess(freePort(), dir, extraArgs);
        r.launch();
        return r;
    }

    /** A port whose cluster bus port (port + 10000) is free as well. */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p + 10000 > 65535) {
                continue;
            }
            try (ServerSocket bus = new ServerSocket(p + 10000, 1, java.net.InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port pair found");
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no"));
        cmd.addAll(extraArgs);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start redis-server (is it installed? ./podium test installs it)", e);
        }
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            if ("+PONG".equals(command("PING"))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("redis-server on port " + port + " did not answer PING; log: " + dir.resolve("redis.log"));
    }

    /** Sends one inline command and returns the first line of the reply, or null if unreachable. */
    public String command(String inline) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                sb.append((char) c);
            }
            return sb.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** A numeric field of {@code INFO} (e.g. {@code total_commands_processed}), -1 if unreadable. */
    public long info(String field) {
        for (String line : infoText("all").split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                try {
                    return Long.parseLong(line.substring(field.length() + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The text of one {@code INFO} section, or an empty string if unreadable. */
    public String infoText(String section) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            s.getOutputStream().write(("INFO " + section + "\r\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String header = in.readLine();
            if (header == null || !header.startsWith("$")) {
                return "";
            }
            char[] body = new char[Integer.parseInt(header.substring(1))];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new String(body, 0, read);
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: the server dies at once, as in a crash. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    /** Starts again on the same port (empty, since nothing is persisted). */
    public void restart() throws IOException {
        if (process == null) {
            launch();
        }
    }

    /** Kills the server; deletes its directory if it was made by {@link #start(List)}. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsDir) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // best effort: a temporary directory
            }
        }
    }
}
