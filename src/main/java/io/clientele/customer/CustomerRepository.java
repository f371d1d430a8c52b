package io.clientele.customer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends ListCrudRepository<Customer, UUID> {

	/** Uses the unique index on lower(email). */
	@Query("select * from customer where lower(email) = lower(:email)")
	Optional<Customer> findByEmail(@Param("email") String email);

	@Query("select * from customer where customer_reference = :reference")
	Optional<Customer> findByReference(@Param("reference") String reference);

	@Query("select nextval('customer_reference_seq')")
	long nextReferenceNumber();

	/** Open accounts in the order they were created, after the given one (keyset). */
	@Query("select * from customer where anonymized_at is null and (created_at, id) > (:createdAt, :id)"
			+ " order by created_at, id limit :limit")
	java.util.List<Customer> findOpenAfter(@Param("createdAt") java.sql.Timestamp createdAt, @Param("id") UUID id,
			@Param("limit") int limit);

	@Query("select exists(select 1 from customer)")
	boolean anyExist();

}
