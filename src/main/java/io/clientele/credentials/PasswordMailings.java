package io.clientele.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerContact;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.notification.CustomerMails;
import io.clientele.notification.TokenRecipient;

/**
 * Password mails to every customer, or every customer without a password, at once
 * (Spryker's {@code customer:password:set} and {@code customer:password:reset}). Works
 * through the customers in batches, one transaction each: a batch issues its tokens,
 * queues its mails in the outbox and records its audit entries in a few statements, so
 * that a million customers take under a minute. A run that is stopped leaves whole
 * batches behind; running it again mails everybody again (or, with
 * {@code skipPendingTokens}, only those still without a working link).
 */
@Component
public class PasswordMailings {

	/** Customers per transaction. */
	static final int BATCH = 2_000;

	/**
	 * Transactions at once, each on the next page of customers: the work is the
	 * database's, and one connection keeps one of its cores busy.
	 */
	private static final int WORKERS = 2;

	/** Customer ids per look-up while counting. */
	private static final int COUNT_PAGE = 10_000;

	private final CustomerManagement customers;

	private final CustomerTokens tokens;

	private final CustomerMails mails;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final CredentialsSettings.Reset settings;

	private final Clock clock;

	PasswordMailings(CustomerManagement customers, CustomerTokens tokens, CustomerMails mails, AuditTrail audit,
			JdbcClient jdbc, TransactionTemplate transaction, CredentialsSettings credentials, Clock clock) {
		this.customers = customers;
		this.tokens = tokens;
		this.mails = mails;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.settings = credentials.reset();
		this.clock = clock;
	}

	/** How many customers {@link #send} would mail if it ran now. */
	public long countRecipients(SendPasswordMails command) {
		long count = 0;
		CustomerId after = null;
		while (true) {
			var page = customers.openIdsAfter(after, COUNT_PAGE);
			if (page.isEmpty()) {
				return count;
			}
			count += filtered(command) ? countSelected(page, command) : page.size();
			if (page.size() < COUNT_PAGE) {
				return count;
			}
			after = page.getLast();
		}
	}

	/**
	 * Gives each selected customer a new password link (their earlier unused ones stop
	 * working) and queues one mail with it; the mails are sent by a web instance's
	 * dispatcher after each batch commits. Calls {@code progress} with the number of
	 * mails queued so far after every batch (from the workers' threads, one call at a
	 * time), and returns the total.
	 */
	public long send(SendPasswordMails command, LongConsumer progress) {
		var sent = new AtomicLong();
		var failed = new AtomicBoolean();
		LongConsumer batchDone = mailed -> {
			synchronized (sent) {
				progress.accept(sent.addAndGet(mailed));
			}
		};
		var pages = new Pages(customers);
		try (var workers = Executors.newFixedThreadPool(WORKERS,
				Thread.ofPlatform().name("password-mails-", 1).daemon().factory())) {
			var running = new ArrayList<Future<?>>();
			for (var worker = 0; worker < WORKERS; worker++) {
				running.add(workers.submit(() -> sendPages(command, pages, failed, batchDone)));
			}
			for (var worker : running) {
				await(worker, failed);
			}
		}
		return sent.get();
	}

	/**
	 * The customers in the order of their ids, a page at a time to whichever worker asks
	 * next: the workers share the pages whatever the ids look like (random or
	 * time-ordered, as imported customers' are).
	 */
	private static final class Pages {

		private final CustomerManagement customers;

		private @Nullable CustomerId after;

		private boolean done;

		Pages(CustomerManagement customers) {
			this.customers = customers;
		}

		synchronized List<CustomerContact> next() {
			if (done) {
				return List.of();
			}
			var page = customers.openContactsAfter(after, BATCH);
			done = page.size() < BATCH;
			if (!page.isEmpty()) {
				after = page.getLast().id();
			}
			return page;
		}

	}

	/**
	 * Takes pages and mails them, one transaction each, until none is left or a failure.
	 */
	private void sendPages(SendPasswordMails command, Pages pages, AtomicBoolean failed, LongConsumer batchDone) {
		try {
			while (!failed.get()) {
				var page = pages.next();
				if (page.isEmpty()) {
					return;
				}
				var mailed = transaction.execute(status -> sendBatch(command, page));
				batchDone.accept(mailed == null ? 0 : mailed);
			}
		}
		catch (RuntimeException ex) {
			// the other workers stop after their current batch
			failed.set(true);
			throw ex;
		}
	}

	private static void await(Future<?> range, AtomicBoolean failed) {
		try {
			range.get();
		}
		catch (ExecutionException ex) {
			failed.set(true);
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			failed.set(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending password mails", ex);
		}
	}

	/** Mails the page's selected customers; returns how many. */
	private int sendBatch(SendPasswordMails command, List<CustomerContact> page) {
		var chosen = filtered(command) ? select(page, command) : page;
		var ids = chosen.stream().map(CustomerContact::id).toList();
		var welcome = command.audience() == SendPasswordMails.Audience.WITHOUT_PASSWORD;
		var validity = validity(command);
		var issued = tokens.issueAll(ids, TokenPurpose.PASSWORD_RESET, validity);
		var recipients = new ArrayList<TokenRecipient>(chosen.size());
		for (var i = 0; i < chosen.size(); i++) {
			recipients.add(new TokenRecipient(CustomerRecipients.of(chosen.get(i)), issued.get(i)));
		}
		if (welcome) {
			mails.loginsCreated(recipients, validity);
		}
		else {
			mails.passwordResets(recipients, validity);
		}
		audit.recordAll(welcome ? AuditType.LOGIN_LINK_SENT : AuditType.RESET_LINK_SENT,
				ids.stream().map(CustomerId::value).toList(), command.actor(),
				welcome ? "to every customer without a password" : "to every customer");
		return chosen.size();
	}

	private static boolean filtered(SendPasswordMails command) {
		return command.audience() == SendPasswordMails.Audience.WITHOUT_PASSWORD || command.skipPendingTokens();
	}

	private List<CustomerContact> select(List<CustomerContact> page, SendPasswordMails command) {
		var ids = page.stream().map(contact -> contact.id().value().toString()).toArray(String[]::new);
		var kept = new HashSet<>(selection(command, "c.id", ids).query(UUID.class).list());
		return page.stream().filter(contact -> kept.contains(contact.id().value())).toList();
	}

	private long countSelected(List<CustomerId> page, SendPasswordMails command) {
		var ids = page.stream().map(id -> id.value().toString()).toArray(String[]::new);
		return selection(command, "count(*)", ids).query(Long.class).single();
	}

	/**
	 * The customers of the page that the command selects, by the credentials' own tables:
	 * no password row, no pending reset token.
	 */
	private JdbcClient.StatementSpec selection(SendPasswordMails command, String what, String[] ids) {
		var sql = new StringBuilder("select ").append(what).append(" from unnest(?::uuid[]) as c(id) where true");
		var parameters = new ArrayList<Object>();
		parameters.add(ids);
		if (command.audience() == SendPasswordMails.Audience.WITHOUT_PASSWORD) {
			sql.append(" and not exists (select 1 from credentials_password p where p.owner_id = c.id)");
		}
		if (command.skipPendingTokens()) {
			sql.append(" and not exists (select 1 from credentials_token t where t.customer_id = c.id")
				.append(" and t.purpose = ? and t.used_at is null and t.expires_at > ?::timestamptz)");
			parameters.add(TokenPurpose.PASSWORD_RESET.name());
			parameters.add(Timestamp.from(clock.instant()));
		}
		// positional parameters: the driver takes the array as it is, the SQL casts it
		return jdbc.sql(sql.toString()).params(parameters);
	}

	private Duration validity(SendPasswordMails command) {
		return command.audience() == SendPasswordMails.Audience.WITHOUT_PASSWORD ? PasswordResets.LOGIN_LINK_VALIDITY
				: settings.tokenValidity();
	}

}
