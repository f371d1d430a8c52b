package io.clientele.credentials;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of passwords, their hashing and their reset.
 *
 * @param argon2 the cost of new hashes; older hashes are upgraded at the next login
 * @param hashing how many hashes may be computed at once
 * @param passwordPolicy the rules a new password must meet
 * @param reset forgotten-password links and their limits
 */
@ConfigurationProperties("clientele.credentials")
public record CredentialsSettings(@DefaultValue Argon2 argon2, @DefaultValue Hashing hashing,
		@DefaultValue PasswordPolicySettings passwordPolicy, @DefaultValue Reset reset) {

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
	 * The rules a new password must meet. The defaults follow NIST SP 800-63B-4; the
	 * character rules, lists and history are off unless set.
	 *
	 * @param minLength the fewest characters (code points) of a password that is the
	 * account's only factor (NIST: at least 15); never below
	 * {@code min-length-with-second-factor}, which applies instead when set lower
	 * @param minLengthWithSecondFactor the fewest characters of a password of an account
	 * that also signs in with a second factor (NIST: at least 8)
	 * @param maxLength the most characters (code points) a password may have; never
	 * truncated
	 * @param rejectCommon refuse the 30,000 most common passwords (zxcvbn's list)
	 * @param rejectPersonal refuse passwords containing the address's local part or a
	 * name
	 * @param maxRepeatedCharacters the longest run of one character; 0 allows any
	 * @param minStrength the least zxcvbn score, 0 (weak) to 4 (excellent)
	 * @param characterPattern a regular expression the whole password must match, e.g.
	 * Spryker's character-class expression; empty for none
	 * @param minDigits the fewest digits
	 * @param minUppercase the fewest upper-case letters
	 * @param minLowercase the fewest lower-case letters
	 * @param minSpecial the fewest characters that are neither letters nor digits
	 * @param denyList passwords refused exactly as written
	 * @param allowList passwords accepted exactly as written, whatever the other rules
	 * say
	 * @param historySize how many earlier passwords may not be used again; 0 for none
	 * @param nonCompliant what happens at login when a password no longer meets the
	 * policy
	 */
	public record PasswordPolicySettings(@DefaultValue("15") int minLength,
			@DefaultValue("8") int minLengthWithSecondFactor, @DefaultValue("128") int maxLength,
			@DefaultValue("true") boolean rejectCommon, @DefaultValue("true") boolean rejectPersonal,
			@DefaultValue("2") int maxRepeatedCharacters, @DefaultValue("3") int minStrength,
			@DefaultValue("") String characterPattern, @DefaultValue("0") int minDigits,
			@DefaultValue("0") int minUppercase, @DefaultValue("0") int minLowercase, @DefaultValue("0") int minSpecial,
			@DefaultValue List<String> denyList, @DefaultValue List<String> allowList,
			@DefaultValue("0") int historySize, @DefaultValue("suggest-change") NonCompliantPasswords nonCompliant) {
	}

	/**
	 * What a customer whose password no longer meets the policy meets after logging in.
	 */
	public enum NonCompliantPasswords {

		/** Asked to change it, may postpone. */
		SUGGEST_CHANGE,
		/** Must change it before using the account. */
		REQUIRE_CHANGE

	}

	/**
	 * Forgotten passwords.
	 *
	 * @param tokenValidity how long a reset link works
	 * @param maxRequestsPerEmail reset requests per address and hour; more get the same
	 * answer and no mail
	 * @param maxRequestsPerClient reset requests per client address and hour
	 */
	public record Reset(@DefaultValue("60m") Duration tokenValidity, @DefaultValue("5") int maxRequestsPerEmail,
			@DefaultValue("20") int maxRequestsPerClient) {
	}

}
