package io.clientele.backoffice;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

import io.clientele.audit.AuditActor;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerQuery;
import io.clientele.customer.CustomerManagement;
import io.clientele.groups.CustomerGroup;
import io.clientele.groups.CustomerGroups;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

/**
 * Customer groups: list, create, edit, delete, and their members, also from the customer
 * page.
 */
@Controller
class BackofficeGroupController {

	private final CustomerGroups groups;

	private final CustomerManagement customers;

	private final BackofficeCustomers pages;

	BackofficeGroupController(CustomerGroups groups, CustomerManagement customers, BackofficeCustomers pages) {
		this.groups = groups;
		this.customers = customers;
		this.pages = pages;
	}

	@GetMapping("/backoffice/customers/{reference}/groups")
	String customerGroups(@PathVariable String reference, Model model) {
		var customer = pages.find(reference);
		model.addAttribute("customerGroups", groups.groupsOf(customer.id()));
		model.addAttribute("allGroups", groups.names());
		return pages.tab(customer, "groups", model);
	}

	record GroupForm(@Nullable String name, @Nullable String description) {

		String nameText() {
			return name == null ? "" : name;
		}

	}

	@GetMapping("/backoffice/groups")
	String list(Model model) {
		model.addAttribute("groupForm", new GroupForm("", ""));
		return listPage(model);
	}

	@PostMapping("/backoffice/groups")
	String create(@ModelAttribute GroupForm groupForm, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			var group = groups.create(groupForm.nameText(), groupForm.description());
			redirect.addFlashAttribute("message", "backoffice.groups.created");
			return "redirect:/backoffice/groups/" + group.id();
		}
		catch (InvalidInput ex) {
			reject(result, ex);
			return listPage(model);
		}
	}

	@GetMapping("/backoffice/groups/{id}")
	String detail(@PathVariable UUID id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String find, @RequestParam(defaultValue = "0") int page, Model model) {
		var group = group(id);
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", new GroupForm(group.name(), group.description()));
		}
		model.addAttribute("q", q);
		model.addAttribute("find", find);
		model.addAttribute("page", Math.max(0, page));
		return detailPage(group, model);
	}

	@PostMapping("/backoffice/groups/{id}")
	String change(@PathVariable UUID id, @ModelAttribute GroupForm groupForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var group = group(id);
		try {
			groups.change(id, groupForm.nameText(), groupForm.description());
			redirect.addFlashAttribute("message", "backoffice.groups.saved");
			return "redirect:/backoffice/groups/" + id;
		}
		catch (InvalidInput ex) {
			reject(result, ex);
			return detailPage(group, model);
		}
	}

	@PostMapping("/backoffice/groups/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		groups.delete(group(id).id());
		redirect.addFlashAttribute("message", "backoffice.groups.deleted");
		return "redirect:/backoffice/groups";
	}

	/** Adds a customer found by reference or e-mail address. */
	@PostMapping("/backoffice/groups/{id}/members")
	String addMember(@PathVariable UUID id, @RequestParam(defaultValue = "") String customer, AuditActor staff,
			RedirectAttributes redirect) {
		var group = group(id);
		var found = findCustomer(customer);
		if (found == null) {
			redirect.addFlashAttribute("message", "backoffice.groups.no-such-customer");
		}
		else {
			groups.assign(group.id(), found.id(), staff);
			redirect.addFlashAttribute("message", "backoffice.groups.member-added");
		}
		return "redirect:/backoffice/groups/" + id;
	}

	@PostMapping("/backoffice/groups/{id}/members/{reference}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable String reference, AuditActor staff,
			RedirectAttributes redirect) {
		var found = findCustomer(reference);
		if (found != null) {
			var group = group(id);
			groups.remove(group.id(), found.id(), staff);
		}
		redirect.addFlashAttribute("message", "backoffice.groups.member-removed");
		return "redirect:/backoffice/groups/" + id;
	}

	@PostMapping("/backoffice/customers/{reference}/groups")
	String assignFromCustomer(@PathVariable String reference, @RequestParam UUID group, AuditActor staff,
			RedirectAttributes redirect) {
		var found = pages.open(reference);
		var added = group(group);
		groups.assign(added.id(), found.id(), staff);
		redirect.addFlashAttribute("message", "backoffice.groups.member-added");
		return "redirect:/backoffice/customers/" + reference + "/groups";
	}

	@PostMapping("/backoffice/customers/{reference}/groups/{group}/remove")
	String removeFromCustomer(@PathVariable String reference, @PathVariable UUID group, AuditActor staff,
			RedirectAttributes redirect) {
		var found = pages.open(reference);
		var removed = group(group);
		groups.remove(removed.id(), found.id(), staff);
		redirect.addFlashAttribute("message", "backoffice.groups.member-removed");
		return "redirect:/backoffice/customers/" + reference + "/groups";
	}

	private String listPage(Model model) {
		model.addAttribute("groups", groups.all());
		return "backoffice/group/list";
	}

	static final int MEMBERS_PAGE = 25;

	/**
	 * The group with a page of its members (searchable like the customer list) and, when
	 * staff search for customers to add, up to ten matches.
	 */
	private String detailPage(CustomerGroup group, Model model) {
		model.addAttribute("group", group);
		var q = model.getAttribute("q") instanceof String text ? text : "";
		var find = model.getAttribute("find") instanceof String text ? text : "";
		var page = model.getAttribute("page") instanceof Integer number ? number : 0;
		var members = groups.members(group.id());
		var query = CustomerQuery.text(q, page * MEMBERS_PAGE, MEMBERS_PAGE);
		var found = customers.search(new CustomerQuery(query.text(), null, null, members, null, null,
				CustomerQuery.Order.LAST_NAME, false, query.offset(), query.limit()));
		model.addAttribute("members", found.customers());
		model.addAttribute("memberSearch", found);
		model.addAttribute("memberPages", Math.max(1, (found.total() + MEMBERS_PAGE - 1) / MEMBERS_PAGE));
		if (!find.isBlank()) {
			var memberIds = java.util.Set.copyOf(members);
			model.addAttribute("candidates",
					customers.search(CustomerQuery.text(find, 0, 10))
						.customers()
						.stream()
						.filter(c -> !memberIds.contains(c.id()))
						.toList());
		}
		return "backoffice/group/detail";
	}

	private CustomerGroup group(UUID id) {
		return groups.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private @Nullable CustomerDetails findCustomer(String text) {
		var value = text.strip();
		if (EmailAddress.problemWith(value).isEmpty()) {
			return customers.findByEmail(EmailAddress.of(value)).orElse(null);
		}
		return customers.findByReference(value).orElse(null);
	}

	private static void reject(BindingResult result, InvalidInput ex) {
		ex.violations()
			.forEach(v -> result.rejectValue(v.field(), v.messageKey(), v.arguments().toArray(), v.messageKey()));
	}

}
