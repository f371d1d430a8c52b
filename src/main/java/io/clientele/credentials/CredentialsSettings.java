package io.clientele.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of passwords and their hashing.
 *
 * @param argon2 the cost of new hashes; older hashes are upgraded at the next login
 * @param hashing how many hashes may be computed at once
 * @param passwordPolicy the rules a new password must meet
 */
@ConfigurationProperties("clientele.credentials")
public record CredentialsSettings(@DefaultValue Argon2 argon2, @DefaultValue Hashing hashing,
		@DefaultValue PasswordPolicySettings passwordPolicy) {

	/**
	 * argon2id parameters; the defaults are OWASP's first recommendation.
	 *
	 * @param memoryKib memory per hash in KiB
	 * @param iterations passes over the memory
	 * @param parallelism lanes per hash
	 */
	public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism) {
	}

	/**
	 * A bounded number of concurrent hashes keeps a login flood from exhausting memory.
	 *
	 * @param maxConcurrent hashes computed at once; 0 means one per processor core
	 * @param maxWait how long a login waits for a free slot before it is refused
	 */
	public record Hashing(@DefaultValue("0") int maxConcurrent, @DefaultValue("5s") Duration maxWait) {
	}

	/**
	 * @param minLength the fewest characters (code points) a password may have
	 * @param maxLength the most characters (code points) a password may have; never
	 * truncated
	 */
	public record PasswordPolicySettings(@DefaultValue("12") int minLength, @DefaultValue("128") int maxLength) {
	}

}
