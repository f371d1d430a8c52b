package io.clientele.backoffice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.clientele.audit.AuditFilter;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;

/** The whole audit trail, filterable by actor, customer, type and time. */
@Controller
class BackofficeActivityController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	private final CustomerManagement customers;

	private final Clock clock;

	BackofficeActivityController(AuditTrail audit, CustomerManagement customers, Clock clock) {
		this.audit = audit;
		this.customers = customers;
		this.clock = clock;
	}

	/** The filter as typed; anything unknown is reported, not guessed. */
	record ActivityFilter(@Nullable String actor, @Nullable String customer, @Nullable String type,
			@Nullable String from, @Nullable String to, @Nullable String page) {

		public int pageNumber() {
			try {
				return page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000));
			}
			catch (NumberFormatException notANumber) {
				return 0;
			}
		}

		public String pageLink(int newPage) {
			var builder = UriComponentsBuilder.fromPath("/backoffice/activity");
			for (var entry : new String[][] { { "actor", actor }, { "customer", customer }, { "type", type },
					{ "from", from }, { "to", to } }) {
				if (entry[1] != null && !entry[1].isBlank()) {
					builder.queryParam(entry[0], entry[1]);
				}
			}
			if (newPage > 0) {
				builder.queryParam("page", newPage);
			}
			return builder.encode().build().toUriString();
		}

	}

	@GetMapping("/backoffice/activity")
	String activity(@ModelAttribute("filter") ActivityFilter filter, Model model) {
		var problems = new ArrayList<String>();
		var zone = clock.getZone();
		var from = BackofficeCustomerController.date(filter.from(), "backoffice.filter.from-invalid", problems);
		var to = BackofficeCustomerController.date(filter.to(), "backoffice.filter.to-invalid", problems);
		AuditType type = null;
		if (filter.type() != null && !filter.type().isBlank()) {
			type = Arrays.stream(AuditType.values())
				.filter(t -> t.name().equals(filter.type()))
				.findFirst()
				.orElse(null);
			if (type == null) {
				problems.add("backoffice.filter.type-invalid");
			}
		}
		java.util.UUID customer = null;
		var matchesNothing = false;
		if (filter.customer() != null && !filter.customer().isBlank()) {
			var found = customers.findByReference(filter.customer());
			if (found.isEmpty()) {
				problems.add("backoffice.filter.customer-unknown");
				matchesNothing = true;
			}
			else {
				customer = found.get().id().value();
			}
		}
		var page = filter.pageNumber();
		var entries = matchesNothing ? new io.clientele.audit.AuditPage(List.of(), 0, PAGE_SIZE, false)
				: audit.find(
						new AuditFilter(filter.actor(), customer, type,
								from == null ? null : from.atStartOfDay(zone).toInstant(),
								to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()),
						page * PAGE_SIZE, PAGE_SIZE);
		var references = new HashMap<java.util.UUID, String>();
		customers
			.findAll(entries.entries()
				.stream()
				.map(e -> e.customerId())
				.filter(java.util.Objects::nonNull)
				.map(CustomerId::new)
				.collect(java.util.stream.Collectors.toSet()))
			.forEach(c -> references.put(c.id().value(), c.reference().value()));
		model.addAttribute("entries", entries);
		model.addAttribute("references", references);
		model.addAttribute("types", AuditType.values());
		model.addAttribute("filterProblems", problems);
		model.addAttribute("page", page);
		return "backoffice/activity";
	}

}
