package io.clientele.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of a server (PostgreSQL), which a test can cut
 * (every connection closed, new ones closed as soon as they come, as while a database
 * restarts) and restore, without the application noticing anything but the network.
 */
public final class CuttableTcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	public CuttableTcpProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().name("proxy-accept").start(this::accept);
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** Closes every connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		cut = true;
		sockets.forEach(CuttableTcpProxy::closeQuietly);
		sockets.clear();
	}

	public void restore() {
		cut = false;
	}

	private void accept() {
		while (!listener.isClosed()) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException closed) {
				return;
			}
			if (cut) {
				closeQuietly(client);
				continue;
			}
			try {
				var server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				sockets.add(client);
				sockets.add(server);
				Thread.ofVirtual().start(() -> pump(client, server));
				Thread.ofVirtual().start(() -> pump(server, client));
			}
			catch (IOException ex) {
				closeQuietly(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException closed) {
			// one side went away: so does the other
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			sockets.remove(from);
			sockets.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
		try {
			listener.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
