package io.clientele.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The decoy that makes a login without an imported hash cost what one with an imported
 * hash costs: a hash of the shape most common among the imported hashes still in use
 * (bcrypt of cost 10, say), that no password matches. Looked up from a sample of those
 * hashes, again every few minutes (each node for itself: it is derived from the database,
 * no state of its own), and right after an import on this node. None while no imported
 * hash remains.
 */
@Component
class ForeignDecoys {

	static final Duration REFRESH = Duration.ofMinutes(10);

	static final int SAMPLE = 200;

	private final Supplier<List<String>> sample;

	private final Clock clock;

	private volatile @Nullable Instant refreshedAt;

	private volatile @Nullable String decoy;

	@org.springframework.beans.factory.annotation.Autowired
	ForeignDecoys(PasswordRepository passwords, Clock clock) {
		this(() -> passwords.sampleImportedForeignHashes(SAMPLE), clock);
	}

	ForeignDecoys(Supplier<List<String>> sample, Clock clock) {
		this.sample = sample;
		this.clock = clock;
	}

	/** The decoy for a login now, or null when no imported hash remains. */
	@Nullable String current() {
		if (due()) {
			refresh();
		}
		return decoy;
	}

	private boolean due() {
		var at = refreshedAt;
		return at == null || clock.instant().isAfter(at.plus(REFRESH));
	}

	/** After an import: the next login looks again. */
	void forget() {
		refreshedAt = null;
	}

	private synchronized void refresh() {
		// the logins that waited here for another's refresh look no further
		if (!due()) {
			return;
		}
		var hashes = sample.get();
		var byShape = hashes.stream().collect(Collectors.groupingBy(ForeignHashes::shape, Collectors.counting()));
		decoy = byShape.entrySet()
			.stream()
			.max(java.util.Map.Entry.<String, Long>comparingByValue()
				.thenComparing(java.util.Map.Entry.comparingByKey()))
			.map(java.util.Map.Entry::getKey)
			.flatMap(shape -> hashes.stream().filter(hash -> ForeignHashes.shape(hash).equals(shape)).findFirst())
			.map(ForeignHashes::decoyLike)
			.orElse(null);
		refreshedAt = clock.instant();
	}

}
