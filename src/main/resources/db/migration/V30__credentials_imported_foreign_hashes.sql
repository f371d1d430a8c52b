-- credentials: the imported hashes of other systems still in use, found at once (the login's
-- decoy of their most common shape is looked up from a sample of them)
create index credentials_password_imported_foreign on credentials_password (owner_id)
    where imported and hash not like '$argon2id$%';
