package io.clientele.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface StaffAccountRepository extends ListCrudRepository<StaffAccount, UUID> {

	@Query("select * from staff_account where lower(email) = lower(:email)")
	Optional<StaffAccount> findByEmail(@Param("email") String email);

	@Query("select * from staff_account order by lower(display_name), lower(email)")
	List<StaffAccount> findAllByName();

}
