package io.clientele.backoffice;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.address.AddressDetails;
import io.clientele.audit.AuditActor;
import io.clientele.shared.InvalidInput;

/**
 * The customer page's Addresses tab: add, edit, delete, and the default billing and
 * shipping address.
 */
@Controller
class BackofficeAddressController {

	private final BackofficeCustomers pages;

	private final AddressBook addresses;

	BackofficeAddressController(BackofficeCustomers pages, AddressBook addresses) {
		this.pages = pages;
		this.addresses = addresses;
	}

	/** The address form's fields, as typed. */
	record AddressForm(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
			@Nullable String address1, @Nullable String address2, @Nullable String address3, @Nullable String zipCode,
			@Nullable String city, @Nullable String iso2Code, @Nullable String company, @Nullable String phone,
			@Nullable Boolean defaultBilling, @Nullable Boolean defaultShipping) {

		static AddressForm empty() {
			return new AddressForm("", "", "", "", "", "", "", "", "DE", "", "", false, false);
		}

		static AddressForm of(AddressDetails a) {
			return new AddressForm(a.salutation(), a.firstName(), a.lastName(), a.address1(), a.address2(),
					a.address3(), a.zipCode(), a.city(), a.iso2Code(), a.company(), a.phone(), a.defaultBilling(),
					a.defaultShipping());
		}

		AddressData data() {
			return new AddressData(text(salutation), text(firstName), text(lastName), text(address1), text(address2),
					text(address3), text(zipCode), text(city), text(iso2Code), text(company), text(phone));
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

	}

	@GetMapping("/backoffice/customers/{reference}/addresses")
	String list(@PathVariable String reference, Model model) {
		var customer = pages.find(reference);
		model.addAttribute("addresses", addresses.list(customer.id()));
		return pages.tab(customer, "addresses", model);
	}

	@GetMapping("/backoffice/customers/{reference}/addresses/new")
	String newAddress(@PathVariable String reference, Model model) {
		model.addAttribute("addressForm", AddressForm.empty());
		return form(reference, null, model);
	}

	@PostMapping("/backoffice/customers/{reference}/addresses")
	String add(@PathVariable String reference, @ModelAttribute AddressForm addressForm, BindingResult result,
			AuditActor staff, Model model, RedirectAttributes redirect) {
		var customer = pages.open(reference);
		try {
			addresses.add(customer.id(), addressForm.data(), Boolean.TRUE.equals(addressForm.defaultBilling()),
					Boolean.TRUE.equals(addressForm.defaultShipping()), staff);
		}
		catch (InvalidInput ex) {
			BackofficeCustomerController.reject(result, ex);
			return form(reference, null, model);
		}
		redirect.addFlashAttribute("message", "backoffice.address.added");
		return "redirect:/backoffice/customers/" + reference + "/addresses";
	}

	@GetMapping("/backoffice/customers/{reference}/addresses/{id}")
	String edit(@PathVariable String reference, @PathVariable UUID id, Model model) {
		var customer = pages.open(reference);
		model.addAttribute("addressForm", AddressForm.of(addresses.find(customer.id(), id)));
		return form(reference, id, model);
	}

	@PostMapping("/backoffice/customers/{reference}/addresses/{id}")
	String change(@PathVariable String reference, @PathVariable UUID id, @ModelAttribute AddressForm addressForm,
			BindingResult result, AuditActor staff, Model model, RedirectAttributes redirect) {
		var customer = pages.open(reference);
		try {
			// a default stays a default unless another address takes it over
			addresses.change(customer.id(), id, addressForm.data(),
					Boolean.TRUE.equals(addressForm.defaultBilling()) ? Boolean.TRUE : null,
					Boolean.TRUE.equals(addressForm.defaultShipping()) ? Boolean.TRUE : null, staff);
		}
		catch (InvalidInput ex) {
			BackofficeCustomerController.reject(result, ex);
			return form(reference, id, model);
		}
		redirect.addFlashAttribute("message", "backoffice.address.saved");
		return "redirect:/backoffice/customers/" + reference + "/addresses";
	}

	@PostMapping("/backoffice/customers/{reference}/addresses/{id}/delete")
	String delete(@PathVariable String reference, @PathVariable UUID id, AuditActor staff,
			RedirectAttributes redirect) {
		var customer = pages.open(reference);
		addresses.remove(customer.id(), id, staff);
		redirect.addFlashAttribute("message", "backoffice.address.deleted");
		return "redirect:/backoffice/customers/" + reference + "/addresses";
	}

	private String form(String reference, @Nullable UUID id, Model model) {
		model.addAttribute("addressId", id);
		model.addAttribute("countries", java.util.Arrays.stream(java.util.Locale.getISOCountries()).sorted().toList());
		return pages.tab(pages.open(reference), "address-form", model);
	}

}
