package dev.whiteboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own (the {@code redis-server} that {@code .ci/run} installs), on a free port, keeping
 * nothing on disk, so that a test may restart it without touching the machine's shared Redis: {@link #restart()}
 * kills it and starts an empty one on the same port, as a Redis restarted without persistence comes back.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            RedisServer server = new RedisServer(socket.getLocalPort(), Files.createTempDirectory("redis-it"));
            socket.close();
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (installed by .ci/run)", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL: it keeps nothing) and starts an empty one on the same port. */
    public synchronized void restart() {
        stop();
        launch();
    }

    private synchronized void launch() {
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (installed by .ci/run)", e);
        }
        Eventually.until("redis-server to listen on " + port, Duration.ofSeconds(10), () -> {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
