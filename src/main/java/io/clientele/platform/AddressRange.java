package io.clientele.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.clientele.shared.ConfigurationProblem;

/**
 * An address or a CIDR range of them, IPv4 or IPv6 ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}, {@code 127.0.0.1}). An IPv4 address written as IPv6
 * ({@code ::ffff:10.1.2.3}) is the IPv4 one.
 */
record AddressRange(byte[] network, int prefix) {

	/**
	 * The ranges of a setting; a malformed entry stops the start with the setting's name.
	 */
	static List<AddressRange> parseAll(List<String> entries, String setting) {
		return entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> {
			try {
				return parse(entry);
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationProblem(
						setting + " holds \"" + entry + "\", which is not an address or a CIDR" + " range.",
						"Write addresses or ranges such as 10.0.0.0/8, 192.168.1.20 or 2001:db8::/32.");
			}
		}).toList();
	}

	static AddressRange parse(String text) {
		var slash = text.indexOf('/');
		var address = literal(slash < 0 ? text : text.substring(0, slash))
			.orElseThrow(() -> new IllegalArgumentException(text));
		var bits = address.length * 8;
		int prefix;
		try {
			prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(text);
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException(text);
		}
		return new AddressRange(address, prefix);
	}

	/**
	 * The bytes of an IP address literal; never a name lookup (a header or a setting that
	 * names a host is no address).
	 */
	static Optional<byte[]> literal(String text) {
		var candidate = text.strip();
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		if (candidate.isEmpty() || !candidate.matches("[0-9A-Fa-f:.]+")
				|| !candidate.contains(":") && !candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(candidate).getAddress());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	boolean contains(byte[] address) {
		if (address.length != network.length) {
			return false;
		}
		var whole = prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (address[i] != network[i]) {
				return false;
			}
		}
		var rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		var mask = (byte) (0xFF << (8 - rest));
		return (address[whole] & mask) == (network[whole] & mask);
	}

	static boolean anyContains(List<AddressRange> ranges, String address) {
		var bytes = literal(address);
		return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
	}

}
