package io.clientele.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.support.Shoppers;

/**
 * Two batches of one address import written at the same time, as the importer does: when
 * both give a customer a default, the outcome is the same whichever commits first.
 */
@SpringBootTest
class AddressImportBatchesIntegrationTests {

	@Autowired
	AddressBook addresses;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TransactionTemplate transaction;

	static AddressData address(String street) {
		return new AddressData("Ms", "Ann", "Lee", street, "1", null, "10115", "Berlin", "DE", null, null);
	}

	CustomerId customer() {
		return customers.register(RegisterCustomer.fromStorefront("Ms", "Ann", "Lee", Shoppers.uniqueEmail(), "en_US"))
			.id();
	}

	@Test
	void aLaterBatchAskingForADefaultWinsOverTheFirstAddressOfAnEarlierBatchWhicheverCommitsFirst() throws Exception {
		for (var earlierCommitsFirst : List.of(true, false)) {
			var ann = customer();
			var earlier = List.of(new ImportedAddress(2, ann, address("Erste Straße"), false, false, true));
			var later = List.of(new ImportedAddress(5_002, ann, address("Zweite Straße"), true, false, false));

			if (earlierCommitsFirst) {
				writeOverlapping(earlier, later);
			}
			else {
				writeOverlapping(later, earlier);
			}

			assertThat(addresses.list(ann)).as(earlierCommitsFirst ? "earlier batch first" : "later batch first")
				.extracting(AddressDetails::address1, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
				.containsExactlyInAnyOrder(tuple("Erste Straße", false, true), tuple("Zweite Straße", true, false));
		}
	}

	/**
	 * Writes the first batch and keeps its transaction open while the second is written;
	 * the second then waits on the first's new default until the first commits.
	 */
	private void writeOverlapping(List<ImportedAddress> first, List<ImportedAddress> second) throws Exception {
		var firstWritten = new CountDownLatch(1);
		var secondStarted = new CountDownLatch(1);
		// two threads of their own, as the importer's writers (the common pool may have
		// one)
		try (var writers = Executors.newFixedThreadPool(2)) {
			var one = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
				addresses.importBatch(first);
				firstWritten.countDown();
				await(secondStarted);
				pause();
			}), writers);
			var two = CompletableFuture.runAsync(() -> {
				await(firstWritten);
				secondStarted.countDown();
				transaction.executeWithoutResult(status -> addresses.importBatch(second));
			}, writers);
			one.get(30, TimeUnit.SECONDS);
			two.get(30, TimeUnit.SECONDS);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// long enough for the second batch to reach the first's uncommitted default
	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
