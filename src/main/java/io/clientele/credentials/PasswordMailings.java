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
	 * Transactions at once, each on its own range of customer ids: the work is the
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
		try (var workers = Executors.newFixedThreadPool(WORKERS,
				Thread.ofPlatform().name("password-mails-", 1).daemon().factory())) {
			var ranges = new ArrayList<Future<?>>();
			for (var worker = 0; worker < WORKERS; worker++) {
				var from = boundary(worker);
				var before = boundary(worker + 1);
				ranges.add(workers.submit(() -> sendRange(command, from, before, failed, batchDone)));
			}
			for (var range : ranges) {
				await(range, failed);
			}
		}
		return sent.get();
	}

	/** The customers of one range of ids, batch by batch, until the end or a failure. */
	private void sendRange(SendPasswordMails command, @Nullable CustomerId from, @Nullable CustomerId before,
			AtomicBoolean failed, LongConsumer batchDone) {
		var after = from;
		try {
			while (!failed.get()) {
				var start = after;
				var batch = transaction.execute(status -> sendBatch(command, start, before));
				if (batch == null || batch.read() == 0) {
					return;
				}
				batchDone.accept(batch.mailed());
				if (batch.read() < BATCH) {
					return;
				}
				after = batch.last();
			}
		}
		catch (RuntimeException ex) {
			// the other workers stop after their current batch
			failed.set(true);
			throw ex;
		}
	}

	/**
	 * Where the range of a worker starts: the ids split into equal ranges by their first
	 * 16 bits. A boundary is never a customer's id (its version bits are 0), so "after
	 * the boundary" misses no one.
	 */
	private static @Nullable CustomerId boundary(int worker) {
		if (worker == 0 || worker == WORKERS) {
			return null;
		}
		return new CustomerId(new UUID((long) (worker * 0x10000 / WORKERS) << 48, 0L));
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

	private Batch sendBatch(SendPasswordMails command, @Nullable CustomerId after, @Nullable CustomerId before) {
		var page = customers.openContactsAfter(after, before, BATCH);
		if (page.isEmpty()) {
			return new Batch(0, 0, null);
		}
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
		return new Batch(page.size(), chosen.size(), page.getLast().id());
	}

	private record Batch(int read, int mailed, @Nullable CustomerId last) {
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
