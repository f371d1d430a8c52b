package io.clientele.passkeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.verifier.exception.VerificationException;

import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.authentication.CustomerLogin;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.notification.CustomerMails;
import io.clientele.notification.Recipient;
import io.clientele.passkeys.Ceremonies.RegistrationStart;
import io.clientele.passkeys.Ceremonies.SignInStart;
import io.clientele.passkeys.PasskeyChallenge.Ceremony;
import io.clientele.passkeys.PasskeyStore.StoredPasskey;
import io.clientele.shared.Sha256;

/**
 * Customers' passkeys: adding one (a discoverable credential with user verification),
 * signing in with one, listing, renaming and removing them. Every response is parsed and
 * verified by webauthn4j (challenge, origin, relying party, signature, user verification,
 * sign counter); each change is audited and mailed to the owner in its transaction.
 */
@Component
public class Passkeys {

	/** The method name of a passkey in mails and on the audit trail. */
	public static final String METHOD = "passkey";

	static final int MAX_NAME_LENGTH = 60;

	// ES256 first: every platform authenticator has it; RS256 for Windows Hello, EdDSA
	// for keys
	private static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.ES256,
			COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.RS256);

	private static final List<PublicKeyCredentialParameters> PARAMETERS = ALGORITHMS.stream()
		.map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
		.toList();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final PasskeyStore store;

	private final RelyingParty relyingParty;

	private final PasskeySettings settings;

	private final CustomerManagement customers;

	private final CustomerLogin login;

	private final CustomerMails mails;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	// no attestation is asked for, so none is trusted: "non-strict" checks every
	// signature and binding but no certificate chain
	private final WebAuthnManager webAuthn;

	private final AttestedCredentialDataConverter credentialData;

	Passkeys(PasskeyStore store, RelyingParty relyingParty, PasskeySettings settings, CustomerManagement customers,
			CustomerLogin login, CustomerMails mails, AuditTrail audit, Clock clock) {
		this.store = store;
		this.relyingParty = relyingParty;
		this.settings = settings;
		this.customers = customers;
		this.login = login;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
		var converter = new ObjectConverter();
		this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
		this.credentialData = new AttestedCredentialDataConverter(converter);
	}

	/** The customer's passkeys, the oldest first. */
	public List<PasskeySummary> list(CustomerId customer) {
		return store.findAll(customer.value()).stream().map(StoredPasskey::summary).toList();
	}

	/**
	 * A challenge and the options for {@code navigator.credentials.create()}: a resident
	 * key and user verification required, the customer's passkeys excluded.
	 */
	@Transactional
	public RegistrationStart startRegistration(CustomerId customerId) {
		var customer = customers.find(customerId).orElseThrow();
		var handle = store.userHandleFor(customerId.value(), randomBytes(32));
		var challenge = newChallenge(Ceremony.REGISTRATION, customerId.value());
		var excluded = store.findAll(customerId.value()).stream().map(Passkeys::descriptor).toList();
		var options = new PasskeyOptions.Creation(
				new PasskeyOptions.RelyingPartyEntity(relyingParty.id(), relyingParty.name()),
				new PasskeyOptions.UserEntity(BASE64URL.encodeToString(handle), customer.email().value(),
						customer.fullName()),
				challenge.value(),
				ALGORITHMS.stream().map(alg -> new PasskeyOptions.Parameters("public-key", alg.getValue())).toList(),
				timeoutMillis(), excluded, new PasskeyOptions.AuthenticatorSelection("required", true, "required"),
				"none", new PasskeyOptions.Extensions(true));
		return new RegistrationStart(challenge, options);
	}

	/**
	 * Verifies the browser's answer to {@link #startRegistration} and stores the passkey
	 * under the name given (cut to 60 characters), or "Passkey N" without one. The owner
	 * gets a mail and the trail an entry; a refusal changes nothing but using up the
	 * challenge.
	 * @param challenge the challenge of this browser's session, {@code null} if it has
	 * none
	 * @param response the {@code PublicKeyCredential} as WebAuthn's JSON
	 */
	@Transactional
	public RegistrationOutcome finishRegistration(CustomerId customerId, @Nullable PasskeyChallenge challenge,
			String response, @Nullable String name, @Nullable String clientAddress) {
		var problem = consume(challenge, Ceremony.REGISTRATION, customerId.value());
		if (problem.isPresent()) {
			return new RegistrationOutcome.Refused(problem.get());
		}
		// the authenticator holds the passkey already: a long name is cut, not refused
		var chosenName = shortened(name == null ? "" : name.strip());
		RegistrationData data;
		try {
			data = webAuthn.parseRegistrationResponseJSON(response);
			webAuthn.verify(data, new RegistrationParameters(relyingParty.expecting(decode(challenge.value())),
					PARAMETERS, true, true));
		}
		catch (VerificationException ex) {
			return new RegistrationOutcome.Refused(PasskeyProblem.NOT_VERIFIED);
		}
		catch (RuntimeException ex) {
			return new RegistrationOutcome.Refused(PasskeyProblem.MALFORMED);
		}
		var credProps = data.getClientExtensions() == null ? null : data.getClientExtensions().getCredProps();
		if (credProps != null && Boolean.FALSE.equals(credProps.getRk())) {
			return new RegistrationOutcome.Refused(PasskeyProblem.NOT_DISCOVERABLE);
		}
		var authenticatorData = data.getAttestationObject().getAuthenticatorData();
		var attested = authenticatorData.getAttestedCredentialData();
		if (store.findByCredentialId(attested.getCredentialId()).isPresent()) {
			return new RegistrationOutcome.Refused(PasskeyProblem.ALREADY_ADDED);
		}
		var count = store.count(customerId.value());
		if (count >= settings.maxPerCustomer()) {
			return new RegistrationOutcome.Refused(PasskeyProblem.TOO_MANY);
		}
		var passkey = new StoredPasskey(UUID.randomUUID(), customerId.value(), attested.getCredentialId(),
				credentialData.convert(attested), authenticatorData.getSignCount(), authenticatorData.isFlagUV(),
				authenticatorData.isFlagBE(), authenticatorData.isFlagBS(), transports(data.getTransports()),
				chosenName.isEmpty() ? "Passkey " + (count + 1) : chosenName, clock.instant(), null);
		store.insert(passkey);
		audit.record(AuditType.PASSKEY_ADDED, customerId.value(), AuditTrail.CUSTOMER, clientAddress, null);
		customers.find(customerId).ifPresent(customer -> mails.signInMethodAdded(recipient(customer), METHOD));
		return new RegistrationOutcome.Added(passkey.summary());
	}

	/**
	 * A challenge and the options for {@code navigator.credentials.get()}: no credentials
	 * listed (the browser offers the passkeys it has for this site), user verification
	 * required.
	 */
	@Transactional
	public SignInStart startSignIn() {
		var challenge = newChallenge(Ceremony.SIGN_IN, null);
		return new SignInStart(challenge, new PasskeyOptions.Request(challenge.value(), timeoutMillis(),
				relyingParty.id(), List.of(), "required"));
	}

	/**
	 * Verifies the browser's answer to {@link #startSignIn} and admits the passkey's
	 * owner as a password login would (refused for a blocked or unconfirmed account), on
	 * the record as a login by passkey. The sign counter must grow when the authenticator
	 * counts: a replayed answer is refused. A passkey with user verification proves both
	 * factors: the sign-in opens the grace period of {@code graceKey}, as a login with
	 * password and code does.
	 */
	@Transactional
	public SignInOutcome signIn(@Nullable PasskeyChallenge challenge, String response, @Nullable String clientAddress,
			@Nullable String graceKey) {
		var problem = consume(challenge, Ceremony.SIGN_IN, null);
		if (problem.isPresent()) {
			return new SignInOutcome.Refused(problem.get());
		}
		AuthenticationData data;
		try {
			data = webAuthn.parseAuthenticationResponseJSON(response);
		}
		catch (RuntimeException ex) {
			return new SignInOutcome.Refused(PasskeyProblem.MALFORMED);
		}
		if (data.getCredentialId() == null) {
			return new SignInOutcome.Refused(PasskeyProblem.MALFORMED);
		}
		var found = store.findByCredentialId(data.getCredentialId());
		if (found.isEmpty()) {
			return new SignInOutcome.Refused(PasskeyProblem.UNKNOWN_PASSKEY);
		}
		var passkey = found.get();
		var handle = store.userHandleOf(passkey.customerId());
		if (data.getUserHandle() != null && (handle.isEmpty() || !Arrays.equals(handle.get(), data.getUserHandle()))) {
			return refusedSignIn(passkey, clientAddress, "user handle");
		}
		try {
			webAuthn.verify(data, new AuthenticationParameters(relyingParty.expecting(decode(challenge.value())),
					record(passkey), null, true, true));
		}
		catch (VerificationException ex) {
			return refusedSignIn(passkey, clientAddress, ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			return new SignInOutcome.Refused(PasskeyProblem.MALFORMED);
		}
		var authenticatorData = data.getAuthenticatorData();
		if (!store.recordUse(passkey.id(), passkey.signCount(), authenticatorData.getSignCount(),
				authenticatorData.isFlagBS(), clock.instant())) {
			// another answer with this passkey came in meanwhile and won
			return refusedSignIn(passkey, clientAddress, "counter");
		}
		return login.admit(new CustomerId(passkey.customerId()), clientAddress, METHOD, graceKey)
			.<SignInOutcome>map(SignInOutcome.SignedIn::new)
			.orElse(new SignInOutcome.Refused(PasskeyProblem.ACCOUNT_REFUSED));
	}

	/** Whether the customer may add another passkey (fewer than the limit so far). */
	public boolean canAdd(CustomerId customer) {
		return store.count(customer.value()) < settings.maxPerCustomer();
	}

	/** Renames one of the customer's passkeys; another customer's is not found. */
	@Transactional
	public Optional<PasskeyProblem> rename(CustomerId customer, UUID passkey, String name) {
		var chosen = name.strip();
		if (chosen.isEmpty() || chosen.codePointCount(0, chosen.length()) > MAX_NAME_LENGTH) {
			return Optional.of(PasskeyProblem.NAME_INVALID);
		}
		return store.rename(customer.value(), passkey, chosen) ? Optional.empty()
				: Optional.of(PasskeyProblem.NOT_FOUND);
	}

	/**
	 * Removes one of the customer's passkeys, audited and mailed; another customer's is
	 * not found and stays.
	 */
	@Transactional
	public Optional<PasskeyProblem> remove(CustomerId customerId, UUID passkey, @Nullable String clientAddress) {
		var removed = store.delete(customerId.value(), passkey);
		if (removed.isEmpty()) {
			return Optional.of(PasskeyProblem.NOT_FOUND);
		}
		audit.record(AuditType.PASSKEY_REMOVED, customerId.value(), AuditTrail.CUSTOMER, clientAddress, null);
		customers.find(customerId).ifPresent(customer -> mails.signInMethodRemoved(recipient(customer), METHOD));
		return Optional.empty();
	}

	private PasskeyChallenge newChallenge(Ceremony ceremony, @Nullable UUID customer) {
		var value = BASE64URL.encodeToString(randomBytes(32));
		var now = clock.instant();
		store.storeChallenge(hash(value), now.plus(settings.challengeValidity()), now);
		return new PasskeyChallenge(ceremony, value, customer, now);
	}

	// The challenge must be this ceremony's (and customer's), young enough, and not used
	// before on any node; it is used up whatever comes next.
	private Optional<PasskeyProblem> consume(@Nullable PasskeyChallenge challenge, Ceremony ceremony,
			@Nullable UUID customer) {
		if (challenge == null || challenge.ceremony() != ceremony
				|| (customer != null && !customer.equals(challenge.customerId()))) {
			return Optional.of(PasskeyProblem.EXPIRED);
		}
		var now = clock.instant();
		if (challenge.issuedAt().plus(settings.challengeValidity()).isBefore(now)
				|| !store.consumeChallenge(hash(challenge.value()), now)) {
			return Optional.of(PasskeyProblem.EXPIRED);
		}
		return Optional.empty();
	}

	private SignInOutcome refusedSignIn(StoredPasskey passkey, @Nullable String clientAddress, String reason) {
		audit.record(AuditType.LOGIN_FAILED, passkey.customerId(), AuditTrail.ANONYMOUS, clientAddress,
				METHOD + ": " + reason);
		return new SignInOutcome.Refused(PasskeyProblem.NOT_VERIFIED);
	}

	private CredentialRecordImpl record(StoredPasskey passkey) {
		return new CredentialRecordImpl(new NoneAttestationStatement(), passkey.uvInitialized(),
				passkey.backupEligible(), passkey.backedUp(), passkey.signCount(),
				credentialData.convert(passkey.attestedCredentialData()), null, null, null,
				parseTransports(passkey.transports()));
	}

	private static PasskeyOptions.Descriptor descriptor(StoredPasskey passkey) {
		return new PasskeyOptions.Descriptor("public-key", BASE64URL.encodeToString(passkey.credentialId()),
				parseTransports(passkey.transports()).stream().map(AuthenticatorTransport::getValue).toList());
	}

	private static @Nullable String transports(@Nullable Set<AuthenticatorTransport> transports) {
		if (transports == null || transports.isEmpty()) {
			return null;
		}
		var joined = transports.stream()
			.map(AuthenticatorTransport::getValue)
			.sorted()
			.collect(Collectors.joining(","));
		return joined.length() > 200 ? null : joined;
	}

	private static Set<AuthenticatorTransport> parseTransports(@Nullable String transports) {
		var parsed = new LinkedHashSet<AuthenticatorTransport>();
		if (transports != null) {
			for (var each : transports.split(",")) {
				if (!each.isBlank()) {
					parsed.add(AuthenticatorTransport.create(each));
				}
			}
		}
		return parsed;
	}

	private static String shortened(String name) {
		return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH ? name
				: name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH)).strip();
	}

	private long timeoutMillis() {
		return settings.challengeValidity().toMillis();
	}

	private byte[] randomBytes(int length) {
		var bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url);
	}

	private static String hash(String challenge) {
		return Sha256.hex("passkey-challenge:" + challenge);
	}

	private static Recipient recipient(CustomerDetails customer) {
		return new Recipient(customer.email(), customer.fullName(), customer.locale().locale(), customer.id().value());
	}

}
