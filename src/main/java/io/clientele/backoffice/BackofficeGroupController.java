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

import io.clientele.customer.CustomerDetails;
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

	BackofficeGroupController(CustomerGroups groups, CustomerManagement customers) {
		this.groups = groups;
		this.customers = customers;
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
	String detail(@PathVariable UUID id, Model model) {
		var group = group(id);
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", new GroupForm(group.name(), group.description()));
		}
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
	String addMember(@PathVariable UUID id, @RequestParam(defaultValue = "") String customer,
			RedirectAttributes redirect) {
		var group = group(id);
		var found = findCustomer(customer);
		if (found == null) {
			redirect.addFlashAttribute("message", "backoffice.groups.no-such-customer");
		}
		else {
			groups.assign(group.id(), found.id());
			redirect.addFlashAttribute("message", "backoffice.groups.member-added");
		}
		return "redirect:/backoffice/groups/" + id;
	}

	@PostMapping("/backoffice/groups/{id}/members/{reference}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable String reference, RedirectAttributes redirect) {
		var found = findCustomer(reference);
		if (found != null) {
			groups.remove(group(id).id(), found.id());
		}
		redirect.addFlashAttribute("message", "backoffice.groups.member-removed");
		return "redirect:/backoffice/groups/" + id;
	}

	@PostMapping("/backoffice/customers/{reference}/groups")
	String assignFromCustomer(@PathVariable String reference, @RequestParam UUID group, RedirectAttributes redirect) {
		var found = customerOrNotFound(reference);
		groups.assign(group(group).id(), found.id());
		redirect.addFlashAttribute("message", "backoffice.groups.member-added");
		return "redirect:/backoffice/customers/" + reference;
	}

	@PostMapping("/backoffice/customers/{reference}/groups/{group}/remove")
	String removeFromCustomer(@PathVariable String reference, @PathVariable UUID group, RedirectAttributes redirect) {
		groups.remove(group, customerOrNotFound(reference).id());
		redirect.addFlashAttribute("message", "backoffice.groups.member-removed");
		return "redirect:/backoffice/customers/" + reference;
	}

	private String listPage(Model model) {
		model.addAttribute("groups", groups.all());
		return "backoffice/group/list";
	}

	private String detailPage(CustomerGroup group, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("members",
				groups.members(group.id()).stream().map(customers::find).flatMap(java.util.Optional::stream).toList());
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

	private CustomerDetails customerOrNotFound(String reference) {
		var found = findCustomer(reference);
		if (found == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return found;
	}

	private static void reject(BindingResult result, InvalidInput ex) {
		ex.violations()
			.forEach(v -> result.rejectValue(v.field(), v.messageKey(), v.arguments().toArray(), v.messageKey()));
	}

}
