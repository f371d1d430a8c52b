package io.clientele.backoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.clientele.audit.AuditActor;
import io.clientele.credentials.PasswordResets;
import io.clientele.customer.ChangeProfile;
import io.clientele.customer.CustomerChangedMeanwhile;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.CustomerQuery;
import io.clientele.customer.EmailAlreadyRegistered;
import io.clientele.customer.RegisterCustomer;
import io.clientele.groups.CustomerGroups;
import io.clientele.shared.InvalidInput;

/**
 * The customer list (search, filters, sorting, pages), creating a customer, and the
 * customer page's General tab with editing.
 */
@Controller
class BackofficeCustomerController {

	static final int PAGE_SIZE = 25;

	private final CustomerManagement customers;

	private final BackofficeCustomers pages;

	private final CustomerGroups groups;

	private final PasswordResets resets;

	BackofficeCustomerController(CustomerManagement customers, BackofficeCustomers pages, CustomerGroups groups,
			PasswordResets resets) {
		this.customers = customers;
		this.pages = pages;
		this.groups = groups;
		this.resets = resets;
	}

	/** The list's query as typed in the address bar; anything unknown is ignored. */
	record ListParameters(@Nullable String q, @Nullable String registered, @Nullable String status,
			@Nullable String group, @Nullable String createdFrom, @Nullable String createdTo, @Nullable String sort,
			@Nullable String dir, @Nullable String page) {

		public String text() {
			return q == null ? "" : q;
		}

		public int pageNumber() {
			try {
				return page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000));
			}
			catch (NumberFormatException notANumber) {
				return 0;
			}
		}

		public String sortColumn() {
			return sort != null && SORTS.contains(sort) ? sort : "created";
		}

		public boolean descending() {
			return dir == null ? "created".equals(sortColumn()) : "desc".equals(dir);
		}

		/** The address of this list with some parameters changed. */
		public String link(@Nullable String newSort, @Nullable Boolean newDescending, int newPage) {
			var builder = UriComponentsBuilder.fromPath("/backoffice/customers");
			add(builder, "q", q);
			add(builder, "registered", registered);
			add(builder, "status", status);
			add(builder, "group", group);
			add(builder, "createdFrom", createdFrom);
			add(builder, "createdTo", createdTo);
			var column = newSort != null ? newSort : sortColumn();
			builder.queryParam("sort", column);
			builder.queryParam("dir", (newDescending != null ? newDescending : descending()) ? "desc" : "asc");
			if (newPage > 0) {
				builder.queryParam("page", newPage);
			}
			return builder.encode().build().toUriString();
		}

		/** Sorting by a column: ascending first, the other way on a second click. */
		public String sortLink(String column) {
			return link(column, column.equals(sortColumn()) ? !descending() : Boolean.FALSE, 0);
		}

		public String pageLink(int newPage) {
			return link(null, null, newPage);
		}

		private static void add(UriComponentsBuilder builder, String name, @Nullable String value) {
			if (value != null && !value.isBlank()) {
				builder.queryParam(name, value);
			}
		}

	}

	static final List<String> SORTS = List.of("reference", "company", "lastName", "firstName", "email", "created",
			"registered", "status");

	@GetMapping("/backoffice/customers")
	String list(@ModelAttribute("filter") ListParameters filter, Model model) {
		var problems = new ArrayList<String>();
		var from = date(filter.createdFrom(), "backoffice.filter.created-from-invalid", problems);
		var to = date(filter.createdTo(), "backoffice.filter.created-to-invalid", problems);
		var locked = pages.lockedCustomers();
		java.util.Collection<CustomerId> among = null;
		CustomerQuery.State state = null;
		if ("locked".equals(filter.status())) {
			among = locked;
		}
		else if (filter.status() != null && !filter.status().isBlank()) {
			state = switch (filter.status()) {
				case "confirmed" -> CustomerQuery.State.CONFIRMED;
				case "unconfirmed" -> CustomerQuery.State.UNCONFIRMED;
				case "blocked" -> CustomerQuery.State.BLOCKED;
				case "deleted" -> CustomerQuery.State.DELETED;
				default -> null;
			};
		}
		var group = groupId(filter.group());
		if (group != null) {
			var members = groups.members(group);
			if (among != null) {
				among = members.stream().filter(locked::contains).toList();
			}
			else {
				among = members;
			}
		}
		var registered = "yes".equals(filter.registered()) ? Boolean.TRUE
				: "no".equals(filter.registered()) ? Boolean.FALSE : null;
		var page = filter.pageNumber();
		var search = customers.search(new CustomerQuery(filter.text(), registered, state, among, from, to,
				order(filter.sortColumn()), filter.descending(), page * PAGE_SIZE, PAGE_SIZE));
		var ids = search.customers().stream().map(CustomerDetails::id).toList();
		var groupNames = groups.groupNamesOf(ids);
		model.addAttribute("search", search);
		model.addAttribute("rows",
				search.customers()
					.stream()
					.map(c -> new CustomerRow(c, BackofficeCustomers.statusOf(c, locked.contains(c.id())),
							groupNames.getOrDefault(c.id(), List.of())))
					.toList());
		model.addAttribute("filterProblems", problems);
		model.addAttribute("allGroups", groups.names());
		model.addAttribute("page", page);
		model.addAttribute("pages", Math.max(1, (search.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		return "backoffice/customer/list";
	}

	private static CustomerQuery.Order order(String column) {
		return switch (column) {
			case "reference" -> CustomerQuery.Order.REFERENCE;
			case "company" -> CustomerQuery.Order.COMPANY;
			case "lastName" -> CustomerQuery.Order.LAST_NAME;
			case "firstName" -> CustomerQuery.Order.FIRST_NAME;
			case "email" -> CustomerQuery.Order.EMAIL;
			case "registered" -> CustomerQuery.Order.REGISTERED;
			case "status" -> CustomerQuery.Order.STATUS;
			default -> CustomerQuery.Order.CREATED;
		};
	}

	/**
	 * A filter's date as typed (YYYY-MM-DD); anything else adds the problem's message key
	 * and filters nothing.
	 */
	static @Nullable LocalDate date(@Nullable String text, String problem, List<String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(problem);
			return null;
		}
	}

	private static @Nullable UUID groupId(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A row of the customer list. */
	record CustomerRow(CustomerDetails customer, String status, List<String> groups) {
	}

	/** The fields of the create and edit forms, as typed. */
	record CustomerForm(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
			@Nullable String email, @Nullable String gender, @Nullable String dateOfBirth, @Nullable String phone,
			@Nullable String company, @Nullable String locale, @Nullable Boolean sendLink, @Nullable Long version) {

		static CustomerForm empty() {
			return new CustomerForm("", "", "", "", "", "", "", "", "en_US", true, null);
		}

		static CustomerForm of(CustomerDetails customer) {
			return new CustomerForm(customer.salutation() == null ? "" : customer.salutation().name(),
					customer.firstName(), customer.lastName(), customer.email().value(),
					customer.gender() == null ? "" : customer.gender().name(),
					customer.dateOfBirth() == null ? "" : customer.dateOfBirth().toString(),
					customer.phone() == null ? "" : customer.phone(),
					customer.company() == null ? "" : customer.company(), customer.locale().code(), false,
					customer.version());
		}

		CustomerForm withVersion(long newVersion) {
			return new CustomerForm(salutation, firstName, lastName, email, gender, dateOfBirth, phone, company, locale,
					sendLink, newVersion);
		}

		static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

	}

	/** A field of a conflicting edit: what the staff member typed and what is stored. */
	record ConflictRow(String field, String yours, String stored) {

		public boolean differs() {
			return !yours.strip().equals(stored.strip());
		}

		static List<ConflictRow> compare(CustomerForm yours, CustomerForm stored) {
			return List.of(row("salutation", yours.salutation(), stored.salutation()),
					row("firstName", yours.firstName(), stored.firstName()),
					row("lastName", yours.lastName(), stored.lastName()),
					row("company", yours.company(), stored.company()), row("phone", yours.phone(), stored.phone()),
					row("gender", yours.gender(), stored.gender()),
					row("dateOfBirth", yours.dateOfBirth(), stored.dateOfBirth()));
		}

		private static ConflictRow row(String field, @Nullable String yours, @Nullable String stored) {
			return new ConflictRow(field, CustomerForm.text(yours), CustomerForm.text(stored));
		}

	}

	@GetMapping("/backoffice/customers/new")
	String newCustomer(Model model) {
		model.addAttribute("customerForm", CustomerForm.empty());
		return "backoffice/customer/new";
	}

	/**
	 * Creates a customer without a password; the set-password link (Spryker's "send
	 * password token") is sent when asked.
	 */
	@PostMapping("/backoffice/customers")
	String create(@ModelAttribute CustomerForm customerForm, BindingResult result, AuditActor staff, Model model,
			RedirectAttributes redirect) {
		var dateOfBirth = dateOfBirth(customerForm, result);
		var data = new RegisterCustomer(CustomerForm.text(customerForm.salutation()),
				CustomerForm.text(customerForm.firstName()), CustomerForm.text(customerForm.lastName()),
				CustomerForm.text(customerForm.email()), blankToNull(customerForm.gender()), dateOfBirth,
				customerForm.phone(), customerForm.company(), CustomerForm.text(customerForm.locale()), false);
		if (result.hasErrors()) {
			// every problem at once, not the date's first
			reject(result, new InvalidInput(customers.check(data)));
			return "backoffice/customer/new";
		}
		PasswordResets.CreatedByStaff created;
		try {
			created = resets.createCustomer(data, Boolean.TRUE.equals(customerForm.sendLink()), staff);
		}
		catch (InvalidInput ex) {
			reject(result, ex);
			return "backoffice/customer/new";
		}
		catch (EmailAlreadyRegistered ex) {
			result.rejectValue("email", "backoffice.customer.email-taken");
			return "backoffice/customer/new";
		}
		redirect.addFlashAttribute("message", created.loginLinkSent() ? "backoffice.customer.created-link-sent"
				: "backoffice.customer.created-without-login");
		return "redirect:/backoffice/customers/" + created.customer().reference().value();
	}

	@GetMapping("/backoffice/customers/{reference}")
	String general(@PathVariable String reference, Model model) {
		return pages.tab(pages.find(reference), "general", model);
	}

	@GetMapping("/backoffice/customers/{reference}/edit")
	String edit(@PathVariable String reference, Model model) {
		var customer = pages.open(reference);
		model.addAttribute("customerForm", CustomerForm.of(customer));
		return pages.tab(customer, "edit", model);
	}

	/**
	 * Saves the details if nobody changed the customer since the form was opened;
	 * otherwise shows both versions and nothing is overwritten.
	 */
	@PostMapping("/backoffice/customers/{reference}/edit")
	String update(@PathVariable String reference, @ModelAttribute CustomerForm customerForm, BindingResult result,
			AuditActor staff, Model model, RedirectAttributes redirect) {
		var customer = pages.open(reference);
		var dateOfBirth = dateOfBirth(customerForm, result);
		if (result.hasErrors()) {
			return pages.tab(customer, "edit", model);
		}
		var version = customerForm.version() == null ? -1 : customerForm.version();
		try {
			customers.changeProfile(customer.id(),
					new ChangeProfile(CustomerForm.text(customerForm.salutation()),
							CustomerForm.text(customerForm.firstName()), CustomerForm.text(customerForm.lastName()),
							CustomerForm.text(customerForm.gender()), dateOfBirth,
							CustomerForm.text(customerForm.phone()), CustomerForm.text(customerForm.company())),
					version, staff);
		}
		catch (InvalidInput ex) {
			reject(result, ex);
			return pages.tab(customer, "edit", model);
		}
		catch (CustomerChangedMeanwhile ex) {
			// the form keeps the staff member's input; saving again knowingly replaces
			// the stored version shown beside it
			model.addAttribute("customerForm", customerForm.withVersion(ex.current().version()));
			model.addAttribute("stored", ConflictRow.compare(customerForm, CustomerForm.of(ex.current())));
			return pages.tab(ex.current(), "edit", model);
		}
		redirect.addFlashAttribute("message", "backoffice.customer.saved");
		return "redirect:/backoffice/customers/" + reference;
	}

	private static @Nullable LocalDate dateOfBirth(CustomerForm form, BindingResult result) {
		var text = form.dateOfBirth();
		if (text == null || text.isBlank()) {
			return null;
		}
		// the form checks the format; the customer's rules check the range
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			result.rejectValue("dateOfBirth", "date-of-birth.invalid");
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static void reject(BindingResult result, InvalidInput ex) {
		ex.violations()
			.forEach(v -> result.rejectValue(v.field(), v.messageKey(), v.arguments().toArray(), v.messageKey()));
	}

}
