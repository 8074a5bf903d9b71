package fi.askel.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests for the sweeps, which send thousands of them. Measured on the 2-core CI machine: RestAssured spends
 * 10–28 ms of the test's own time per small request and about 370 ms per 1 MB body; java.net.http's client over
 * kept-alive connections 4–10 ms and 11 ms, and a few requests in flight at once (within the service's
 * askel.http.concurrent-requests, so none waits for admission) cut the small ones to about 2 ms each.
 *
 * <p>A request is sent as RestAssured would send it (same Content-Type, charset included, and Accept), so a sweep
 * moved here tries the same inputs; redirects are not followed.
 */
public final class SweepHttp {

    /** What to send; null token, content type or body leaves that out. The path may carry a query. */
    public record Request(String method, String path, String token, String contentType, byte[] body) {}

    public record Answer(int status, String contentType, String body) {}

    /** HTTP/1.1: the default (HTTP/2) would ask a plain-HTTP service to upgrade, which RestAssured never does. */
    private static final HttpClient SHARED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SweepHttp() {}

    /** Over the shared, kept-alive connections. */
    public static Answer send(Request request) throws IOException {
        return send(SHARED, request);
    }

    /**
     * Over a connection of its own: for a request the service may answer by closing the connection (a body past its
     * limit gets 413 and then the close), which would otherwise leave a dead connection for the next request to find.
     */
    public static Answer sendAlone(Request request) throws IOException {
        return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), request);
    }

    private static Answer send(HttpClient client, Request r) throws IOException {
        String base = RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).header("Accept", "*/*")
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.token() != null) {
            b.header("Authorization", "Bearer " + r.token());
        }
        if (r.contentType() != null) {
            b.header("Content-Type", asRestAssuredSendsIt(r.contentType()));
        }
        try {
            HttpResponse<String> answer = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** RestAssured adds its default charset to every type but JSON and multipart (seen on the wire). */
    static String asRestAssuredSendsIt(String contentType) {
        return contentType.equals("application/json") || contentType.startsWith("multipart/") || contentType.contains("charset=")
                ? contentType : contentType + "; charset=ISO-8859-1";
    }

    /**
     * Runs the jobs, at most {@code threads} at a time, and answers their results in the jobs' order; the first
     * failure (an assertion included) is thrown as it was.
     */
    public static <T> List<T> inParallel(List<Callable<T>> jobs, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
