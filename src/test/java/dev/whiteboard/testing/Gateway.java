package dev.whiteboard.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * nginx (Debian's package) on loopback in front of a test server or several nodes, configured from the product's own
 * {@code server-config/gateway/nginx.conf.template} and {@code nodes.sh} with a certificate made for {@code localhost}
 * by openssl.
 * {@link #client()} trusts exactly that certificate.
 */
public final class Gateway implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private final Path dir;
    private final int port;
    private final Process process;
    private final HttpClient client;
    private final SSLContext tls;

    private Gateway(Path dir, int port, Process process, SSLContext tls) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.tls = tls;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * The port the gateway will listen on, to tell the app its public URL before it starts. Chosen below the
     * kernel's ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}), from which every server that binds
     * port 0 gets its ports (the app, other tests' servers on this machine): one of them taking this port in the
     * seconds before nginx binds it was seen to happen.
     */
    public static int choosePort() {
        int below = ephemeralStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(Math.max(1025, below - 12_000), below);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port below " + below + " for the gateway");
    }

    private static int ephemeralStart() {
        try {
            // readAllLines: Files.readString reads a /proc file only in part
            int start = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .strip()
                    .split("\\s+")[0]);
            return start > 10_000 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    /** Starts nginx on {@code port} with TLS, in front of the app listening on {@code appPort}. */
    public static Gateway start(int port, int appPort) {
        return start(port, List.of(appPort));
    }

    /**
     * Starts nginx on {@code port} with TLS, in front of the app's nodes listening on {@code appPorts} (on loopback),
     * listed by the product's {@code server-config/gateway/nodes.sh} as an operator lists them.
     */
    public static Gateway start(int port, List<Integer> appPorts) {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException(
                    "nginx is not installed (apt-get install nginx-light); .ci/run installs it");
        }
        try {
            Path dir = Path.of(System.getProperty("whiteboard.it.work-dir", "target/it"), "gateway-" + port)
                    .toAbsolutePath();
            Files.createDirectories(dir);
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            run(
                    List.of(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "2",
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString()),
                    dir,
                    dir.resolve("openssl.out"));
            List<String> nodes = new ArrayList<>(List.of("bash", "server-config/gateway/nodes.sh"));
            appPorts.forEach(appPort -> nodes.add("127.0.0.1:" + appPort));
            run(nodes, dir, dir.resolve("nodes.conf"));
            String config = Files.readString(Path.of("server-config/gateway/nginx.conf.template"));
            for (Map.Entry<String, String> value : Map.of(
                            "GATEWAY_DIR",
                            dir.toString(),
                            "GATEWAY_PORT",
                            String.valueOf(port),
                            "TLS_CERT",
                            cert.toString(),
                            "TLS_KEY",
                            key.toString())
                    .entrySet()) {
                config = config.replace("${" + value.getKey() + "}", value.getValue());
            }
            if (Pattern.compile("\\$\\{[A-Z_]+}").matcher(config).find()) {
                throw new IllegalStateException("a value of the gateway template is not filled in: " + config);
            }
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config);
            Process process = new ProcessBuilder(
                            NGINX.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            SSLContext tls = trusting(cert);
            awaitListening(port, process, dir, tls);
            return new Gateway(dir, port, process, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code https://localhost:<port>/} */
    public URI baseUri() {
        return URI.create("https://localhost:" + port + "/");
    }

    /** An HTTP/1.1 client (also for WebSockets) that trusts the gateway's certificate, and only that. */
    public HttpClient client() {
        return client;
    }

    /**
     * A client like a browser's, trusting the gateway's certificate: it keeps cookies and follows no redirect, so
     * that a test sees each step of a sign-in (the gateway, the provider, the gateway again).
     */
    public HttpClient browser() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext trusting(Path cert) {
        try {
            Certificate certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)));
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("gateway", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until nginx answers a TLS handshake with its certificate on {@code port}: a plain connection is not
     * enough, another server may hold the port (nginx then logs {@code bind() … failed} and gives up).
     */
    private static void awaitListening(int port, Process process, Path dir, SSLContext tls) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "nothing listening";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.out"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(2000);
                socket.startHandshake();
                return;
            } catch (IOException notYet) {
                last = notYet.toString();
                Eventually.pause();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not answer TLS on " + port + " within 20 s (" + last + "): "
                + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
    }

    /** Runs {@code command} in the working directory, its output (and errors) into {@code output}. */
    private static void run(List<String> command, Path dir, Path output) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve("command.err").toFile())
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + Files.readString(output)
                        + Files.readString(dir.resolve("command.err")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
