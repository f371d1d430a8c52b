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

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditFilter;
import io.clientele.audit.AuditTrail;
import io.clientele.notes.CustomerNotes;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.shared.InvalidInput;
import io.clientele.staff.StaffPrincipal;

/** The customer page's Orders, Notes and Activity tabs. */
@Controller
class BackofficeCustomerTabsController {

	static final int PAGE_SIZE = 25;

	private final BackofficeCustomers pages;

	private final OrderHistory orders;

	private final CustomerNotes notes;

	private final AuditTrail audit;

	BackofficeCustomerTabsController(BackofficeCustomers pages, OrderHistory orders, CustomerNotes notes,
			AuditTrail audit) {
		this.pages = pages;
		this.orders = orders;
		this.notes = notes;
		this.audit = audit;
	}

	@GetMapping("/backoffice/customers/{reference}/orders")
	String orders(@PathVariable String reference, @RequestParam(defaultValue = "0") int page, Model model) {
		var customer = pages.find(reference);
		var current = Math.max(0, page);
		var found = orders.page(customer.id(), current * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("orders", found);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		return pages.tab(customer, "orders", model);
	}

	@GetMapping("/backoffice/customers/{reference}/orders/{orderReference}")
	String order(@PathVariable String reference, @PathVariable String orderReference, Model model) {
		var customer = pages.find(reference);
		model.addAttribute("order", orders.find(customer.id(), orderReference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return pages.tab(customer, "order", model);
	}

	record NoteForm(@Nullable String text) {
	}

	@GetMapping("/backoffice/customers/{reference}/notes")
	String notes(@PathVariable String reference, Model model) {
		var customer = pages.find(reference);
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm(""));
		}
		model.addAttribute("notes", notes.findAll(customer.id()));
		return pages.tab(customer, "notes", model);
	}

	/** Notes are added in the name of the signed-in staff member, never edited. */
	@PostMapping("/backoffice/customers/{reference}/notes")
	String addNote(@PathVariable String reference, @ModelAttribute NoteForm noteForm, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal staff, AuditActor actor, Model model, RedirectAttributes redirect) {
		var customer = pages.open(reference);
		try {
			notes.add(customer.id(), noteForm.text() == null ? "" : noteForm.text(), staff.displayName(), actor);
		}
		catch (InvalidInput ex) {
			BackofficeCustomerController.reject(result, ex);
			return notes(reference, model);
		}
		redirect.addFlashAttribute("message", "backoffice.notes.added");
		return "redirect:/backoffice/customers/" + reference + "/notes";
	}

	@GetMapping("/backoffice/customers/{reference}/activity")
	String activity(@PathVariable String reference, @RequestParam(defaultValue = "0") int page, Model model) {
		var customer = pages.find(reference);
		var current = Math.max(0, page);
		model.addAttribute("entries",
				audit.find(AuditFilter.customer(customer.id().value()), current * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("page", current);
		return pages.tab(customer, "activity", model);
	}

}
