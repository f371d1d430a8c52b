package io.clientele.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy in front of the test's SMTP server (GreenMail) that makes it slow or takes
 * it away. The server's answer to each mail's end of data ({@code CRLF.CRLF}) reaches the
 * sender only after {@code delayPerMail}, as a busy mail server answers late: for that
 * long the server has the mail and the sender does not know. {@link #refuse()} closes the
 * port, so connections are refused as during an outage; {@link #accept()} opens it again
 * on the same port.
 */
final class SlowSmtpProxy implements AutoCloseable {

	private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

	private final int port = ClienteleNode.freePort();

	private final int serverPort;

	private final Duration delayPerMail;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private @Nullable ServerSocket listening;

	SlowSmtpProxy(int serverPort, Duration delayPerMail) {
		this.serverPort = serverPort;
		this.delayPerMail = delayPerMail;
	}

	int port() {
		return port;
	}

	/** Opens the port and passes connections on to the server. */
	synchronized SlowSmtpProxy accept() {
		if (listening != null) {
			return this;
		}
		try {
			var socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listening = socket;
			Thread.ofVirtual().name("smtp-proxy").start(() -> acceptAll(socket));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Closes the port and every connection through it: the SMTP server is down. */
	synchronized void refuse() {
		var socket = listening;
		listening = null;
		if (socket != null) {
			closeQuietly(socket);
		}
		open.forEach(SlowSmtpProxy::closeQuietly);
		open.clear();
	}

	@Override
	public void close() {
		refuse();
	}

	private void acceptAll(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				var client = socket.accept();
				var server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
				open.add(client);
				open.add(server);
				var mailEnded = new java.util.concurrent.atomic.AtomicBoolean();
				Thread.ofVirtual().start(() -> pump(client, server, mailEnded, true));
				Thread.ofVirtual().start(() -> pump(server, client, mailEnded, false));
			}
			catch (IOException closed) {
				// refused from now on
			}
		}
	}

	private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicBoolean mailEnded,
			boolean towardsServer) {
		var matched = 0;
		var buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (towardsServer) {
					for (var i = 0; i < read; i++) {
						matched = buffer[i] == END_OF_DATA[matched] ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
						if (matched == END_OF_DATA.length) {
							// before the server can answer it
							mailEnded.set(true);
							matched = 0;
						}
					}
				}
				else if (mailEnded.compareAndSet(true, false)) {
					ClienteleNode.sleep(delayPerMail.toMillis());
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | IllegalStateException closed) {
			// either side hung up
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			open.remove(from);
			open.remove(to);
		}
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}

}
