package io.clientele.storefront;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.shared.InvalidInput;

/**
 * The shopper's address book (Spryker's {@code /customer/address}): list, add, edit,
 * delete, and the default billing and shipping address; the first address becomes both.
 */
@Controller
class StorefrontAddressController {

	static final Set<String> FIELDS = Set.of("salutation", "firstName", "lastName", "company", "address1", "address2",
			"address3", "zipCode", "city", "iso2Code", "phone");

	private final AddressBook addresses;

	StorefrontAddressController(AddressBook addresses) {
		this.addresses = addresses;
	}

	/** The address form as typed. */
	record AddressForm(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
			@Nullable String company, @Nullable String address1, @Nullable String address2, @Nullable String address3,
			@Nullable String zipCode, @Nullable String city, @Nullable String iso2Code, @Nullable String phone,
			@Nullable Boolean defaultBilling, @Nullable Boolean defaultShipping) {

		static AddressForm empty() {
			return new AddressForm("", "", "", "", "", "", "", "", "", "DE", "", false, false);
		}

		static AddressForm of(AddressDetails a) {
			return new AddressForm(a.salutation(), a.firstName(), a.lastName(), a.company(), a.address1(), a.address2(),
					a.address3(), a.zipCode(), a.city(), a.iso2Code(), a.phone(), a.defaultBilling(),
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

	@GetMapping("/customer/address")
	String list(@AuthenticationPrincipal CustomerPrincipal customer, Model model) {
		model.addAttribute("addresses", addresses.list(customer.id()));
		return "storefront/address/list";
	}

	@GetMapping("/customer/address/new")
	String newAddress(Model model) {
		model.addAttribute("addressForm", AddressForm.empty());
		return form(null, model);
	}

	@PostMapping("/customer/address")
	String add(@AuthenticationPrincipal CustomerPrincipal customer, @ModelAttribute AddressForm addressForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			addresses.add(customer.id(), addressForm.data(), Boolean.TRUE.equals(addressForm.defaultBilling()),
					Boolean.TRUE.equals(addressForm.defaultShipping()));
		}
		catch (InvalidInput ex) {
			FormErrors.reject(result, ex.violations(), FIELDS);
			return form(null, model);
		}
		redirect.addFlashAttribute("message", "address.added");
		return "redirect:/customer/address";
	}

	@GetMapping("/customer/address/{id}")
	String edit(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable UUID id, Model model) {
		model.addAttribute("addressForm", AddressForm.of(addresses.find(customer.id(), id)));
		return form(id, model);
	}

	@PostMapping("/customer/address/{id}")
	String change(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable UUID id,
			@ModelAttribute AddressForm addressForm, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			// a default stays a default until another address takes it over
			addresses.change(customer.id(), id, addressForm.data(),
					Boolean.TRUE.equals(addressForm.defaultBilling()) ? Boolean.TRUE : null,
					Boolean.TRUE.equals(addressForm.defaultShipping()) ? Boolean.TRUE : null);
		}
		catch (InvalidInput ex) {
			FormErrors.reject(result, ex.violations(), FIELDS);
			return form(id, model);
		}
		redirect.addFlashAttribute("message", "address.saved");
		return "redirect:/customer/address";
	}

	@PostMapping("/customer/address/{id}/delete")
	String delete(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable UUID id,
			RedirectAttributes redirect) {
		addresses.remove(customer.id(), id);
		redirect.addFlashAttribute("message", "address.deleted");
		return "redirect:/customer/address";
	}

	/** A country to choose: its ISO code and its name in the shopper's language. */
	record Country(String code, String name) {
	}

	private String form(@Nullable UUID id, Model model) {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		var collator = java.text.Collator.getInstance(locale);
		model.addAttribute("addressId", id);
		model.addAttribute("countries",
				java.util.Arrays.stream(java.util.Locale.getISOCountries())
					.map(code -> new Country(code, java.util.Locale.of("", code).getDisplayCountry(locale)))
					.sorted(java.util.Comparator.comparing(Country::name, collator))
					.toList());
		return "storefront/address/form";
	}

}
