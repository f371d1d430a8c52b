package io.clientele.backoffice;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.address.AddressBook;
import io.clientele.authentication.CustomerLogin;
import io.clientele.credentials.PasswordManagement;
import io.clientele.groups.CustomerGroups;
import io.clientele.notes.CustomerNotes;
import io.clientele.shared.InvalidInput;
import io.clientele.staff.StaffPrincipal;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.orderhistory.OrderHistory;

/** The customer list with search, and the customer page. */
@Controller
class BackofficeCustomerController {

	static final int PAGE_SIZE = 25;

	private final CustomerManagement customers;

	private final AddressBook addresses;

	private final OrderHistory orders;

	private final PasswordManagement passwords;

	private final CustomerNotes notes;

	private final CustomerGroups groups;

	private final CustomerLogin login;

	BackofficeCustomerController(CustomerManagement customers, AddressBook addresses, OrderHistory orders,
			PasswordManagement passwords, CustomerLogin login, CustomerNotes notes, CustomerGroups groups) {
		this.groups = groups;
		this.notes = notes;
		this.passwords = passwords;
		this.login = login;
		this.customers = customers;
		this.addresses = addresses;
		this.orders = orders;
	}

	@GetMapping("/backoffice/customers")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		var current = Math.max(0, page);
		var search = customers.search(q, current * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("search", search);
		// a page holds 25 rows: these per-row look-ups stay cheap (a joined view comes
		// with the 1M figures)
		model.addAttribute("rows",
				search.customers()
					.stream()
					.map(c -> new CustomerRow(c, passwords.hasPassword(c.id()), statusOf(c),
							groups.groupsOf(c.id()).stream().map(g -> g.name()).toList()))
					.toList());
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (search.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		return "backoffice/customer/list";
	}

	@GetMapping("/backoffice/customers/{reference}")
	String detail(@PathVariable String reference, Model model) {
		var customer = customers.findByReference(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var lockedOut = login.isLockedOut(customer.email().value());
		model.addAttribute("customer", customer);
		model.addAttribute("hasLogin", passwords.hasPassword(customer.id()));
		model.addAttribute("lockedOut", lockedOut);
		model.addAttribute("loginStatus", statusOf(customer));
		model.addAttribute("addresses", addresses.list(customer.id()));
		model.addAttribute("notes", notes.findAll(customer.id()));
		model.addAttribute("customerGroups", groups.groupsOf(customer.id()));
		model.addAttribute("allGroups", groups.all());
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm(""));
		}
		model.addAttribute("orders", orders.page(customer.id(), 0, 10));
		return "backoffice/customer/detail";
	}

	/** A row of the customer list. */
	record CustomerRow(CustomerDetails customer, boolean registered, String status, java.util.List<String> groups) {
	}

	private String statusOf(CustomerDetails customer) {
		return customer.blocked() ? "backoffice.status.blocked"
				: login.isLockedOut(customer.email().value()) ? "backoffice.status.locked"
						: customer.confirmed() ? "backoffice.status.confirmed" : "backoffice.status.unconfirmed";
	}

	record NoteForm(@Nullable String text) {
	}

	/** Notes are added in the name of the signed-in staff member, never edited. */
	@PostMapping("/backoffice/customers/{reference}/notes")
	String addNote(@PathVariable String reference, @ModelAttribute NoteForm noteForm, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal staff, Model model, RedirectAttributes redirect) {
		var customer = customers.findByReference(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			notes.add(customer.id(), noteForm.text() == null ? "" : noteForm.text(), staff.displayName());
		}
		catch (InvalidInput ex) {
			ex.violations()
				.forEach(v -> result.rejectValue("text", v.messageKey(), v.arguments().toArray(), v.messageKey()));
			return detail(reference, model);
		}
		redirect.addFlashAttribute("message", "backoffice.notes.added");
		return "redirect:/backoffice/customers/" + reference;
	}

}
