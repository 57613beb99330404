package org.ebrelay.bench;

import org.ebrelay.adapter.http.EbmsHttpSender;
import org.ebrelay.adapter.http.Health;
import org.ebrelay.adapter.http.HttpReply;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.adapter.http.SenderConfig;
import org.ebrelay.adapter.http.WebServer;
import org.ebrelay.adapter.http.WebServerConfig;
import org.ebrelay.app.port.out.WireMessage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: the /ebms handler with an echo endpoint, driven by EbmsHttpSender on loopback with
 * a fixed number of requests in flight, both in this JVM. Reports requests/s, latency and CPU per request, split
 * between server threads (ebrelay-http*) and sender threads (ebrelay-sender*).
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ebrelay.bench.EbmsHttpBench [inFlight] [bodyBytes] [warmupS] [measureS] [bare]
 * </pre>
 * With {@code bare}, the server is a minimal Jetty handler that echoes the body, as a baseline for what
 * WebServer's routing and EbmsHandler add under the same conditions.
 */
public final class EbmsHttpBench {
    private static final int MAX_SAMPLES = 4_000_000;

    public static void main(String[] args) throws Exception {
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 3500;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int measureSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        boolean bare = args.length > 4 && args[4].equals("bare");
        WireMessage message = message(bodyBytes);

        AutoCloseable server = bare ? BareEchoServer.start() : startWebServer();
        URI target = bare ? ((BareEchoServer) server).uri() : ((WebServer) server).baseUri().resolve("/ebms");
        EbmsHttpSender sender = new EbmsHttpSender(SenderConfig.defaults());
        sender.start();
        System.out.println(bare ? "server: bare Jetty echo handler" : "server: WebServer /ebms with an echo endpoint");
        try {
            Run warmup = new Run(sender, target, message, inFlight);
            warmup.runFor(Duration.ofSeconds(warmupSeconds));
            System.out.printf("warm-up: %d requests, %d errors%n", warmup.completed.get(), warmup.errors.get());

            Run measured = new Run(sender, target, message, inFlight);
            Map<String, Long> cpuBefore = cpuByPool();
            long processCpuBefore = processCpuNanos();
            long wallStart = System.nanoTime();
            measured.runFor(Duration.ofSeconds(measureSeconds));
            long wall = System.nanoTime() - wallStart;
            long processCpu = processCpuNanos() - processCpuBefore;
            Map<String, Long> cpuAfter = cpuByPool();
            report(measured, wall, processCpu, cpuBefore, cpuAfter, inFlight, message.body().length);
        } finally {
            sender.stop();
            server.close();
        }
    }

    private static WebServer startWebServer() throws Exception {
        WebServer server = new WebServer(WebServerConfig.defaults().withPort(0),
                (request, info) -> HttpReply.ok(request), Health::healthy, () -> "");
        server.start();
        return server;
    }

    /** The baseline: Jetty with one handler that reads the body and writes it back, nothing else. */
    private static final class BareEchoServer implements AutoCloseable {
        private final org.eclipse.jetty.server.Server jetty;
        private final org.eclipse.jetty.server.ServerConnector connector;

        private BareEchoServer() {
            org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool();
            pool.setName("ebrelay-http-bare");
            jetty = new org.eclipse.jetty.server.Server(pool);
            connector = new org.eclipse.jetty.server.ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            jetty.addConnector(connector);
            jetty.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                                      org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) throws Exception {
                    java.nio.ByteBuffer body = org.eclipse.jetty.io.Content.Source.asByteBuffer(request);
                    response.getHeaders().put("Content-Type", request.getHeaders().get("Content-Type"));
                    response.write(true, body, callback);
                    return true;
                }
            });
        }

        static BareEchoServer start() throws Exception {
            BareEchoServer server = new BareEchoServer();
            server.jetty.start();
            return server;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/ebms");
        }

        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }

    private static void report(Run run, long wallNanos, long processCpuNanos, Map<String, Long> before,
                               Map<String, Long> after, int inFlight, int bodyBytes) {
        long n = run.completed.get();
        double seconds = wallNanos / 1e9;
        long[] latencies = Arrays.copyOf(run.latencies, (int) Math.min(n, MAX_SAMPLES));
        Arrays.sort(latencies);
        System.out.printf("in flight %d, body %d bytes, %d requests in %.1f s, %d errors%n", inFlight, bodyBytes, n,
                seconds, run.errors.get());
        System.out.printf("throughput: %.0f requests/s%n", n / seconds);
        System.out.printf("latency: p50 %.2f ms, p99 %.2f ms%n", percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6);
        System.out.printf("process CPU: %.1f us/request (%.2f cores busy of %d)%n", processCpuNanos / 1e3 / n,
                processCpuNanos / (double) wallNanos, Runtime.getRuntime().availableProcessors());
        for (String pool : new String[] {"ebrelay-http", "ebrelay-sender"}) {
            long cpu = after.getOrDefault(pool, 0L) - before.getOrDefault(pool, 0L);
            System.out.printf("  %-15s threads: %.1f us/request%n", pool, cpu / 1e3 / n);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** CPU time of live threads by pool-name prefix (threads of a pool live as long as the pool here). */
    private static Map<String, Long> cpuByPool() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byPool = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            for (String pool : new String[] {"ebrelay-http", "ebrelay-sender"}) {
                if (info.getThreadName().startsWith(pool) && cpu > 0) {
                    byPool.merge(pool, cpu, Long::sum);
                }
            }
        }
        return byPool;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static WireMessage message(int size) {
        String boundary = "----=_Part_bench";
        StringBuilder hl7 = new StringBuilder("MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261121120000||ORU^R01|1|P|2.5.1\r");
        while (hl7.length() < size - 330) {
            hl7.append("OBX|1|NM|GLU^Glucose||95|mg/dL|70-110|N|||F\r");
        }
        String body = "--" + boundary + "\r\nContent-ID: <soap>\r\nContent-Type: text/xml; charset=UTF-8\r\n\r\n"
                + "<SOAP:Envelope xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP:Header/>"
                + "<SOAP:Body/></SOAP:Envelope>\r\n--" + boundary + "\r\nContent-ID: <hl7>\r\n"
                + "Content-Type: application/hl7-v2\r\n\r\n" + hl7 + "\r\n--" + boundary + "--\r\n";
        return new WireMessage("multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"; start=\"<soap>\"",
                WireMessage.EBXML_SOAP_ACTION, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps {@code inFlight} requests outstanding: each completion sends the next one until time is up. */
    private static final class Run {
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final long[] latencies = new long[MAX_SAMPLES];
        private final EbmsHttpSender sender;
        private final URI target;
        private final WireMessage message;
        private final int inFlight;
        private final AtomicBoolean stopping = new AtomicBoolean();
        private CountDownLatch chainsDone;

        Run(EbmsHttpSender sender, URI target, WireMessage message, int inFlight) {
            this.sender = sender;
            this.target = target;
            this.message = message;
            this.inFlight = inFlight;
        }

        void runFor(Duration duration) throws InterruptedException {
            chainsDone = new CountDownLatch(inFlight);
            for (int i = 0; i < inFlight; i++) {
                next();
            }
            Thread.sleep(duration.toMillis());
            stopping.set(true);
            chainsDone.await();
        }

        private void next() {
            if (stopping.get()) {
                chainsDone.countDown();
                return;
            }
            long start = System.nanoTime();
            sender.send(target, message, Duration.ofSeconds(30)).whenComplete((outcome, failure) -> {
                long n = completed.getAndIncrement();
                if (n < MAX_SAMPLES) {
                    latencies[(int) n] = System.nanoTime() - start;
                }
                if (failure != null || !(outcome instanceof SendOutcome.Answered a) || a.body() == null) {
                    errors.incrementAndGet();
                }
                next();
            });
        }
    }
}
