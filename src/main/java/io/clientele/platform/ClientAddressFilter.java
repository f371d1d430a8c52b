package io.clientele.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client's address behind the shop's own proxies: {@code X-Forwarded-For} is believed
 * only when the connection comes from a trusted proxy
 * ({@code clientele.http.trusted-proxies}), and then read from the right, past the
 * trusted hops, to the first address no trusted proxy has: what lies left of it the
 * client wrote itself. From anyone else the header is ignored. Everything downstream
 * (lockout per client address, sessions, audit) reads {@code getRemoteAddr()}. Tomcat's
 * RemoteIpValve takes proxies only as a regular expression, not as CIDR ranges, hence
 * this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAddressFilter extends OncePerRequestFilter {

	private final List<AddressRange> trusted;

	ClientAddressFilter(HttpSettings settings) {
		this.trusted = AddressRange.parseAll(settings.trustedProxies(), "clientele.http.trusted-proxies");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var peer = request.getRemoteAddr();
		if (trusted.isEmpty() || !AddressRange.anyContains(trusted, peer)) {
			chain.doFilter(request, response);
			return;
		}
		var client = clientBehind(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
		chain.doFilter(client.equals(peer) ? request : new HttpServletRequestWrapper(request) {

			@Override
			public String getRemoteAddr() {
				return client;
			}

			@Override
			public String getRemoteHost() {
				return client;
			}

		}, response);
	}

	private String clientBehind(String peer, List<String> headers) {
		var hops = new ArrayList<String>();
		for (var header : headers) {
			for (var hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		var client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			var hop = hops.get(i);
			if (AddressRange.literal(hop).isEmpty()) {
				// no trusted proxy writes this: the nearest hop known is the client
				break;
			}
			client = hop.startsWith("[") ? hop.substring(1, hop.length() - 1) : hop;
			if (!AddressRange.anyContains(trusted, hop)) {
				break;
			}
		}
		return client;
	}

}
