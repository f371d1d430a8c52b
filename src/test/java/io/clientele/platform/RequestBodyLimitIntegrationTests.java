package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that streams gigabytes at any path, chunked so that no {@code Content-Length}
 * warns the server: the body is cut off after the limit with 413 in the path's format,
 * and the server's heap does not grow with it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitIntegrationTests {

	static final long FOUR_GIGABYTES = 4L * 1024 * 1024 * 1024;

	// the server reads at most the limit, Tomcat swallows at most max-swallow-size after
	// the answer: anything far beyond was never read
	static final long READ_AT_MOST = 64L * 1024 * 1024;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aChunkedFourGigabyteJsonBodyCannotExhaustTheApisMemory() {
		var body = new EndlessBody("{\"data\":{\"type\":\"customers\",\"attributes\":{\"firstName\":\"", 'a');

		var answer = send("/api/customers", "application/vnd.api+json", body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body())
			.isEqualTo("{\"errors\":[{\"status\":413,\"detail\":\"Request body is too large.\"}]}");
		assertThat(body.sent()).isLessThan(READ_AT_MOST);
		assertThat(answer.heapGrowth()).isLessThan(READ_AT_MOST);
	}

	@Test
	void aChunkedFourGigabyteLoginFormCannotExhaustTheStorefrontsMemory() {
		var body = new EndlessBody("email=", 'a');

		var answer = send("/login", "application/x-www-form-urlencoded", body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("Too much data");
		assertThat(body.sent()).isLessThan(READ_AT_MOST);
		assertThat(answer.heapGrowth()).isLessThan(READ_AT_MOST);
	}

	@Test
	void anAnonymousChunkedFourGigabyteUploadToTheImportIsRefusedBeforeAnythingParsesIt() {
		var body = new EndlessBody(
				"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\n",
				'a');

		var answer = send("/backoffice/customers/import", "multipart/form-data; boundary=b", body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("Too much data");
		assertThat(body.sent()).isLessThan(READ_AT_MOST);
		assertThat(answer.heapGrowth()).isLessThan(READ_AT_MOST);
	}

	@Test
	void aJsonBodyAnnouncedOverTheLimitIsRefusedBeforeItIsRead() {
		var answer = http(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/customers"))
			.header("Content-Type", "application/vnd.api+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
			.build());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"status\":413");
	}

	// Java's HttpClient gives up the whole exchange when the server stops reading the
	// body, even after the answer arrived; a browser, like this client, reads the answer
	// while it is still sending.
	private Answer send(String path, String contentType, EndlessBody body) {
		var before = heapUsed();
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			var writer = Thread.ofVirtual().start(() -> {
				try {
					var out = new BufferedOutputStream(socket.getOutputStream(), 65536);
					out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: "
							+ contentType + "\r\nAccept: "
							+ (path.startsWith("/api") ? "application/vnd.api+json" : "text/html")
							+ "\r\nTransfer-Encoding: chunked\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
					var chunk = new byte[32 * 1024];
					int n;
					while ((n = body.read(chunk, 0, chunk.length)) > 0) {
						out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk, 0, n);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException closedByTheServer) {
					// what this test wants: the server stopped taking the body
				}
			});
			var answer = readAnswer(socket.getInputStream());
			socket.close();
			writer.join();
			return new Answer(answer.status(), answer.body(), heapUsed() - before);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// status line, headers, and as much of the body as arrives (chunked, with a length,
	// or up to the end of the connection)
	private static Answer readAnswer(InputStream in) throws IOException {
		var head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			var b = in.read();
			if (b < 0) {
				throw new IOException("no answer: " + head);
			}
			head.append((char) b);
		}
		var lines = head.toString().split("\r\n");
		var status = Integer.parseInt(lines[0].split(" ")[1]);
		var headers = java.util.Arrays.stream(lines).skip(1).map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList();
		var body = new java.io.ByteArrayOutputStream();
		try {
			if (headers.contains("transfer-encoding: chunked")) {
				while (true) {
					var size = new StringBuilder();
					for (int b; (b = in.read()) != '\n';) {
						size.append((char) b);
					}
					var length = Integer.parseInt(size.toString().strip(), 16);
					if (length == 0) {
						break;
					}
					body.write(in.readNBytes(length));
					in.readNBytes(2);
				}
			}
			else {
				var length = headers.stream()
					.filter(h -> h.startsWith("content-length:"))
					.map(h -> Integer.parseInt(h.substring(15).strip()))
					.findFirst();
				body.write(length.isPresent() ? in.readNBytes(length.get()) : in.readAllBytes());
			}
		}
		catch (IOException resetAfterTheAnswer) {
			// the server closes the connection on a body it did not read to the end
		}
		return new Answer(status, body.toString(StandardCharsets.UTF_8), 0);
	}

	private HttpResponse<String> http(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// the test and the server share one JVM: its heap is the server's
	private static long heapUsed() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	record Answer(int status, String body, long heapGrowth) {
	}

	/** A prefix, then the same byte until four gigabytes are sent, made as it is read. */
	static final class EndlessBody extends InputStream {

		private final byte[] prefix;

		private final byte filler;

		private final AtomicLong sent = new AtomicLong();

		EndlessBody(String prefix, char filler) {
			this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
			this.filler = (byte) filler;
		}

		long sent() {
			return sent.get();
		}

		@Override
		public int read() {
			var at = sent.get();
			if (at >= FOUR_GIGABYTES) {
				return -1;
			}
			sent.incrementAndGet();
			return at < prefix.length ? prefix[(int) at] : filler;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			var at = sent.get();
			if (at >= FOUR_GIGABYTES) {
				return -1;
			}
			var n = (int) Math.min(length, FOUR_GIGABYTES - at);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = at + i < prefix.length ? prefix[(int) (at + i)] : filler;
			}
			sent.addAndGet(n);
			return n;
		}

	}

}
